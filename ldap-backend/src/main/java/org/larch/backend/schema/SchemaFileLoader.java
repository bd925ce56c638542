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
import org.apache.directory.api.ldap.model.schema.registries.Registries;
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
 * in the same file. Every failure names the file and the line of the offending definition. A failed
 * load leaves the schema manager unusable: {@link DirectorySchema#load} then fails as a whole.
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

    /** Parses {@code fileText} (the contents of {@code sourceName}) and adds its definitions. */
    void load(String sourceName, String fileText) {
        String text = SchemaText.prepare(fileText);
        OpenLdapSchemaParser parser = parse(sourceName, text);
        List<Definition> all = definitions(sourceName, text, parser);
        List<Definition> fresh = new ArrayList<>();
        for (Definition definition : all) {
            if (!isAlreadyDefined(definition)) {
                fresh.add(definition);
            }
        }
        if (!fresh.isEmpty()) {
            addAll(sourceName, fresh);
        }
        LOG.info("{}: {} definitions added, {} already defined (kept as loaded)",
                sourceName, fresh.size(), all.size() - fresh.size());
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

    /**
     * Registers every new definition, then resolves the references of all of them at once (so a
     * definition may refer to one later in the file) and checks the registries' integrity. One pass:
     * the schema manager's own {@code add} re-checks the whole registry per definition, seconds for a
     * file of a few hundred definitions.
     */
    private void addAll(String sourceName, List<Definition> definitions) {
        Registries registries = manager.getRegistries();
        int errorsBefore = manager.getErrors().size();
        for (Definition definition : definitions) {
            register(registries, definition);
        }
        registries.buildReferences();
        registries.checkRefInteg();
        List<Throwable> errors = manager.getErrors();
        if (errors.size() > errorsBefore) {
            throw failure(sourceName, definitions, errors.subList(errorsBefore, errors.size()));
        }
    }

    private boolean isAlreadyDefined(Definition definition) {
        boolean defined = manager.getGlobalOidRegistry().contains(definition.object().getOid());
        if (defined) {
            LOG.debug("{}: already defined, the loaded definition is kept", definition.describe());
        }
        return defined;
    }

    private void register(Registries registries, Definition definition) {
        SchemaObject object = definition.object();
        object.setSchemaName(schemaName);
        try {
            registries.add(object, false);
        } catch (LdapException e) {
            throw new SchemaLoadException(definition.describe() + ": " + describe(e), e);
        }
    }

    /** The first error, named after the definition it concerns when the API says which. */
    private static SchemaLoadException failure(
            String sourceName, List<Definition> definitions, List<Throwable> errors) {
        for (Throwable error : errors) {
            if (error instanceof LdapSchemaException schemaError && schemaError.getSourceObject() != null) {
                for (Definition definition : definitions) {
                    if (definition.object().getOid().equals(schemaError.getSourceObject().getOid())) {
                        return new SchemaLoadException(definition.describe() + ": " + describe(error), error);
                    }
                }
            }
        }
        return new SchemaLoadException(sourceName + ": " + describe(errors.getFirst()), errors.getFirst());
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
}
