package org.larch.protocol.control;

import org.apache.directory.api.asn1.util.Asn1Buffer;
import org.apache.directory.api.ldap.codec.api.ControlContainer;
import org.apache.directory.api.ldap.codec.api.ControlFactory;
import org.apache.directory.api.ldap.model.message.Control;
import org.apache.directory.api.ldap.model.message.controls.OpaqueControl;

/**
 * Lets the API's encoder write a response control whose value the front end encoded itself (an
 * {@link OpaqueControl} with its encoded value): the encoder refuses controls without a factory.
 */
public final class RawValueControlFactory implements ControlFactory<OpaqueControl> {
    private final String oid;

    public RawValueControlFactory(String oid) {
        this.oid = oid;
    }

    @Override
    public String getOid() {
        return oid;
    }

    @Override
    public Control newControl() {
        return new OpaqueControl(oid);
    }

    @Override
    public void encodeValue(Asn1Buffer buffer, Control control) {
        if (control instanceof OpaqueControl opaque && opaque.hasEncodedValue()) {
            buffer.put(opaque.getEncodedValue());
        }
    }

    @Override
    public void decodeValue(ControlContainer container, Control control, byte[] value) {
        decodeValue(control, value);
    }

    @Override
    public void decodeValue(Control control, byte[] value) {
        ((OpaqueControl) control).setEncodedValue(value);
    }
}
