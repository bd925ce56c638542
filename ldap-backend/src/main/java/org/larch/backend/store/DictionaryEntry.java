package org.larch.backend.store;

import org.apache.directory.api.ldap.model.schema.AttributeType;
import org.larch.backend.entry.AttributeDescription;

/**
 * One attribute description of the dictionary ({@code ad2id}): its small id, the description as a
 * client first wrote it, and the schema type it resolves to (null when the schema does not know it).
 */
public record DictionaryEntry(int id, AttributeDescription description, AttributeType type) {}
