/**
 * Search filters on entries. {@link org.larch.backend.filter.FilterEvaluator} compiles the LDAP
 * API's filter tree against the schema ({@link org.larch.backend.filter.CompiledFilter}) and
 * evaluates it with RFC 4511's three-valued logic; {@link org.larch.backend.filter.ValuesReturnFilter}
 * keeps the values an RFC 3876 values return filter selects.
 */
package org.larch.backend.filter;
