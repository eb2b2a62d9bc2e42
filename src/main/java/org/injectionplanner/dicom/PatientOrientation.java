package org.injectionplanner.dicom;

import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Patient Orientation (0020,0020) of an image header: the patient directions of the image's rows (from the
 * left column to the right one) and columns (from the top row to the bottom one), each one or more of the
 * letters A, P, R, L, H, F, most significant first (PS3.3 C.7.6.1.1.1). It says which side of the patient
 * the image's right edge faces: a row direction "L" puts the patient's left at the right edge.
 *
 * @param rowDirection e.g. "L" or "LP"
 * @param columnDirection e.g. "P"
 */
public record PatientOrientation(String rowDirection, String columnDirection) {

    private static final Pattern DIRECTION = Pattern.compile("[APRLHF]{1,3}");

    public PatientOrientation {
        if (rowDirection == null || !DIRECTION.matcher(rowDirection).matches() || columnDirection == null
                || !DIRECTION.matcher(columnDirection).matches()) {
            throw new IllegalArgumentException("a patient orientation is two directions of the letters A, P, R, L, "
                    + "H, F, got \"" + rowDirection + "\" and \"" + columnDirection + "\"");
        }
    }

    /**
     * The header's Patient Orientation; empty where it is absent, empty (Type 2: "not known", as most
     * ultrasound machines write it) or not two values of those letters.
     */
    public static Optional<PatientOrientation> of(DataSet header) {
        String[] values = header.getStrings(Tag.PATIENT_ORIENTATION);
        return values.length == 2 ? parse(values[0] + "\\" + values[1]) : Optional.empty();
    }

    /** The value "ROW\COLUMN" (upper or lower case, spaces trimmed) as an orientation; empty where it is not one. */
    public static Optional<PatientOrientation> parse(String value) {
        if (value == null) {
            return Optional.empty();
        }
        String[] parts = value.trim().toUpperCase(java.util.Locale.ROOT).split("\\\\", -1);
        if (parts.length != 2 || !DIRECTION.matcher(parts[0].trim()).matches()
                || !DIRECTION.matcher(parts[1].trim()).matches()) {
            return Optional.empty();
        }
        return Optional.of(new PatientOrientation(parts[0].trim(), parts[1].trim()));
    }

    /** The letter the image's right edge faces: the row direction's most significant one, e.g. 'L'. */
    public char rightEdge() {
        return rowDirection.charAt(0);
    }

    /** The value as the header writes it, e.g. "L\A". */
    public String value() {
        return rowDirection + "\\" + columnDirection;
    }
}
