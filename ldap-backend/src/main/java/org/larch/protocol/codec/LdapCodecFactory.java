package org.larch.protocol.codec;

import org.apache.directory.api.ldap.codec.protocol.mina.LdapProtocolEncoder;
import org.apache.mina.core.session.IoSession;
import org.apache.mina.filter.codec.ProtocolCodecFactory;
import org.apache.mina.filter.codec.ProtocolDecoder;
import org.apache.mina.filter.codec.ProtocolEncoder;
import org.larch.protocol.LdapCodec;

/** The codec filter's factory: our framing decoder in, the LDAP API's encoder out. */
public final class LdapCodecFactory implements ProtocolCodecFactory {
    private final int maxPduBytes;
    private final ProtocolEncoder encoder = new LdapProtocolEncoder(LdapCodec.service());

    public LdapCodecFactory(int maxPduBytes) {
        this.maxPduBytes = maxPduBytes;
    }

    @Override
    public ProtocolEncoder getEncoder(IoSession session) {
        return encoder;
    }

    /** One per session: the decoder keeps the session's partial PDU. */
    @Override
    public ProtocolDecoder getDecoder(IoSession session) {
        return new LdapPduDecoder(maxPduBytes);
    }
}
