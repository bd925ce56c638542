package org.larch.backend.request;

import java.util.List;
import org.apache.directory.api.ldap.model.entry.ModificationOperation;
import org.larch.backend.entry.AttributeDescription;

/** One change of a ModifyRequest: add, delete, replace or increment, on one attribute description. */
public record EntryModification(ModificationOperation operation, AttributeDescription attribute, List<byte[]> values) {}
