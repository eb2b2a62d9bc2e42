package org.injectionplanner.store;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Iterator;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.function.Supplier;
import java.util.regex.Pattern;

/**
 * One JSON object being read, with its path from the document root ({@code $.targets[2]}) so that every
 * error names the file and the exact value at fault. Required fields must be present; optional
 * ("nullable") fields may be absent or {@code null}; unknown fields are refused.
 */
final class JsonIn {

    private static final Pattern UUID_TEXT =
            Pattern.compile("[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}");

    private final JsonNode node;
    private final String path;
    private final String source;

    private JsonIn(JsonNode node, String path, String source) {
        this.node = node;
        this.path = path;
        this.source = source;
    }

    /**
     * The value at {@code path}, which must be an object.
     *
     * @param source the file or label named in errors
     */
    static JsonIn object(JsonNode value, String path, String source) throws PlanFormatException {
        if (value == null || !value.isObject()) {
            throw error(source, path, "expected an object, found " + describe(value));
        }
        return new JsonIn(value, path, source);
    }

    /** A format error at {@code path} of {@code source}. */
    static PlanFormatException error(String source, String path, String problem) {
        return new PlanFormatException(source + ": " + path + ": " + problem);
    }

    /** A format error at a field of this object. */
    PlanFormatException error(String field, String problem) {
        return error(source, path(field), problem);
    }

    /** The path of a field of this object. */
    String path(String field) {
        return path + "." + field;
    }

    /** The path of this object. */
    String path() {
        return path;
    }

    /** The file or label named in errors. */
    String source() {
        return source;
    }

    /** The underlying node. */
    JsonNode node() {
        return node;
    }

    /**
     * Requires {@code "format"} to be {@code format} and {@code "formatVersion"} to be {@code version}.
     */
    void requireFormat(String format, int version) throws PlanFormatException {
        String found = text("format");
        if (!found.equals(format)) {
            throw error("format", "expected \"" + format + "\", found " + quote(found));
        }
        int foundVersion = integer("formatVersion");
        if (foundVersion != version) {
            throw error("formatVersion", foundVersion > version
                    ? "version " + foundVersion + " was written by a newer Injection Planner; update the plugin"
                    : "unknown version " + foundVersion);
        }
    }

    /** Refuses fields other than {@code allowed}. */
    JsonIn allowOnly(String... allowed) throws PlanFormatException {
        Set<String> known = Set.of(allowed);
        Iterator<String> names = node.fieldNames();
        while (names.hasNext()) {
            String name = names.next();
            if (!known.contains(name)) {
                throw error(name, "unknown field; expected only " + String.join(", ", Arrays.asList(allowed)));
            }
        }
        return this;
    }

    /** The required field, which may not be null. */
    JsonNode required(String field) throws PlanFormatException {
        JsonNode value = node.get(field);
        if (value == null) {
            throw error(field, "missing");
        }
        if (value.isNull()) {
            throw error(field, "may not be null");
        }
        return value;
    }

    /** The field, or null when absent or null. */
    JsonNode optional(String field) {
        JsonNode value = node.get(field);
        return value == null || value.isNull() ? null : value;
    }

    /** A required nested object. */
    JsonIn object(String field) throws PlanFormatException {
        return object(required(field), path(field), source);
    }

    /** A required array of objects. */
    List<JsonIn> objects(String field) throws PlanFormatException {
        JsonNode array = array(field);
        List<JsonIn> out = new ArrayList<>(array.size());
        for (int i = 0; i < array.size(); i++) {
            out.add(object(array.get(i), path(field) + "[" + i + "]", source));
        }
        return out;
    }

    /** A required array of strings. */
    List<String> texts(String field) throws PlanFormatException {
        JsonNode array = array(field);
        List<String> out = new ArrayList<>(array.size());
        for (int i = 0; i < array.size(); i++) {
            out.add(asText(field + "[" + i + "]", array.get(i)));
        }
        return out;
    }

    private JsonNode array(String field) throws PlanFormatException {
        JsonNode array = required(field);
        if (!array.isArray()) {
            throw error(field, "expected an array, found " + describe(array));
        }
        return array;
    }

    /** A required string. */
    String text(String field) throws PlanFormatException {
        return asText(field, required(field));
    }

    /** A string, or null. */
    String optionalText(String field) throws PlanFormatException {
        JsonNode value = optional(field);
        return value == null ? null : asText(field, value);
    }

    private String asText(String field, JsonNode value) throws PlanFormatException {
        if (!value.isTextual()) {
            throw error(field, "expected a string, found " + describe(value));
        }
        return value.textValue();
    }

    /** A required integer that fits in 32 bits. */
    int integer(String field) throws PlanFormatException {
        return asInteger(field, required(field));
    }

    /** An integer, or null. */
    Integer optionalInteger(String field) throws PlanFormatException {
        JsonNode value = optional(field);
        return value == null ? null : asInteger(field, value);
    }

    private int asInteger(String field, JsonNode value) throws PlanFormatException {
        if (!value.isIntegralNumber() || !value.canConvertToInt()) {
            throw error(field, "expected a whole number between " + Integer.MIN_VALUE + " and " + Integer.MAX_VALUE
                    + ", found " + describe(value));
        }
        return value.intValue();
    }

    /** A required finite number. */
    double number(String field) throws PlanFormatException {
        return asNumber(field, required(field));
    }

    /** A finite number, or null. */
    Double optionalNumber(String field) throws PlanFormatException {
        JsonNode value = optional(field);
        return value == null ? null : asNumber(field, value);
    }

    private double asNumber(String field, JsonNode value) throws PlanFormatException {
        if (!value.isNumber()) {
            throw error(field, "expected a number, found " + describe(value));
        }
        double d = value.doubleValue();
        if (!Double.isFinite(d)) {
            throw error(field, "number out of range: " + describe(value));
        }
        return d;
    }

    /** A required boolean. */
    boolean bool(String field) throws PlanFormatException {
        JsonNode value = required(field);
        if (!value.isBoolean()) {
            throw error(field, "expected true or false, found " + describe(value));
        }
        return value.booleanValue();
    }

    /** A required UUID in canonical lower-case form. */
    UUID uuid(String field) throws PlanFormatException {
        String text = text(field);
        if (!UUID_TEXT.matcher(text).matches()) {
            throw error(field, "expected a UUID such as 123e4567-e89b-12d3-a456-426614174000, found "
                    + quote(text));
        }
        return UUID.fromString(text);
    }

    /** A required ISO-8601 calendar date, e.g. 2026-11-26. */
    LocalDate date(String field) throws PlanFormatException {
        String text = text(field);
        try {
            return LocalDate.parse(text);
        } catch (DateTimeParseException e) {
            throw error(field, "expected a date such as 2026-11-26, found " + quote(text));
        }
    }

    /** A required ISO-8601 date and time with offset, e.g. 2026-11-26T14:03:07.125+01:00. */
    OffsetDateTime dateTime(String field) throws PlanFormatException {
        String text = text(field);
        try {
            return OffsetDateTime.parse(text, DateTimeFormatter.ISO_OFFSET_DATE_TIME);
        } catch (DateTimeParseException e) {
            throw error(field, "expected a time with offset such as 2026-11-26T14:03:07.125+01:00, found "
                    + quote(text));
        }
    }

    /** A required enum constant, by its exact name. */
    <E extends Enum<E>> E constant(String field, Class<E> type) throws PlanFormatException {
        return asConstant(field, text(field), type);
    }

    /** An enum constant, or null. */
    <E extends Enum<E>> E optionalConstant(String field, Class<E> type) throws PlanFormatException {
        String text = optionalText(field);
        return text == null ? null : asConstant(field, text, type);
    }

    private <E extends Enum<E>> E asConstant(String field, String text, Class<E> type) throws PlanFormatException {
        for (E e : type.getEnumConstants()) {
            if (e.name().equals(text)) {
                return e;
            }
        }
        throw error(field, "expected one of " + Arrays.toString(type.getEnumConstants()) + ", found " + quote(text));
    }

    /**
     * Builds a model value from fields already read; the model's own validation (an
     * IllegalArgumentException) becomes a format error at this object's path.
     */
    <T> T build(Supplier<T> constructor) throws PlanFormatException {
        try {
            return constructor.get();
        } catch (IllegalArgumentException e) {
            throw error(source, path, e.getMessage());
        }
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
            return quote(value.textValue());
        }
        String text = value.toString();
        return text.length() > 40 ? text.substring(0, 40) + "…" : text;
    }

    private static String quote(String text) {
        String shown = text.length() > 40 ? text.substring(0, 40) + "…" : text;
        return "\"" + shown + "\"";
    }
}
