package org.larch.backend.ldif;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.directory.api.ldap.model.name.Dn;
import org.apache.directory.api.ldap.model.name.Rdn;
import org.apache.directory.api.ldap.model.schema.SchemaManager;
import org.larch.backend.store.DnNames;

/**
 * The DNs of an LDIF file, parsed schema-aware as {@link DnNames#parse} does, but reusing the parsed
 * parent: an LDIF file names each parent DN again in every child's DN, and normalizing all of its
 * RDNs again is most of the cost of a DN. Remembers the parent DNs it met recently (up to twice
 * {@link #MAX_REMEMBERED}); for one reader thread.
 *
 * <p>Why the result is the same Dn: the LDAP API parses a DN without special characters RDN by RDN,
 * each RDN from the text between its commas alone (its user-provided form is that text, spaces
 * included), the DN's user-provided form is the whole text and its normalized form the RDNs'
 * normalized forms joined by commas. A DN built from the leaf RDN parsed alone and the parent's RDNs
 * ({@code new Dn(schemaManager, rdns...)}) joins the same RDNs' forms with commas: the same strings.
 * The reuse is taken only for such simple DNs ({@link #leafEnd}); any other DN is parsed whole.
 */
final class ParsedDns {
    static final int MAX_REMEMBERED = 1_000;

    private final SchemaManager schemaManager;
    /** Parent DNs looked up since {@link #older} was retired; one found in {@code older} moves back here. */
    private Map<String, Dn> recent = new HashMap<>();
    private Map<String, Dn> older = Map.of();
    /** The DN the last {@link #parse} built by reusing a parent, and that parent. */
    private Dn lastChild;
    private Dn lastChildsParent;

    ParsedDns(SchemaManager schemaManager) {
        this.schemaManager = schemaManager;
    }

    /** The schema-aware DN of {@code text}; an invalid DN throws as {@link DnNames#parse} does. */
    Dn parse(String text) {
        int leafEnd = leafEnd(text);
        if (leafEnd >= 0) {
            try {
                Dn parent = parent(text.substring(leafEnd + 1));
                Dn dn = child(text, leafEnd, parent);
                lastChild = dn;
                lastChildsParent = parent;
                return dn;
            } catch (RuntimeException invalid) {
                // the whole parse below fails with the message naming the whole DN
            }
        }
        return DnNames.parse(schemaManager, text);
    }

    /**
     * {@code dn.getParent()}; for the DN this parsed last by reusing a parent, that parent itself (the
     * same RDNs and forms, so the same Dn), with no new Dn built.
     */
    Dn parentOf(Dn dn) {
        return dn == lastChild ? lastChildsParent : dn.getParent();
    }

    /** The parent DN of that text: remembered, or parsed (reusing its own parent) and remembered. */
    private Dn parent(String text) {
        Dn parent = remembered(text);
        if (parent == null) {
            parent = parse(text);
            remember(text, parent);
        }
        return parent;
    }

    private Dn remembered(String text) {
        Dn dn = recent.get(text);
        if (dn == null) {
            dn = older.get(text);
            if (dn != null) {
                remember(text, dn);
            }
        }
        return dn;
    }

    /** Two generations instead of a least-recently-used list: no bookkeeping per lookup. */
    private void remember(String text, Dn dn) {
        if (recent.size() >= MAX_REMEMBERED) {
            older = recent;
            recent = new HashMap<>();
        }
        recent.put(text, dn);
    }

    private Dn child(String text, int leafEnd, Dn parent) {
        Rdn leaf = DnNames.parse(schemaManager, text.substring(0, leafEnd)).getRdn();
        List<Rdn> parentRdns = parent.getRdns();
        Rdn[] rdns = new Rdn[parentRdns.size() + 1];
        rdns[0] = leaf;
        for (int index = 0; index < parentRdns.size(); index++) {
            rdns[index + 1] = parentRdns.get(index);
        }
        return DnNames.of(schemaManager, text, rdns);
    }

    /**
     * The index of the comma that ends the leaf RDN, when {@code text} is a simple DN of at least two
     * RDNs: ASCII letters, digits, spaces and {@code . - _ @ =} between commas, each RDN
     * {@code type = value} with a type name (a letter, then letters, digits, {@code -} or {@code _}).
     * -1 for any other text.
     */
    static int leafEnd(String text) {
        int firstComma = -1;
        int rdnStart = 0;
        for (int index = 0; index <= text.length(); index++) {
            char c = index < text.length() ? text.charAt(index) : ',';
            if (c == ',') {
                if (!isSimpleRdn(text, rdnStart, index)) {
                    return -1;
                }
                firstComma = firstComma < 0 && index < text.length() ? index : firstComma;
                rdnStart = index + 1;
            } else if (!isSimpleCharacter(c)) {
                return -1;
            }
        }
        return firstComma;
    }

    private static boolean isSimpleRdn(String text, int start, int end) {
        int index = skipSpaces(text, start, end);
        if (index == end || !isLetter(text.charAt(index))) {
            return false;
        }
        while (index < end && isTypeCharacter(text.charAt(index))) {
            index++;
        }
        index = skipSpaces(text, index, end);
        return index < end && text.charAt(index) == '=';
    }

    private static int skipSpaces(String text, int from, int end) {
        int index = from;
        while (index < end && text.charAt(index) == ' ') {
            index++;
        }
        return index;
    }

    private static boolean isSimpleCharacter(char c) {
        return isTypeCharacter(c) || c == ' ' || c == '.' || c == '@' || c == '=';
    }

    private static boolean isTypeCharacter(char c) {
        return isLetter(c) || (c >= '0' && c <= '9') || c == '-' || c == '_';
    }

    private static boolean isLetter(char c) {
        return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
    }
}
