package org.larch.protocol.session;

import org.apache.directory.api.ldap.codec.protocol.mina.LdapProtocolDecoder;
import org.apache.directory.api.ldap.codec.protocol.mina.LdapProtocolEncoder;
import org.apache.mina.core.buffer.IoBuffer;
import org.apache.mina.core.session.IoSession;
import org.apache.mina.filter.codec.ProtocolCodecFactory;
import org.apache.mina.filter.codec.ProtocolDecoder;
import org.apache.mina.filter.codec.ProtocolEncoder;
import org.apache.mina.filter.codec.ProtocolEncoderAdapter;
import org.apache.mina.filter.codec.ProtocolEncoderOutput;
import org.larch.protocol.LdapCodec;

/**
 * The LDAP API's MINA codec, with one addition on the way out: a {@link ResultCodeOverride} is
 * written as the bytes it encodes itself. Everything else goes to the API's encoder.
 */
public final class LarchCodecFactory implements ProtocolCodecFactory {
    private final ProtocolDecoder decoder = new LdapProtocolDecoder(LdapCodec.service());
    private final ProtocolEncoder encoder = new OverridingEncoder(new LdapProtocolEncoder(LdapCodec.service()));

    @Override
    public ProtocolEncoder getEncoder(IoSession session) {
        return encoder;
    }

    @Override
    public ProtocolDecoder getDecoder(IoSession session) {
        return decoder;
    }

    private static final class OverridingEncoder extends ProtocolEncoderAdapter {
        private final ProtocolEncoder ldapEncoder;

        OverridingEncoder(ProtocolEncoder ldapEncoder) {
            this.ldapEncoder = ldapEncoder;
        }

        @Override
        public void encode(IoSession session, Object message, ProtocolEncoderOutput out) throws Exception {
            if (message instanceof ResultCodeOverride override) {
                out.write(IoBuffer.wrap(override.encode()));
            } else {
                ldapEncoder.encode(session, message, out);
            }
        }
    }
}
