package org.injectionplanner.dicom;

import java.util.List;

/**
 * A value left in the file: a plain byte range, or an encapsulated sequence of fragments.
 *
 * @param offset byte offset of the value (or of the first fragment item) in the file
 * @param length declared length in bytes; for encapsulated values the sum of the fragment lengths
 * @param available bytes actually present in the file (less than {@code length} when truncated)
 * @param fragments for encapsulated values, the fragments after the Basic Offset Table; else empty
 * @param basicOffsetTable the Basic Offset Table item's entries (empty when absent or empty)
 * @param bigEndian true if numeric words in a plain value are big endian
 * @param encapsulated true if the value is a sequence of fragments (compressed pixel data)
 */
public record BulkData(long offset, long length, long available, List<Fragment> fragments,
        long[] basicOffsetTable, boolean bigEndian, boolean encapsulated) {

    /**
     * One fragment of encapsulated pixel data.
     *
     * @param itemOffset byte offset of the fragment's Item tag in the file
     * @param offset byte offset of the fragment's first data byte in the file
     * @param length length in bytes
     */
    public record Fragment(long itemOffset, long offset, int length) {
    }

}
