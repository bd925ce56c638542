package org.larch.backend;

import java.nio.file.Path;
import java.util.List;
import org.larch.backend.index.IndexDirective;

/**
 * What the backend needs from the configuration; the server maps the conf module's typed settings to
 * this record (conf does not depend on the backend).
 *
 * @param directory the environment directory ({@code directory})
 * @param maxSizeBytes the environment's ceiling ({@code maxsize})
 * @param suffix the naming context, e.g. {@code dc=example,dc=com}
 * @param rootDn the administrator's DN, or null
 * @param rootPassword {@code rootpw} as configured: plain text or {@code {SCHEME}hash}; null for none
 * @param indexes the {@code index} directives; {@code objectClass eq} is added by the backend if absent
 * @param sizeLimit server-side size limit, 0 = none ({@code sizelimit})
 * @param timeLimitSeconds server-side time limit, 0 = none ({@code timelimit})
 * @param readTxnRenewEntries a search renews its snapshot every this many entries ({@code rtxnsize})
 * @param schemaFiles extra OpenLDAP {@code .schema} files ({@code include})
 * @param serverId the sid written into CSNs (0..4095)
 * @param supportedControls control OIDs the front end handles, for the root DSE
 * @param supportedExtensions extended operation OIDs the front end handles, for the root DSE
 * @param supportedSaslMechanisms for the root DSE (may be empty)
 * @param vendorVersion for the root DSE
 */
public record DirectorySettings(
        Path directory,
        long maxSizeBytes,
        String suffix,
        String rootDn,
        String rootPassword,
        List<IndexDirective> indexes,
        int sizeLimit,
        int timeLimitSeconds,
        int readTxnRenewEntries,
        List<Path> schemaFiles,
        int serverId,
        List<String> supportedControls,
        List<String> supportedExtensions,
        List<String> supportedSaslMechanisms,
        String vendorVersion) {}
