package org.injectionplanner.planfile;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.UUID;
import java.util.function.Supplier;
import java.util.regex.Pattern;

/**
 * A value's place in a file: the file (or label) named in errors and the value's JSON pointer (RFC 6901,
 * {@code /targets/2/point/x}; the empty pointer is the whole document). Turns the checks of values that
 * JSON itself cannot express (UUIDs, dates, finite numbers, the model's own rules) into
 * {@link PlanFormatException}s naming both. Immutable.
 */
public final class Pointer {

    private static final Pattern UUID_TEXT =
            Pattern.compile("[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}");

    private final String source;
    private final String pointer;

    private Pointer(String source, String pointer) {
        this.source = source;
        this.pointer = pointer;
    }

    /** The whole document of {@code source}. */
    public static Pointer root(String source) {
        return new Pointer(source, "");
    }

    /** A member of the object here. */
    public Pointer field(String name) {
        return new Pointer(source, pointer + "/" + name.replace("~", "~0").replace("/", "~1"));
    }

    /** An element of the array here, from 0. */
    public Pointer index(int i) {
        return new Pointer(source, pointer + "/" + i);
    }

    /** This pointer followed by {@code relative} (itself a pointer, from the value here). */
    Pointer then(String relative) {
        return new Pointer(source, pointer + relative);
    }

    /** The file or label named in errors. */
    public String source() {
        return source;
    }

    /** The pointer text, empty for the whole document. */
    @Override
    public String toString() {
        return pointer;
    }

    /** A format error of the value here: {@code "file: /pointer: problem"}. */
    public PlanFormatException error(String problem) {
        return new PlanFormatException(source + ": " + (pointer.isEmpty() ? "" : pointer + ": ") + problem);
    }

    /**
     * Builds a model value from the fields of the object here; the model's own validation (an
     * IllegalArgumentException) becomes a format error at this pointer.
     */
    public <T> T build(Supplier<T> constructor) throws PlanFormatException {
        try {
            return constructor.get();
        } catch (IllegalArgumentException e) {
            throw error(e.getMessage());
        }
    }

    /** The UUID written here, in canonical lower-case form. */
    public UUID uuid(String text) throws PlanFormatException {
        if (!UUID_TEXT.matcher(text).matches()) {
            throw error("expected a UUID such as 123e4567-e89b-12d3-a456-426614174000, found " + quote(text));
        }
        return UUID.fromString(text);
    }

    /** The ISO-8601 calendar date written here, e.g. 2026-11-26. */
    public LocalDate date(String text) throws PlanFormatException {
        try {
            return LocalDate.parse(text);
        } catch (DateTimeParseException e) {
            throw error("expected a date such as 2026-11-26, found " + quote(text));
        }
    }

    /** The ISO-8601 date and time with offset written here, e.g. 2026-11-26T14:03:07.125+01:00; null stays null. */
    public OffsetDateTime time(String text) throws PlanFormatException {
        if (text == null) {
            return null;
        }
        try {
            return OffsetDateTime.parse(text, DateTimeFormatter.ISO_OFFSET_DATE_TIME);
        } catch (DateTimeParseException e) {
            throw error("expected a time with offset such as 2026-11-26T14:03:07.125+01:00, found " + quote(text));
        }
    }

    /** The number written here, which must be finite (JSON's 1e400 reads as infinity); null stays null. */
    public Double finite(Double value) throws PlanFormatException {
        if (value != null && !Double.isFinite(value)) {
            throw error("must be a finite number, found one out of range");
        }
        return value;
    }

    /** The text in quotes, cut after 40 characters. */
    static String quote(String text) {
        String shown = text.length() > 40 ? text.substring(0, 40) + "…" : text;
        return "\"" + shown + "\"";
    }
}
