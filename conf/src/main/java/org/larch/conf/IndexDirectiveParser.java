package org.larch.conf;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Collects {@code index} directives as slapd's back-mdb reads them:
 * {@code index <attr>[,<attr>...] [<type>[,<type>...]]} and {@code index default <types>}, which gives
 * the types for later directives that name none. Types: {@code pres}, {@code eq}, {@code sub}
 * ({@code subinitial}, {@code subany}, {@code subfinal}), {@code approx}. An attribute indexed twice
 * is an error, as in slapd.
 */
final class IndexDirectiveParser {
    private static final Pattern ATTRIBUTE = Pattern.compile("[A-Za-z][A-Za-z0-9-]*|[0-9]+(\\.[0-9]+)+");

    private final Map<String, IndexSetting> settings = new LinkedHashMap<>();
    private Set<IndexType> defaultTypes = EnumSet.noneOf(IndexType.class);

    void add(Directive directive) {
        List<String> arguments = directive.arguments();
        if (arguments.isEmpty() || arguments.size() > 2) {
            throw directive.error("index takes an attribute list and optionally index types, e.g. \"index cn,sn eq,sub\"");
        }
        Set<IndexType> types = arguments.size() == 2 ? types(directive, arguments.get(1)) : null;
        if (arguments.getFirst().equalsIgnoreCase("default")) {
            if (types == null) {
                throw directive.error("index default needs index types, e.g. \"index default eq\"");
            }
            defaultTypes = types;
            return;
        }
        if (types == null) {
            if (defaultTypes.isEmpty()) {
                throw directive.error("no index types given and no \"index default\" before this line");
            }
            types = defaultTypes;
        }
        for (String attribute : arguments.getFirst().split(",", -1)) {
            addAttribute(directive, attribute, types);
        }
    }

    List<IndexSetting> settings() {
        return new ArrayList<>(settings.values());
    }

    private void addAttribute(Directive directive, String attribute, Set<IndexType> types) {
        if (!ATTRIBUTE.matcher(attribute).matches()) {
            throw directive.error("\"" + attribute + "\" is not an attribute name or OID");
        }
        String key = attribute.toLowerCase(Locale.ROOT);
        if (settings.containsKey(key)) {
            throw directive.error("attribute " + attribute + " is already indexed (one index directive per attribute)");
        }
        settings.put(key, new IndexSetting(attribute, types, directive.location()));
    }

    private static Set<IndexType> types(Directive directive, String list) {
        Set<IndexType> types = EnumSet.noneOf(IndexType.class);
        for (String word : list.split(",", -1)) {
            Set<IndexType> named = IndexType.forWord(word);
            if (named == null) {
                throw directive.error("unknown index type \"" + word
                        + "\" (known: pres, eq, sub, subinitial, subany, subfinal, approx)");
            }
            types.addAll(named);
        }
        return types;
    }
}
