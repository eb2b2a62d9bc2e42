package org.injectionplanner.export;

import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

/** What an export writes (docs/exports.md); {@link #ALL} writes every other format into one folder. */
public enum ExportFormat {
    PDF("pdf"), CSV("csv"), JSON("json"), PNG("png"), SR("sr"), PDF_DICOM("pdf-dicom"), ALL("all");

    private final String key;

    ExportFormat(String key) {
        this.key = key;
    }

    /** The name on the command line and in macros, e.g. {@code pdf-dicom}. */
    public String key() {
        return key;
    }

    /**
     * The format named {@code text} (ignoring case).
     *
     * @throws IllegalArgumentException listing the formats when there is none of that name
     */
    public static ExportFormat parse(String text) {
        String t = text.strip().toLowerCase(Locale.ROOT);
        return Arrays.stream(values()).filter(f -> f.key.equals(t)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("unknown export format '" + text + "': use "
                        + Arrays.stream(values()).map(ExportFormat::key).collect(Collectors.joining(", "))));
    }
}
