package org.larch.backend.match;

import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;
import org.apache.directory.api.ldap.model.exception.LdapException;
import org.apache.directory.api.ldap.model.message.ResultCodeEnum;
import org.apache.directory.api.ldap.model.name.Dn;
import org.apache.directory.api.ldap.model.schema.MatchingRule;
import org.apache.directory.api.ldap.model.schema.SchemaManager;
import org.apache.directory.api.ldap.model.schema.registries.SchemaObjectRegistry;
import org.larch.backend.LdapOperationException;

/**
 * The normalized key of one value under one matching rule: two values match under an equality rule
 * exactly when their keys are equal. Invalid values (an integer {@code abc}) are
 * {@code INVALID_ATTRIBUTE_SYNTAX}.
 */
final class ValueKeys {
    private static final Pattern INTEGER = Pattern.compile("-?[0-9]+");
    private static final Pattern NUMERIC_OID = Pattern.compile("[0-9]+(\\.[0-9]+)*");
    private static final Pattern DESCRIPTOR = Pattern.compile("[a-z][a-z0-9-]*");
    private static final Pattern BITS = Pattern.compile("[01]*");

    private final SchemaManager schemaManager;
    private static final int MAX_REMEMBERED_OID_TEXTS = 10_000;

    private final Map<String, String> oidsByName = new ConcurrentHashMap<>();
    private final Map<String, byte[]> oidKeysByText = new ConcurrentHashMap<>();

    ValueKeys(SchemaManager schemaManager) {
        this.schemaManager = schemaManager;
    }

    /** The key of {@code value} under {@code rule}; a null rule means exact octets. */
    byte[] key(MatchingRule rule, byte[] value) {
        if (rule == null) {
            return value.clone();
        }
        RuleFamily family = RuleFamily.of(rule);
        return switch (family) {
            case OCTET_STRING -> value.clone();
            case INTEGER -> IntegerKey.encode(parseInteger(text(value)));
            case OBJECT_IDENTIFIER -> objectIdentifierKey(value);
            default -> textKey(family, rule, value);
        };
    }

    /** The key of a substring assertion component under a text rule (spaces kept at inner edges). */
    byte[] substringComponentKey(MatchingRule rule, byte[] component, SubstringPosition position) {
        RuleFamily family = rule == null ? RuleFamily.OCTET_STRING : RuleFamily.of(rule);
        if (!family.isText()) {
            return key(rule, component);
        }
        String prepared = StringPreparation.prepareSubstring(
                text(component), family != RuleFamily.CASE_EXACT, position);
        return utf8(squeeze(family, prepared));
    }

    /** The key of a text family's value: on the bytes when {@link AsciiKeys} can, else through a String. */
    private byte[] textKey(RuleFamily family, MatchingRule rule, byte[] value) {
        byte[] key = AsciiKeys.keyOrNull(family, value);
        return key != null ? key : utf8(textKey(family, rule, text(value)));
    }

    private String textKey(RuleFamily family, MatchingRule rule, String text) {
        return switch (family) {
            case CASE_IGNORE -> StringPreparation.prepare(text, true);
            case CASE_EXACT -> StringPreparation.prepare(text, false);
            case NUMERIC_STRING -> numericString(text);
            case TELEPHONE_NUMBER -> squeeze(family, StringPreparation.prepare(text, true));
            case DISTINGUISHED_NAME -> distinguishedName(text);
            case UNIQUE_MEMBER -> uniqueMember(text);
            case GENERALIZED_TIME, API -> apiNormalized(rule, text);
            case OBJECT_IDENTIFIER -> objectIdentifier(text);
            case BOOLEAN -> booleanValue(text);
            case INTEGER, OCTET_STRING -> throw new IllegalStateException(family + " has no text key");
        };
    }

    /** Removes what a family ignores everywhere: all spaces of numeric strings, spaces and hyphens of phones. */
    private static String squeeze(RuleFamily family, String prepared) {
        return switch (family) {
            case NUMERIC_STRING -> prepared.replace(" ", "");
            case TELEPHONE_NUMBER -> prepared.replace(" ", "").replace("-", "");
            default -> prepared;
        };
    }

    private static String numericString(String text) {
        String digits = text.replace(" ", "");
        for (int index = 0; index < digits.length(); index++) {
            if (!Character.isDigit(digits.charAt(index)) || digits.charAt(index) > '9') {
                throw invalid("numeric string", text);
            }
        }
        return digits;
    }

    private static BigInteger parseInteger(String text) {
        String trimmed = text.strip();
        if (!INTEGER.matcher(trimmed).matches()) {
            throw invalid("integer", text);
        }
        return new BigInteger(trimmed);
    }

    private String distinguishedName(String text) {
        try {
            return new Dn(schemaManager, text).getNormName();
        } catch (LdapException withSchema) {
            try {
                return new Dn(text).getNormName().toLowerCase(Locale.ROOT);
            } catch (LdapException withoutSchema) {
                throw invalid("distinguished name", text);
            }
        }
    }

    private String uniqueMember(String text) {
        int hash = text.lastIndexOf("#'");
        if (hash >= 0 && text.endsWith("'B")) {
            String bits = text.substring(hash + 2, text.length() - 2);
            if (BITS.matcher(bits).matches()) {
                return distinguishedName(text.substring(0, hash)) + "#'" + bits + "'B";
            }
        }
        return distinguishedName(text);
    }

    /**
     * An object identifier's key, remembered by the exact value text when the value names something
     * the schema defines (bounded: the schema's names as files spell them, emptied if ever too many).
     */
    private byte[] objectIdentifierKey(byte[] value) {
        String text = text(value);
        byte[] known = oidKeysByText.get(text);
        if (known != null) {
            return known.clone();
        }
        String oid = objectIdentifier(text);
        byte[] key = utf8(oid);
        if (!oid.equals(text.strip().toLowerCase(Locale.ROOT))) {
            if (oidKeysByText.size() >= MAX_REMEMBERED_OID_TEXTS) {
                oidKeysByText.clear();
            }
            oidKeysByText.put(text, key.clone());
        }
        return key;
    }

    private String objectIdentifier(String text) {
        String trimmed = text.strip().toLowerCase(Locale.ROOT);
        if (NUMERIC_OID.matcher(trimmed).matches()) {
            return trimmed;
        }
        if (!DESCRIPTOR.matcher(trimmed).matches()) {
            throw invalid("object identifier", text);
        }
        String known = oidsByName.get(trimmed);
        if (known != null) {
            return known;
        }
        String oid = oidOfName(trimmed);
        if (!oid.equals(trimmed)) {
            oidsByName.put(trimmed, oid); // only names the schema defines: bounded
        }
        return oid;
    }

    private String oidOfName(String name) {
        List<SchemaObjectRegistry<?>> registries = List.of(schemaManager.getObjectClassRegistry(),
                schemaManager.getAttributeTypeRegistry(), schemaManager.getMatchingRuleRegistry());
        for (SchemaObjectRegistry<?> registry : registries) {
            try {
                return registry.getOidByName(name);
            } catch (LdapException notThere) {
                // try the next registry
            }
        }
        return name;
    }

    private static String booleanValue(String text) {
        String trimmed = text.strip();
        if (!trimmed.equals("TRUE") && !trimmed.equals("FALSE")) {
            throw invalid("boolean (TRUE or FALSE)", text);
        }
        return trimmed;
    }

    private static String apiNormalized(MatchingRule rule, String text) {
        try {
            return rule.getNormalizer().normalize(text);
        } catch (LdapException | RuntimeException e) {
            throw invalid(rule.getName() + " value", text);
        }
    }

    private static String text(byte[] value) {
        return new String(value, StandardCharsets.UTF_8);
    }

    private static byte[] utf8(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    private static LdapOperationException invalid(String what, String text) {
        return new LdapOperationException(ResultCodeEnum.INVALID_ATTRIBUTE_SYNTAX,
                "value '" + text + "' is not a valid " + what);
    }
}
