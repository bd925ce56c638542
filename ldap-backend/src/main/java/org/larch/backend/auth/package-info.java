/**
 * Passwords: {@link org.larch.backend.auth.PasswordHashes} verifies bind passwords against stored
 * {@code userPassword}/{@code rootpw} values in slapd's schemes and hashes new ones.
 */
package org.larch.backend.auth;
