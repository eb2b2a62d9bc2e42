package org.injectionplanner.dicom;

import java.util.List;

/**
 * One data element. Exactly one of {@code value} (loaded bytes, numeric values little endian),
 * {@code items} (a sequence) or {@code bulk} (bytes left in the file) is set.
 *
 * @param tag the tag
 * @param vr the value representation as read (or the dictionary VR in implicit-VR files)
 * @param valueOffset byte offset of the value in the file, -1 for elements made in memory
 * @param value the value bytes, little endian for numeric VRs, or null
 * @param items the items of a sequence, or null
 * @param bulk a reference to a value not read into memory, or null
 */
public record Element(int tag, Vr vr, long valueOffset, byte[] value, List<DataSet> items, BulkData bulk) {

    /** An element whose value is in memory. */
    public static Element of(int tag, Vr vr, byte[] value) {
        return new Element(tag, vr, -1, value, null, null);
    }

    /** A sequence element. */
    public static Element sequence(int tag, List<DataSet> items) {
        return new Element(tag, Vr.SQ, -1, null, List.copyOf(items), null);
    }

    /** Length of the value in bytes (items count as their encoded size is unknown here: 0). */
    public long length() {
        if (value != null) {
            return value.length;
        }
        return bulk == null ? 0 : bulk.length();
    }
}
