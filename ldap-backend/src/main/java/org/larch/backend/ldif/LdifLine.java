package org.larch.backend.ldif;

import java.nio.charset.StandardCharsets;

/**
 * One logical LDIF line ({@code name: value}, {@code name:: base64}) after unfolding, with the number
 * of its first physical line.
 */
public record LdifLine(int lineNumber, String name, byte[] value) {
    public String text() {
        return new String(value, StandardCharsets.UTF_8);
    }

    public boolean is(String wanted) {
        return name.equalsIgnoreCase(wanted);
    }
}
