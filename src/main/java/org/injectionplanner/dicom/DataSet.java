package org.injectionplanner.dicom;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.time.DateTimeException;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.Collection;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * A DICOM data set: elements in ascending tag order, with typed accessors. Text of the character-set
 * VRs is decoded through the Specific Character Set in force (this data set's, else its parent's).
 * Numeric values are held little endian. Accessors return null (or an empty array) for absent or
 * empty values and never throw on malformed text: a number that does not parse reads as absent.
 */
public final class DataSet {

    private final Map<Integer, Element> elements = new TreeMap<>(Integer::compareUnsigned);
    private Charset charset;

    /** An empty data set whose text uses {@code charset} until a Specific Character Set is put. */
    public DataSet(Charset charset) {
        this.charset = charset;
    }

    /** An empty data set in the default repertoire. */
    public DataSet() {
        this(SpecificCharacterSet.DEFAULT);
    }

    /** The charset used to decode text of this data set. */
    public Charset charset() {
        return charset;
    }

    /** Adds or replaces an element; a Specific Character Set changes how text is decoded. */
    public DataSet put(Element element) {
        elements.put(element.tag(), element);
        if (element.tag() == Tag.SPECIFIC_CHARACTER_SET && element.value() != null) {
            charset = SpecificCharacterSet.charsetFor(
                    new String(element.value(), StandardCharsets.ISO_8859_1));
        }
        return this;
    }

    /** Puts a text value (strings VRs; multiple values joined with backslash). */
    public DataSet putString(int tag, Vr vr, String... values) {
        String joined = String.join("\\", values);
        Charset cs = vr.isCharacterSetText() ? charset : StandardCharsets.ISO_8859_1;
        return put(Element.of(tag, vr, joined.getBytes(cs)));
    }

    /** Puts unsigned or signed 16-bit values (US, SS). */
    public DataSet putShorts(int tag, Vr vr, int... values) {
        ByteBuffer b = ByteBuffer.allocate(values.length * 2).order(ByteOrder.LITTLE_ENDIAN);
        for (int v : values) {
            b.putShort((short) v);
        }
        return put(Element.of(tag, vr, b.array()));
    }

    /** Puts 32-bit values (UL, SL). */
    public DataSet putInts(int tag, Vr vr, long... values) {
        ByteBuffer b = ByteBuffer.allocate(values.length * 4).order(ByteOrder.LITTLE_ENDIAN);
        for (long v : values) {
            b.putInt((int) v);
        }
        return put(Element.of(tag, vr, b.array()));
    }

    /** Puts 64-bit floating point values (FD). */
    public DataSet putDoubles(int tag, double... values) {
        ByteBuffer b = ByteBuffer.allocate(values.length * 8).order(ByteOrder.LITTLE_ENDIAN);
        for (double v : values) {
            b.putDouble(v);
        }
        return put(Element.of(tag, Vr.FD, b.array()));
    }

    /** Puts an attribute tag value (AT). */
    public DataSet putTag(int tag, int value) {
        return putShorts(tag, Vr.AT, value >>> 16, value & 0xFFFF);
    }

    /** Puts a sequence. */
    public DataSet putSequence(int tag, List<DataSet> items) {
        return put(Element.sequence(tag, items));
    }

    /** The element with this tag, or null. */
    public Element get(int tag) {
        return elements.get(tag);
    }

    /** True if an element with this tag is present (even empty). */
    public boolean contains(int tag) {
        return elements.containsKey(tag);
    }

    /** All elements in ascending tag order. */
    public Collection<Element> elements() {
        return Collections.unmodifiableCollection(elements.values());
    }

    /** The raw value bytes, or null. */
    public byte[] getBytes(int tag) {
        Element e = elements.get(tag);
        return e == null ? null : e.value();
    }

    /** The items of a sequence; empty if absent. */
    public List<DataSet> getSequence(int tag) {
        Element e = elements.get(tag);
        return e == null || e.items() == null ? List.of() : e.items();
    }

    /** All values of a text element, each trimmed of padding; empty if absent. */
    public String[] getStrings(int tag) {
        Element e = elements.get(tag);
        if (e == null || e.value() == null || e.value().length == 0) {
            return new String[0];
        }
        String text = decodeText(e);
        if (e.vr() == Vr.LT || e.vr() == Vr.ST || e.vr() == Vr.UT) {
            return new String[] {stripTrailing(text)};
        }
        int count = 1;
        for (int i = text.indexOf('\\'); i >= 0; i = text.indexOf('\\', i + 1)) {
            count++;
        }
        String[] parts = new String[count];
        int start = 0;
        for (int i = 0; i < count; i++) {
            int end = i + 1 < count ? text.indexOf('\\', start) : text.length();
            parts[i] = text.substring(start, end).replace('\0', ' ').strip();
            start = end + 1;
        }
        return parts;
    }

    /**
     * A date element (DA, {@code YYYYMMDD}, or the old {@code YYYY.MM.DD}) as a date; null if absent, empty or
     * not a valid date.
     */
    public LocalDate getDate(int tag) {
        String text = getString(tag);
        if (text == null) {
            return null;
        }
        String digits = text.replace(".", "");
        if (!digits.matches("[0-9]{8}")) {
            return null;
        }
        try {
            return LocalDate.of(Integer.parseInt(digits.substring(0, 4)), Integer.parseInt(digits.substring(4, 6)),
                    Integer.parseInt(digits.substring(6, 8)));
        } catch (DateTimeException e) {
            return null;
        }
    }

    /** The first value of a text element, or null if absent or empty. */
    public String getString(int tag) {
        Element e = elements.get(tag);
        if (e == null || e.value() == null || e.value().length == 0) {
            return null;
        }
        String text = decodeText(e);
        String first;
        if (e.vr() == Vr.LT || e.vr() == Vr.ST || e.vr() == Vr.UT) {
            first = stripTrailing(text);
        } else {
            int cut = text.indexOf('\\');
            first = (cut < 0 ? text : text.substring(0, cut)).replace('\0', ' ').strip();
        }
        return first.isEmpty() ? null : first;
    }

    /** Text as one string (multiple values joined by backslash), for display; null if absent. */
    public String getText(int tag) {
        Element e = elements.get(tag);
        return e == null || e.value() == null ? null : stripTrailing(decodeText(e));
    }

    private String decodeText(Element e) {
        Charset cs = e.vr().isCharacterSetText() ? charset : StandardCharsets.ISO_8859_1;
        return new String(e.value(), cs);
    }

    private static String stripTrailing(String s) {
        int end = s.length();
        while (end > 0 && (s.charAt(end - 1) == ' ' || s.charAt(end - 1) == '\0')) {
            end--;
        }
        return s.substring(0, end);
    }

    /**
     * Numeric values of an element as doubles: binary VRs (US, SS, UL, SL, FL, FD, and OW/OB words)
     * and decimal strings (DS, IS). Values that do not parse are skipped.
     */
    public double[] getDoubles(int tag) {
        return numbers(tag, Integer.MAX_VALUE);
    }

    /** The first numeric value, or null. */
    public Double getDouble(int tag) {
        double[] values = numbers(tag, 1);
        return values.length == 0 ? null : values[0];
    }

    /** Up to {@code max} numeric values (see {@link #getDoubles}), in time and memory linear in the value. */
    private double[] numbers(int tag, int max) {
        Element e = elements.get(tag);
        if (e == null || e.value() == null) {
            return new double[0];
        }
        ByteBuffer b = ByteBuffer.wrap(e.value()).order(ByteOrder.LITTLE_ENDIAN);
        switch (e.vr()) {
            case US, OW -> {
                double[] out = new double[Math.min(max, b.remaining() / 2)];
                for (int i = 0; i < out.length; i++) {
                    out[i] = b.getShort() & 0xFFFF;
                }
                return out;
            }
            case SS -> {
                double[] out = new double[Math.min(max, b.remaining() / 2)];
                for (int i = 0; i < out.length; i++) {
                    out[i] = b.getShort();
                }
                return out;
            }
            case UL -> {
                double[] out = new double[Math.min(max, b.remaining() / 4)];
                for (int i = 0; i < out.length; i++) {
                    out[i] = b.getInt() & 0xFFFFFFFFL;
                }
                return out;
            }
            case SL -> {
                double[] out = new double[Math.min(max, b.remaining() / 4)];
                for (int i = 0; i < out.length; i++) {
                    out[i] = b.getInt();
                }
                return out;
            }
            case FL, OF -> {
                double[] out = new double[Math.min(max, b.remaining() / 4)];
                for (int i = 0; i < out.length; i++) {
                    out[i] = b.getFloat();
                }
                return out;
            }
            case FD, OD -> {
                double[] out = new double[Math.min(max, b.remaining() / 8)];
                for (int i = 0; i < out.length; i++) {
                    out[i] = b.getDouble();
                }
                return out;
            }
            case OB -> {
                double[] out = new double[Math.min(max, b.remaining())];
                for (int i = 0; i < out.length; i++) {
                    out[i] = b.get() & 0xFF;
                }
                return out;
            }
            default -> {
                return parseNumbers(e, max);
            }
        }
    }

    /**
     * The values of a text element that parse as numbers, as {@link #getStrings} splits and trims
     * them. Values that cannot start a number are skipped before any parsing, so that a long value of
     * garbage costs neither an exception per value nor a string per value.
     */
    private double[] parseNumbers(Element e, int max) {
        String text = decodeText(e);
        boolean single = e.vr() == Vr.LT || e.vr() == Vr.ST || e.vr() == Vr.UT;
        double[] out = new double[Math.min(max, 4)];
        int count = 0;
        int start = 0;
        while (start <= text.length() && count < max) {
            int end = single ? text.length() : text.indexOf('\\', start);
            if (end < 0) {
                end = text.length();
            }
            int first = start;
            while (first < end && (text.charAt(first) <= ' ' || Character.isWhitespace(text.charAt(first)))) {
                first++;
            }
            if (first < end && mayStartNumber(text.charAt(first))) {
                String value = text.substring(start, end);
                value = single ? stripTrailing(value) : value.replace('\0', ' ').strip();
                try {
                    double v = Double.parseDouble(value);
                    if (count == out.length) {
                        out = Arrays.copyOf(out, Math.min(max, 2 * count));
                    }
                    out[count++] = v;
                } catch (NumberFormatException ignored) {
                    // not a number: reads as absent
                }
            }
            start = end + 1;
        }
        return count == out.length ? out : Arrays.copyOf(out, count);
    }

    /** True for the characters a string {@link Double#parseDouble} accepts can start with. */
    private static boolean mayStartNumber(char c) {
        return c >= '0' && c <= '9' || c == '+' || c == '-' || c == '.' || c == 'N' || c == 'I';
    }

    /** The first numeric value as an int, or {@code fallback} if absent. */
    public int getInt(int tag, int fallback) {
        Double d = getDouble(tag);
        return d == null ? fallback : (int) Math.round(d);
    }

    /** The first numeric value as an Integer, or null if absent. */
    public Integer getInteger(int tag) {
        Double d = getDouble(tag);
        return d == null ? null : (int) Math.round(d);
    }

    /** The number of elements. */
    public int size() {
        return elements.size();
    }
}
