package org.larch.server;

import org.larch.backend.schema.DirectorySchema;
import org.larch.conf.IndexSetting;
import org.larch.conf.LarchConfig;

/**
 * Turns the backend's refusal of an {@code index} directive into a configuration error naming the
 * directive's file and line. Runs only after opening failed, so a good start does not load the schema
 * twice.
 */
final class IndexAttributeCheck {

    private IndexAttributeCheck() {}

    /**
     * A {@code file:line: reason} exception if an {@code index} directive names an attribute type the
     * schema does not define; {@code failure} itself otherwise.
     */
    static RuntimeException explain(LarchConfig config, RuntimeException failure) {
        DirectorySchema schema = DirectorySchema.load(config.schemaFiles());
        for (IndexSetting setting : config.indexes()) {
            if (schema.attributeType(setting.attribute()) == null) {
                return setting.error("index: attribute type \"" + setting.attribute() + "\" is not defined in the schema");
            }
        }
        return failure;
    }
}
