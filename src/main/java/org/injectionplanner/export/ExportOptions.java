package org.injectionplanner.export;

import java.nio.file.Path;
import java.util.Locale;

/**
 * How an export is made.
 *
 * @param paper the PDF's paper size
 * @param deidentify leave out the patient's name, ID and birth date, the physicians' names and free-text
 *        notes (plan and image UIDs stay in the non-DICOM formats)
 * @param force replace files that exist; without it an existing file is an error and nothing is written
 * @param predecessor the prior session's SR, carried in the Predecessor Documents Sequence of the SR (formats
 *        {@code sr} and {@code all} only), or null
 */
public record ExportOptions(Paper paper, boolean deidentify, boolean force, Path predecessor) {

    /** A4, identified, never overwriting, no predecessor. */
    public static final ExportOptions DEFAULTS = new ExportOptions(Paper.A4, false, false);

    /** Options without a predecessor SR. */
    public ExportOptions(Paper paper, boolean deidentify, boolean force) {
        this(paper, deidentify, force, null);
    }

    public ExportOptions {
        if (paper == null) {
            throw new IllegalArgumentException("export options need a paper size");
        }
    }

    /** These options replacing existing files. */
    public ExportOptions forced() {
        return new ExportOptions(paper, deidentify, true, predecessor);
    }

    /** A paper size: width and height in PDF points (1/72 inch). */
    public enum Paper {
        /** ISO A4, 210 × 297 mm. */
        A4(595.28f, 841.89f),
        /** US Letter, 8.5 × 11 in. */
        LETTER(612f, 792f);

        private final float width;
        private final float height;

        Paper(float width, float height) {
            this.width = width;
            this.height = height;
        }

        /** Width, points. */
        public float width() {
            return width;
        }

        /** Height, points. */
        public float height() {
            return height;
        }

        /** The paper named {@code text}: {@code a4} or {@code letter}, ignoring case. */
        public static Paper parse(String text) {
            return switch (text.strip().toLowerCase(Locale.ROOT)) {
                case "a4" -> A4;
                case "letter" -> LETTER;
                default -> throw new IllegalArgumentException("unknown paper '" + text + "': use a4 or letter");
            };
        }
    }
}
