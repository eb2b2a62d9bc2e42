package org.injectionplanner.store;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.core.StreamWriteFeature;
import com.fasterxml.jackson.core.util.DefaultIndenter;
import com.fasterxml.jackson.core.util.DefaultPrettyPrinter;
import com.fasterxml.jackson.core.util.Separators;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectWriter;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * The JSON dialect of the store's files: UTF-8, strict duplicate-key detection, nothing after the top
 * value, bounded nesting; written with two-space indentation, {@code "name": value} and {@code \n} line
 * ends on every platform, numbers in their shortest round-trip form whatever the Java version, so that the
 * same value always gives the same bytes.
 */
final class Json {

    /** Nesting deeper than this is refused (the formats nest at most six levels). */
    static final int MAX_NESTING = 64;

    static final ObjectMapper MAPPER = new ObjectMapper(JsonFactory.builder()
            .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
            .streamReadConstraints(StreamReadConstraints.builder().maxNestingDepth(MAX_NESTING).build())
            // shortest round-trip decimals, the same on every Java (17's Double.toString is not always shortest)
            .enable(StreamWriteFeature.USE_FAST_DOUBLE_WRITER)
            .build())
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);

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

    private Json() {
    }

    /** A new empty object node. */
    static ObjectNode object() {
        return MAPPER.createObjectNode();
    }

    /** The value as indented UTF-8 JSON, without a final line end. */
    static byte[] pretty(JsonNode value) {
        try {
            return PRETTY.writeValueAsBytes(value);
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException("cannot write JSON", e);
        }
    }

    /**
     * Parses a whole document.
     *
     * @param source the file or label named in error messages
     * @throws PlanFormatException if the bytes are not one well-formed JSON value
     */
    static JsonNode parse(byte[] bytes, String source) throws PlanFormatException {
        try {
            return MAPPER.readTree(bytes);
        } catch (JsonProcessingException e) {
            throw syntaxError(source, e);
        } catch (IOException e) {
            throw new PlanFormatException(source + ": not valid JSON: " + e.getMessage(), e);
        }
    }

    /** The parser's complaint as a message naming the file, line and column. */
    static PlanFormatException syntaxError(String source, JsonProcessingException e) {
        JsonLocation at = e.getLocation();
        String where = at == null || at.getLineNr() < 1 ? ""
                : " (line " + at.getLineNr() + ", column " + at.getColumnNr() + ")";
        return new PlanFormatException(source + ": not valid JSON" + where + ": " + e.getOriginalMessage(), e);
    }

    /** The SHA-256 of the bytes, as 64 lower-case hex digits. */
    static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime has SHA-256", e);
        }
    }

    /** The text as UTF-8. */
    static byte[] utf8(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }
}
