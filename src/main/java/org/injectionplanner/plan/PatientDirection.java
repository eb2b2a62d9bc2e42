package org.injectionplanner.plan;

import java.util.Locale;

/**
 * A direction in the patient that an edge of an ultrasound image of the back can face: patient-right or
 * -left (a transverse image), cranial or caudal (a longitudinal one).
 */
public enum PatientDirection {
    RIGHT("R", 'R'), LEFT("L", 'L'), CRANIAL("CRAN", 'H'), CAUDAL("CAUD", 'F');

    private final String marker;
    private final char dicomLetter;

    PatientDirection(String marker, char dicomLetter) {
        this.marker = marker;
        this.dicomLetter = dicomLetter;
    }

    /** What is written at the edge: "R", "L", "CRAN" or "CAUD". */
    public String marker() {
        return marker;
    }

    /** The opposite direction (the other edge of the image). */
    public PatientDirection opposite() {
        return switch (this) {
            case RIGHT -> LEFT;
            case LEFT -> RIGHT;
            case CRANIAL -> CAUDAL;
            case CAUDAL -> CRANIAL;
        };
    }

    /** Whether an image whose edges face this way is transverse (across the spine): right or left. */
    public boolean transverse() {
        return this == RIGHT || this == LEFT;
    }

    /** The side of the patient it points to: Right or Left; null for cranial and caudal. */
    public Side side() {
        return this == RIGHT ? Side.RIGHT : this == LEFT ? Side.LEFT : null;
    }

    /** The direction of a DICOM patient-direction letter (R, L, H, F); null for A and P. */
    public static PatientDirection ofDicomLetter(char letter) {
        for (PatientDirection d : values()) {
            if (d.dicomLetter == letter) {
                return d;
            }
        }
        return null;
    }

    /** Parses a marker or name, case-insensitively ("R", "right", "CRAN", "cranial", "H", "F"). */
    public static PatientDirection parse(String text) {
        String t = text.trim().toUpperCase(Locale.ROOT);
        for (PatientDirection d : values()) {
            if (d.name().equals(t) || d.marker.equals(t) || String.valueOf(d.dicomLetter).equals(t)) {
                return d;
            }
        }
        throw new IllegalArgumentException("unknown image edge direction '" + text
                + "': use R, L, CRAN or CAUD");
    }
}
