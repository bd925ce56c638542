package org.larch.server;

import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import org.larch.backend.DirectorySettings;
import org.larch.backend.index.IndexDirective;
import org.larch.backend.index.IndexKind;
import org.larch.conf.IndexSetting;
import org.larch.conf.IndexType;
import org.larch.conf.LarchConfig;
import org.larch.protocol.ProtocolSettings;

/** Maps the configuration to what the backend ({@link DirectorySettings}) and the front end need. */
public final class ServerSettings {

    private ServerSettings() {}

    /**
     * The backend's settings.
     *
     * @param rootPassword the root password to use ({@code rootpw}, or the generated one's hash)
     * @param features the controls and extensions the front end supports, for the root DSE
     */
    public static DirectorySettings directory(LarchConfig config, String rootPassword, Features features, String vendorVersion) {
        return new DirectorySettings(
                config.directory(),
                config.maxSizeBytes(),
                config.suffix(),
                config.rootDn(),
                rootPassword,
                indexes(config.indexes()),
                config.sizeLimit(),
                config.timeLimitSeconds(),
                config.readTxnRenewEntries(),
                config.schemaFiles(),
                config.serverId(),
                features.controls(),
                features.extensions(),
                List.of(),
                vendorVersion);
    }

    static ProtocolSettings protocol(LarchConfig config) {
        return new ProtocolSettings(
                config.listen(),
                config.tlsCertificateFile(),
                config.tlsKeyFile(),
                config.maxPduBytes(),
                config.maxConnections(),
                config.idleTimeoutSeconds());
    }

    static List<IndexDirective> indexes(List<IndexSetting> settings) {
        return settings.stream().map(setting -> new IndexDirective(setting.attribute(), kinds(setting.types()))).toList();
    }

    /** conf's index types and the backend's index kinds share their names. */
    static Set<IndexKind> kinds(Set<IndexType> types) {
        Set<IndexKind> kinds = EnumSet.noneOf(IndexKind.class);
        for (IndexType type : types) {
            kinds.add(IndexKind.valueOf(type.name()));
        }
        return kinds;
    }

    /** What the front end supports, as the root DSE lists it. */
    public record Features(List<String> controls, List<String> extensions) {}
}
