package org.injectionplanner.dicom;

/**
 * A DICOM file could not be read, decoded or written. The message names the file, and where known the
 * byte offset (from the start of the file) and the tag at which the problem was found.
 */
public final class DicomException extends Exception {

    private final String source;
    private final long offset;
    private final int tag;

    /**
     * @param source the file (or other source) being read, as the user knows it
     * @param offset byte offset from the start of the file, or -1 when not known
     * @param tag the tag being read, or -1 when not known
     * @param reason what is wrong, in words a user can act on
     */
    public DicomException(String source, long offset, int tag, String reason) {
        this(source, offset, tag, reason, null);
    }

    public DicomException(String source, long offset, int tag, String reason, Throwable cause) {
        super(format(source, offset, tag, reason), cause);
        this.source = source;
        this.offset = offset;
        this.tag = tag;
    }

    private static String format(String source, long offset, int tag, String reason) {
        StringBuilder sb = new StringBuilder();
        sb.append(source).append(": ").append(reason);
        if (offset >= 0 || tag != -1) {
            sb.append(" (");
            if (offset >= 0) {
                sb.append("at byte offset ").append(offset);
            }
            if (tag != -1) {
                sb.append(offset >= 0 ? ", " : "").append("tag ").append(Tag.toString(tag));
            }
            sb.append(')');
        }
        return sb.toString();
    }

    /** The file or source that failed. */
    public String source() {
        return source;
    }

    /** Byte offset from the start of the file, or -1 when not known. */
    public long offset() {
        return offset;
    }

    /** The tag being read, or -1 when not known. */
    public int tag() {
        return tag;
    }
}
