package org.larch.backend.schema;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.text.ParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.directory.api.ldap.model.exception.LdapException;
import org.apache.directory.api.ldap.model.exception.LdapSchemaException;
import org.apache.directory.api.ldap.model.schema.SchemaManager;
import org.apache.directory.api.ldap.model.schema.SchemaObject;
import org.apache.directory.api.ldap.model.schema.parsers.OpenLdapSchemaParser;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Adds the definitions of one OpenLDAP {@code .schema} file (slapd.conf's {@code include}:
 * {@code attributetype}, {@code objectclass}, {@code objectidentifier} macros, comments and
 * continuation lines) to a schema manager, using the LDAP API's {@link OpenLdapSchemaParser}.
 *
 * <p>A definition whose OID the schema already has is skipped, so configurations that include
 * OpenLDAP's own {@code core.schema}, {@code cosine.schema}, {@code inetorgperson.schema} or
 * {@code nis.schema} keep working: the bundled definition wins. Definitions may refer to ones later
 * in the same file (they are added once their references resolve). Every failure names the file and
 * the line of the offending definition.
 */
final class SchemaFileLoader {
    private static final Logger LOG = LoggerFactory.getLogger(SchemaFileLoader.class);
    private static final Pattern PARSER_LINE = Pattern.compile("\\(line (\\d+), col \\d+\\)");

    private final SchemaManager manager;
    private final String schemaName;

    /** Adds definitions to {@code manager}, into its loaded schema {@code schemaName}. */
    SchemaFileLoader(SchemaManager manager, String schemaName) {
        this.manager = manager;
        this.schemaName = schemaName;
    }

    /** Parses {@code text} (the contents of {@code sourceName}) and adds its definitions. */
    void load(String sourceName, String fileText) {
        String text = SchemaText.prepare(fileText);
        OpenLdapSchemaParser parser = parse(sourceName, text);
        List<Definition> pending = definitions(sourceName, text, parser);
        addUntilResolved(pending);
    }

    private OpenLdapSchemaParser parse(String sourceName, String text) {
        OpenLdapSchemaParser parser = new OpenLdapSchemaParser();
        try {
            parser.parse(new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8)));
            return parser;
        } catch (LdapSchemaException | ParseException | IOException e) {
            throw new SchemaLoadException(sourceName + lineOf(e.getMessage()) + ": " + e.getMessage(), e);
        }
    }

    /** ":12" for a parser message ending in "(line 12, col 3)", else "". */
    private static String lineOf(String parserMessage) {
        Matcher matcher = PARSER_LINE.matcher(parserMessage == null ? "" : parserMessage);
        return matcher.find() ? ":" + matcher.group(1) : "";
    }

    /** One parsed definition with the file and line it starts on. */
    private record Definition(SchemaObject object, String kind, String location) {
        String describe() {
            return location + ": " + kind + " " + object.getOid() + " (" + object.getName() + ")";
        }
    }

    /**
     * The parser keeps each kind in file order without line numbers; the n-th definition of a kind
     * starts on the n-th line opening with that keyword.
     */
    private static List<Definition> definitions(String sourceName, String text, OpenLdapSchemaParser parser) {
        List<Integer> attributeLines = keywordLines(text, "attributetype");
        List<Integer> classLines = keywordLines(text, "objectclass");
        List<Definition> definitions = new ArrayList<>();
        for (int i = 0; i < parser.getAttributeTypes().size(); i++) {
            definitions.add(new Definition(parser.getAttributeTypes().get(i), "attribute type",
                    location(sourceName, attributeLines, i)));
        }
        for (int i = 0; i < parser.getObjectClasses().size(); i++) {
            definitions.add(new Definition(parser.getObjectClasses().get(i), "object class",
                    location(sourceName, classLines, i)));
        }
        return definitions;
    }

    private static List<Integer> keywordLines(String text, String keyword) {
        List<Integer> lines = new ArrayList<>();
        String[] split = text.split("\n", -1);
        for (int i = 0; i < split.length; i++) {
            String line = split[i].toLowerCase(Locale.ROOT);
            if (line.startsWith(keyword) && line.length() > keyword.length()
                    && Character.isWhitespace(line.charAt(keyword.length()))) {
                lines.add(i + 1);
            }
        }
        return lines;
    }

    private static String location(String sourceName, List<Integer> lines, int index) {
        return index < lines.size() ? sourceName + ":" + lines.get(index) : sourceName;
    }

    /** Adds in passes until nothing more resolves; what is left fails with its first error. */
    private void addUntilResolved(List<Definition> pending) {
        boolean progress = true;
        while (!pending.isEmpty() && progress) {
            progress = false;
            List<Definition> failed = new ArrayList<>();
            for (Definition definition : pending) {
                if (isAlreadyDefined(definition) || tryAdd(definition)) {
                    progress = true;
                } else {
                    failed.add(definition);
                }
            }
            pending = failed;
        }
        if (!pending.isEmpty()) {
            Definition first = pending.getFirst();
            throw new SchemaLoadException(first.describe() + ": " + addError(first));
        }
    }

    private boolean isAlreadyDefined(Definition definition) {
        boolean defined = manager.getGlobalOidRegistry().contains(definition.object().getOid());
        if (defined) {
            LOG.debug("{}: already defined, the loaded definition is kept", definition.describe());
        }
        return defined;
    }

    private boolean tryAdd(Definition definition) {
        SchemaObject object = definition.object();
        object.setSchemaName(schemaName);
        try {
            return manager.add(object) && manager.getErrors().isEmpty();
        } catch (LdapException e) {
            return false;
        }
    }

    /** Adds once more to obtain the reason the schema manager refuses the definition. */
    private String addError(Definition definition) {
        try {
            if (!manager.add(definition.object()) && !manager.getErrors().isEmpty()) {
                return reasons(manager.getErrors());
            }
            return "refused by the schema manager";
        } catch (LdapException e) {
            return e.getMessage();
        }
    }

    /** The API's schema exceptions sometimes carry only a code (e.g. a structural class with an auxiliary SUP). */
    private static String describe(Throwable error) {
        String code = error instanceof LdapSchemaException schemaError && schemaError.getCode() != null
                ? schemaError.getCode().toString()
                : null;
        if (error.getMessage() != null) {
            return code == null ? error.getMessage() : code + ": " + error.getMessage();
        }
        return code != null ? code : error.getClass().getSimpleName();
    }

    private static String reasons(List<Throwable> errors) {
        List<String> messages = new ArrayList<>();
        for (Throwable error : errors) {
            messages.add(describe(error));
        }
        return String.join("; ", messages);
    }
}
