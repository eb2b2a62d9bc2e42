package org.injectionplanner.dicom;

/** DICOM value representations (PS3.5 §6.2). */
public enum Vr {
    AE(false, 0, ' '), AS(false, 0, ' '), AT(false, 2, 0), CS(false, 0, ' '), DA(false, 0, ' '),
    DS(false, 0, ' '), DT(false, 0, ' '), FD(false, 8, 0), FL(false, 4, 0), IS(false, 0, ' '),
    LO(false, 0, ' '), LT(false, 0, ' '), OB(true, 0, 0), OD(true, 8, 0), OF(true, 4, 0),
    OL(true, 4, 0), OV(true, 8, 0), OW(true, 2, 0), PN(false, 0, ' '), SH(false, 0, ' '),
    SL(false, 4, 0), SQ(true, 0, 0), SS(false, 2, 0), ST(false, 0, ' '), SV(true, 8, 0),
    TM(false, 0, ' '), UC(true, 0, ' '), UI(false, 0, 0), UL(false, 4, 0), UN(true, 0, 0),
    UR(true, 0, ' '), US(false, 2, 0), UT(true, 0, ' '), UV(true, 8, 0);

    private final boolean longLength;
    private final int swapUnit;
    private final int padding;

    Vr(boolean longLength, int swapUnit, int padding) {
        this.longLength = longLength;
        this.swapUnit = swapUnit;
        this.padding = padding;
    }

    /** True if explicit-VR encoding uses 2 reserved bytes and a 4-byte length. */
    public boolean hasLongLength() {
        return longLength;
    }

    /** Size in bytes of the unit swapped between big and little endian, 0 for byte data and text. */
    public int swapUnit() {
        return swapUnit;
    }

    /** The byte that pads a value to even length. */
    public byte padding() {
        return (byte) padding;
    }

    /** True if the value is text decoded through the Specific Character Set. */
    public boolean isCharacterSetText() {
        return this == LO || this == LT || this == PN || this == SH || this == ST || this == UC
                || this == UT;
    }

    /** The VR for two ASCII bytes, or null if they name none. */
    public static Vr of(int b0, int b1) {
        if (b0 < 'A' || b0 > 'Z' || b1 < 'A' || b1 > 'Z') {
            return null;
        }
        try {
            return valueOf(new String(new char[] {(char) b0, (char) b1}));
        } catch (IllegalArgumentException e) {
            return null;
        }
    }
}
