package org.injectionplanner.planfile;

import com.fasterxml.jackson.annotation.JsonSubTypes;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.core.StreamWriteFeature;
import com.fasterxml.jackson.core.util.DefaultIndenter;
import com.fasterxml.jackson.core.util.DefaultPrettyPrinter;
import com.fasterxml.jackson.core.util.Separators;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.MapperFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectWriter;
import com.fasterxml.jackson.databind.cfg.CoercionAction;
import com.fasterxml.jackson.databind.cfg.CoercionInputShape;
import com.fasterxml.jackson.databind.exc.InvalidNullException;
import com.fasterxml.jackson.databind.exc.InvalidTypeIdException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.type.LogicalType;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Arrays;
import java.util.Collection;
import java.util.HexFormat;
import java.util.stream.Collectors;

/**
 * The JSON dialect of the plan files (docs/plan-format.md §1), on Jackson. Reading: UTF-8, duplicate keys,
 * anything after the top value and nesting deeper than {@link #MAX_NESTING} refused; documents are bound
 * to records whose {@link Required} components must be present and non-null, with no unknown fields and no
 * coercion between strings, numbers and booleans (a whole number may stand for a decimal one). Writing:
 * two-space indentation, {@code "name": value}, {@code \n} line ends on every platform and numbers in their
 * shortest round-trip form whatever the Java version, so that the same value always gives the same bytes.
 */
public final class JsonDialect {

    /** Nesting deeper than this is refused (the formats nest at most seven levels). */
    static final int MAX_NESTING = 64;

    private static final ObjectMapper MAPPER = mapper();

    private static final ObjectWriter PRETTY;

    static {
        DefaultIndenter indenter = new DefaultIndenter("  ", "\n");
        DefaultPrettyPrinter printer = new DefaultPrettyPrinter()
                .withSeparators(Separators.createDefaultInstance()
                        .withObjectFieldValueSpacing(Separators.Spacing.AFTER))
                .withObjectIndenter(indenter);
        printer.indentArraysWith(indenter);
        PRETTY = MAPPER.writer(printer);
    }

    private JsonDialect() {
    }

    private static ObjectMapper mapper() {
        JsonMapper mapper = JsonMapper.builder(JsonFactory.builder()
                        .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
                        .streamReadConstraints(StreamReadConstraints.builder().maxNestingDepth(MAX_NESTING).build())
                        // shortest round-trip decimals on every Java (17's Double.toString is not always shortest)
                        .enable(StreamWriteFeature.USE_FAST_DOUBLE_WRITER)
                        .build())
                .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
                .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
                .enable(DeserializationFeature.FAIL_ON_NUMBERS_FOR_ENUMS)
                .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
                .disable(DeserializationFeature.ACCEPT_FLOAT_AS_INT)
                .disable(MapperFeature.ALLOW_COERCION_OF_SCALARS)
                .build();
        mapper.coercionConfigDefaults()
                .setCoercion(CoercionInputShape.Integer, CoercionAction.Fail)
                .setCoercion(CoercionInputShape.Float, CoercionAction.Fail)
                .setCoercion(CoercionInputShape.Boolean, CoercionAction.Fail)
                .setCoercion(CoercionInputShape.String, CoercionAction.Fail)
                .setCoercion(CoercionInputShape.EmptyString, CoercionAction.Fail);
        mapper.coercionConfigFor(LogicalType.Textual).setCoercion(CoercionInputShape.String, CoercionAction.TryConvert);
        mapper.coercionConfigFor(LogicalType.Enum).setCoercion(CoercionInputShape.String, CoercionAction.TryConvert);
        mapper.coercionConfigFor(LogicalType.Float).setCoercion(CoercionInputShape.Integer, CoercionAction.TryConvert);
        return mapper;
    }

    /** The value (a tree) as indented UTF-8 JSON, without a final line end. */
    public static byte[] pretty(JsonNode value) {
        try {
            return PRETTY.writeValueAsBytes(value);
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException("cannot write JSON", e);
        }
    }

    /** The value as an indented UTF-8 JSON document ending in a line feed. */
    public static byte[] document(JsonNode value) {
        byte[] json = pretty(value);
        byte[] out = Arrays.copyOf(json, json.length + 1);
        out[json.length] = '\n';
        return out;
    }

    /** A new empty object, to build a document to write. */
    public static ObjectNode object() {
        return MAPPER.createObjectNode();
    }

    /**
     * A new document to write that starts with its {@code "format"} and {@code "formatVersion"} (what
     * {@link #readDocument} checks).
     */
    public static ObjectNode newDocument(String format, int version) {
        ObjectNode document = object();
        document.put("format", format);
        document.put("formatVersion", version);
        return document;
    }

    /**
     * Parses a whole document.
     *
     * @param source the file or label named in error messages
     * @throws PlanFormatException if the bytes are not one well-formed JSON value
     */
    public static JsonNode parse(byte[] bytes, String source) throws PlanFormatException {
        try {
            return MAPPER.readTree(bytes);
        } catch (JsonProcessingException e) {
            throw syntaxError(source, e);
        } catch (IOException e) {
            throw new PlanFormatException(source + ": not valid JSON: " + e.getMessage(), e);
        }
    }

    /** A streaming parser over a document, with this dialect's limits. */
    public static JsonParser parser(byte[] bytes) throws IOException {
        return MAPPER.createParser(bytes);
    }

    /** The parser's complaint as a message naming the file, line and column. */
    public static PlanFormatException syntaxError(String source, JsonProcessingException e) {
        JsonLocation at = e.getLocation();
        String where = at == null || at.getLineNr() < 1 ? ""
                : " (line " + at.getLineNr() + ", column " + at.getColumnNr() + ")";
        return new PlanFormatException(source + ": not valid JSON" + where + ": " + e.getOriginalMessage(), e);
    }

    /**
     * Requires the object {@code value} at {@code at} to have {@code "format"} {@code format} and
     * {@code "formatVersion"} {@code version}, checked before anything else so that another kind of file
     * is named as such.
     */
    public static void requireFormat(JsonNode value, Pointer at, String format, int version)
            throws PlanFormatException {
        requireObject(value, at);
        JsonNode found = value.get("format");
        if (found == null || !found.isTextual() || !found.textValue().equals(format)) {
            throw at.field("format").error("expected \"" + format + "\", found " + describe(found));
        }
        JsonNode foundVersion = value.get("formatVersion");
        if (foundVersion == null || !foundVersion.isIntegralNumber() || !foundVersion.canConvertToInt()) {
            throw at.field("formatVersion").error(foundVersion == null ? "missing"
                    : "expected a whole number, found " + describe(foundVersion));
        }
        int v = foundVersion.intValue();
        if (v != version) {
            throw at.field("formatVersion").error(v > version
                    ? "version " + v + " was written by a newer Injection Planner; update the plugin"
                    : "unknown version " + v);
        }
    }

    /** Refuses anything but an object at {@code at}. */
    private static void requireObject(JsonNode value, Pointer at) throws PlanFormatException {
        if (value == null || !value.isObject()) {
            throw at.error("expected an object, found " + describe(value));
        }
    }

    /**
     * Reads the whole document {@code bytes} (named {@code source} in errors) as a {@code format} document of
     * {@code version}, bound to {@code type}: {@link #parse}, {@link #requireFormat} and {@link #bind} at the root.
     *
     * @throws PlanFormatException if it is not such a document
     */
    public static <T> T readDocument(byte[] bytes, String source, String format, int version, Class<T> type)
            throws PlanFormatException {
        Pointer root = Pointer.root(source);
        JsonNode tree = parse(bytes, source);
        requireFormat(tree, root, format, version);
        return bind(tree, type, root);
    }

    /**
     * Binds the value at {@code at} to a document record.
     *
     * @throws PlanFormatException naming the pointer of the value at fault, if the value does not fit
     */
    public static <T> T bind(JsonNode value, Class<T> type, Pointer at) throws PlanFormatException {
        requireObject(value, at);
        try {
            return MAPPER.readerFor(type).readValue(value);
        } catch (JsonMappingException e) {
            throw bindError(value, at, e);
        } catch (JsonProcessingException e) {
            throw syntaxError(at.source(), e);
        } catch (IOException e) {
            throw at.error("cannot be read: " + e.getMessage());
        }
    }

    private static PlanFormatException bindError(JsonNode value, Pointer at, JsonMappingException e) {
        StringBuilder relative = new StringBuilder();
        for (JsonMappingException.Reference r : e.getPath()) {
            relative.append('/').append(r.getFieldName() != null
                    ? r.getFieldName().replace("~", "~0").replace("/", "~1") : String.valueOf(r.getIndex()));
        }
        Pointer where = at.then(relative.toString());
        JsonNode found = value.at(relative.toString());
        String problem;
        if (e instanceof UnrecognizedPropertyException u) {
            problem = "unknown field; expected only " + names(u.getKnownPropertyIds());
        } else if (e instanceof InvalidNullException) {
            problem = "may not be null";
        } else if (e instanceof InvalidTypeIdException t) {
            where = where.field("type");
            JsonSubTypes subtypes = t.getBaseType() == null ? null
                    : t.getBaseType().getRawClass().getAnnotation(JsonSubTypes.class);
            problem = t.getTypeId() == null || subtypes == null ? "missing"
                    : "expected " + Arrays.stream(subtypes.value()).map(s -> "\"" + s.name() + "\"")
                            .collect(Collectors.joining(" or ")) + ", found " + Pointer.quote(t.getTypeId());
        } else if (e.getOriginalMessage().startsWith("Missing required creator property")) {
            problem = "missing";
        } else if (e instanceof MismatchedInputException m && m.getTargetType() != null) {
            problem = "expected " + expected(m.getTargetType()) + ", found " + describe(found);
        } else if (found.isIntegralNumber()) {
            problem = "expected " + expected(Integer.class) + ", found " + describe(found);
        } else {
            problem = e.getOriginalMessage();
        }
        return new PlanFormatException(where.error(problem).getMessage(), e);
    }

    private static String names(Collection<Object> known) {
        return known == null ? "the documented fields"
                : known.stream().map(String::valueOf).sorted().collect(Collectors.joining(", "));
    }

    /** What a value of {@code type} is, for error messages. */
    private static String expected(Class<?> type) {
        if (type == String.class) {
            return "a string";
        }
        if (type == Integer.class || type == int.class) {
            return "a whole number between " + Integer.MIN_VALUE + " and " + Integer.MAX_VALUE;
        }
        if (type == Double.class || type == double.class) {
            return "a number";
        }
        if (type == Boolean.class || type == boolean.class) {
            return "true or false";
        }
        if (type.isEnum()) {
            return "one of " + Arrays.toString(type.getEnumConstants());
        }
        if (Collection.class.isAssignableFrom(type)) {
            return "an array";
        }
        return "an object";
    }

    /** A short description of a value for error messages. */
    static String describe(JsonNode value) {
        if (value == null || value.isMissingNode()) {
            return "nothing";
        }
        if (value.isNull()) {
            return "null";
        }
        if (value.isObject()) {
            return "an object";
        }
        if (value.isArray()) {
            return "an array";
        }
        if (value.isTextual()) {
            return Pointer.quote(value.textValue());
        }
        String text = value.toString();
        return text.length() > 40 ? text.substring(0, 40) + "…" : text;
    }

    /** The SHA-256 of the bytes, as 64 lower-case hex digits. */
    public static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime has SHA-256", e);
        }
    }

    /** A time as the formats write it: ISO-8601 with offset; null stays null. */
    public static String time(OffsetDateTime t) {
        return t == null ? null : DateTimeFormatter.ISO_OFFSET_DATE_TIME.format(t);
    }

    /** The text as UTF-8. */
    public static byte[] utf8(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }

}
