package org.larch.integration.differential;

import com.unboundid.ldap.listener.InMemoryDirectoryServer;
import com.unboundid.ldap.listener.InMemoryDirectoryServerConfig;
import com.unboundid.ldap.listener.InMemoryListenerConfig;
import com.unboundid.ldap.sdk.Entry;
import com.unboundid.ldap.sdk.LDAPException;
import com.unboundid.ldap.sdk.schema.Schema;
import org.larch.integration.data.DirectoryDataGenerator;
import org.larch.integration.server.LarchConfigFile;

/**
 * The reference for the differential test: UnboundID's {@code InMemoryDirectoryServer} listening on
 * loopback, with the same suffix and rootdn as the Larch under test and a schema that knows the same
 * types (the SDK's standard schema plus the RFC 2307 types the generator uses).
 */
public final class ReferenceServer implements AutoCloseable {
    private final InMemoryDirectoryServer server;

    private ReferenceServer(InMemoryDirectoryServer server) {
        this.server = server;
    }

    public static ReferenceServer start() throws LDAPException {
        InMemoryDirectoryServerConfig config = new InMemoryDirectoryServerConfig(DirectoryDataGenerator.SUFFIX);
        config.addAdditionalBindCredentials(LarchConfigFile.ROOT_DN, LarchConfigFile.ROOT_PASSWORD);
        config.setListenerConfigs(InMemoryListenerConfig.createLDAPConfig("ldap", 0));
        config.setSchema(schema());
        config.setMaxSizeLimit(0);
        InMemoryDirectoryServer server = new InMemoryDirectoryServer(config);
        server.startListening();
        return new ReferenceServer(server);
    }

    /** The SDK's standard schema with posixAccount and its attribute types (RFC 2307, as OpenLDAP's nis.schema). */
    public static Schema schema() throws LDAPException {
        Entry posix = new Entry("cn=schema",
                new com.unboundid.ldap.sdk.Attribute("objectClass", "top", "subschema"),
                new com.unboundid.ldap.sdk.Attribute("attributeTypes",
                        "( 1.3.6.1.1.1.1.0 NAME 'uidNumber' EQUALITY integerMatch ORDERING integerOrderingMatch"
                                + " SYNTAX 1.3.6.1.4.1.1466.115.121.1.27 SINGLE-VALUE )",
                        "( 1.3.6.1.1.1.1.1 NAME 'gidNumber' EQUALITY integerMatch ORDERING integerOrderingMatch"
                                + " SYNTAX 1.3.6.1.4.1.1466.115.121.1.27 SINGLE-VALUE )",
                        "( 1.3.6.1.1.1.1.2 NAME 'gecos' EQUALITY caseIgnoreIA5Match SUBSTR caseIgnoreIA5SubstringsMatch"
                                + " SYNTAX 1.3.6.1.4.1.1466.115.121.1.26 SINGLE-VALUE )",
                        "( 1.3.6.1.1.1.1.3 NAME 'homeDirectory' EQUALITY caseExactIA5Match"
                                + " SYNTAX 1.3.6.1.4.1.1466.115.121.1.26 SINGLE-VALUE )",
                        "( 1.3.6.1.1.1.1.4 NAME 'loginShell' EQUALITY caseExactIA5Match"
                                + " SYNTAX 1.3.6.1.4.1.1466.115.121.1.26 SINGLE-VALUE )"),
                new com.unboundid.ldap.sdk.Attribute("objectClasses",
                        "( 1.3.6.1.1.1.2.0 NAME 'posixAccount' SUP top AUXILIARY"
                                + " MUST ( cn $ uid $ uidNumber $ gidNumber $ homeDirectory )"
                                + " MAY ( userPassword $ loginShell $ gecos $ description ) )"));
        return Schema.mergeSchemas(Schema.getDefaultStandardSchema(), new Schema(posix));
    }

    public int port() {
        return server.getListenPort();
    }

    public InMemoryDirectoryServer server() {
        return server;
    }

    @Override
    public void close() {
        server.shutDown(true);
    }
}
