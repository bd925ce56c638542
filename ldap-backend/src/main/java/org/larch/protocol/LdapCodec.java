package org.larch.protocol;

import org.apache.directory.api.ldap.codec.api.LdapApiService;
import org.apache.directory.api.ldap.codec.api.LdapApiServiceFactory;
import org.larch.protocol.control.RawValueControlFactory;

/**
 * The Apache Directory LDAP API codec service the front end uses (the standalone implementation,
 * which registers the stock and "extras" controls and extended operations), plus response-control
 * factories for the controls the API does not know (pre-read and post-read entries).
 */
public final class LdapCodec {
    private static final LdapApiService SERVICE = create();

    private LdapCodec() {}

    public static LdapApiService service() {
        return SERVICE;
    }

    private static LdapApiService create() {
        LdapApiService service = LdapApiServiceFactory.getSingleton();
        if (service == null) {
            throw new IllegalStateException(
                    "no LDAP API codec service: api-ldap-codec-standalone is missing from the class path");
        }
        service.registerResponseControl(new RawValueControlFactory(SupportedFeatures.PRE_READ));
        service.registerResponseControl(new RawValueControlFactory(SupportedFeatures.POST_READ));
        return service;
    }
}
