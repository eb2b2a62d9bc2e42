package org.injectionplanner.export.dicom;

import java.nio.charset.StandardCharsets;
import org.injectionplanner.dicom.DataSet;
import org.injectionplanner.dicom.Vr;

/**
 * A coded concept: value, coding scheme designator and meaning (PS3.3 Table 8.8-1). A value longer than
 * 16 characters is written as Long Code Value (0008,0119), as the standard requires.
 *
 * @param value the code value, e.g. "52082005"
 * @param scheme the coding scheme designator, e.g. "SCT", "DCM", "UCUM", "99INJPLAN"
 * @param meaning the code meaning
 */
public record Code(String value, String scheme, String meaning) {

    private static final int SHORT_VALUE_LIMIT = 16;

    public Code {
        if (value == null || value.isBlank() || scheme == null || scheme.isBlank() || meaning == null
                || meaning.isBlank()) {
            throw new IllegalArgumentException("a code needs a value, a scheme and a meaning: " + value + ", "
                    + scheme + ", " + meaning);
        }
    }

    /** The code as one item of a code sequence. */
    DataSet item() {
        DataSet item = new DataSet(StandardCharsets.UTF_8);
        if (value.length() > SHORT_VALUE_LIMIT) {
            item.putString(SrTags.LONG_CODE_VALUE, Vr.UC, value);
        } else {
            item.putString(SrTags.CODE_VALUE, Vr.SH, value);
        }
        item.putString(SrTags.CODING_SCHEME_DESIGNATOR, Vr.SH, scheme);
        item.putString(SrTags.CODE_MEANING, Vr.LO, meaning);
        return item;
    }

    /** The code of a code sequence item, or null when the item lacks a value or scheme. */
    static Code of(DataSet item) {
        String v = item.getString(SrTags.CODE_VALUE);
        if (v == null) {
            v = item.getString(SrTags.LONG_CODE_VALUE);
        }
        String s = item.getString(SrTags.CODING_SCHEME_DESIGNATOR);
        String m = item.getString(SrTags.CODE_MEANING);
        return v == null || s == null ? null : new Code(v, s, m == null ? v : m);
    }

    /** True if both name the same concept (value and scheme; the meaning is only its display). */
    public boolean sameConcept(Code other) {
        return other != null && value.equals(other.value) && scheme.equals(other.scheme);
    }
}
