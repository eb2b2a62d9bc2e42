package org.injectionplanner.dicom;

/**
 * Transfer syntaxes: how the data set is encoded and, for encapsulated ones, which codec the pixel
 * data needs. {@link #of(String)} maps every UID, known or not.
 */
public record TransferSyntax(String uid, String name, boolean explicitVr, boolean bigEndian,
        boolean deflated, Codec codec) {

    /** The pixel codec a transfer syntax needs. */
    public enum Codec {
        NATIVE, RLE, JPEG_BASELINE, JPEG_EXTENDED, JPEG_LOSSLESS, JPEG_2000,
        JPEG_LS, JPEG_XL, HTJ2K, VIDEO, UNKNOWN_ENCAPSULATED;

        /** True if the pixel data is a sequence of fragments. */
        public boolean isEncapsulated() {
            return this != NATIVE;
        }

        /** True if this project decodes it. */
        public boolean isSupported() {
            return this == NATIVE || this == RLE || this == JPEG_BASELINE || this == JPEG_EXTENDED
                    || this == JPEG_LOSSLESS || this == JPEG_2000 || this == JPEG_LS;
        }
    }

    public static final String IMPLICIT_VR_LITTLE_ENDIAN = "1.2.840.10008.1.2";
    public static final String EXPLICIT_VR_LITTLE_ENDIAN = "1.2.840.10008.1.2.1";
    public static final String DEFLATED_EXPLICIT_VR_LITTLE_ENDIAN = "1.2.840.10008.1.2.1.99";
    public static final String EXPLICIT_VR_BIG_ENDIAN = "1.2.840.10008.1.2.2";
    public static final String JPEG_BASELINE_UID = "1.2.840.10008.1.2.4.50";

    /** The transfer syntax for a UID; unknown UIDs are taken as encapsulated explicit VR LE. */
    public static TransferSyntax of(String uid) {
        String u = uid == null ? "" : uid.strip();
        return switch (u) {
            case IMPLICIT_VR_LITTLE_ENDIAN -> native_(u, "Implicit VR Little Endian", false, false, false);
            case EXPLICIT_VR_LITTLE_ENDIAN -> native_(u, "Explicit VR Little Endian", true, false, false);
            case DEFLATED_EXPLICIT_VR_LITTLE_ENDIAN ->
                    native_(u, "Deflated Explicit VR Little Endian", true, false, true);
            case EXPLICIT_VR_BIG_ENDIAN -> native_(u, "Explicit VR Big Endian", true, true, false);
            case JPEG_BASELINE_UID -> enc(u, "JPEG Baseline (Process 1)", Codec.JPEG_BASELINE);
            case "1.2.840.10008.1.2.4.51" -> enc(u, "JPEG Extended (Process 2 & 4)", Codec.JPEG_EXTENDED);
            case "1.2.840.10008.1.2.4.57" -> enc(u, "JPEG Lossless (Process 14)", Codec.JPEG_LOSSLESS);
            case "1.2.840.10008.1.2.4.70" ->
                    enc(u, "JPEG Lossless SV1 (Process 14, Selection Value 1)", Codec.JPEG_LOSSLESS);
            case "1.2.840.10008.1.2.4.80" -> enc(u, "JPEG-LS Lossless", Codec.JPEG_LS);
            case "1.2.840.10008.1.2.4.81" -> enc(u, "JPEG-LS Near-Lossless", Codec.JPEG_LS);
            case "1.2.840.10008.1.2.4.90" -> enc(u, "JPEG 2000 Lossless", Codec.JPEG_2000);
            case "1.2.840.10008.1.2.4.91" -> enc(u, "JPEG 2000", Codec.JPEG_2000);
            case "1.2.840.10008.1.2.4.201", "1.2.840.10008.1.2.4.202", "1.2.840.10008.1.2.4.203" ->
                    enc(u, "High-Throughput JPEG 2000", Codec.HTJ2K);
            case "1.2.840.10008.1.2.4.110", "1.2.840.10008.1.2.4.111", "1.2.840.10008.1.2.4.112" ->
                    enc(u, "JPEG XL", Codec.JPEG_XL);
            case "1.2.840.10008.1.2.4.100", "1.2.840.10008.1.2.4.101" -> enc(u, "MPEG-2 video", Codec.VIDEO);
            case "1.2.840.10008.1.2.4.102", "1.2.840.10008.1.2.4.103", "1.2.840.10008.1.2.4.104",
                    "1.2.840.10008.1.2.4.105", "1.2.840.10008.1.2.4.106" ->
                    enc(u, "MPEG-4 AVC/H.264 video", Codec.VIDEO);
            case "1.2.840.10008.1.2.4.107", "1.2.840.10008.1.2.4.108" -> enc(u, "HEVC/H.265 video", Codec.VIDEO);
            case "1.2.840.10008.1.2.5" -> enc(u, "RLE Lossless", Codec.RLE);
            default -> enc(u, "unknown transfer syntax " + u, Codec.UNKNOWN_ENCAPSULATED);
        };
    }

    private static TransferSyntax native_(String uid, String name, boolean explicit, boolean big,
            boolean deflated) {
        return new TransferSyntax(uid, name, explicit, big, deflated, Codec.NATIVE);
    }

    private static TransferSyntax enc(String uid, String name, Codec codec) {
        return new TransferSyntax(uid, name, true, false, false, codec);
    }

    /**
     * Why this project does not decode the pixel data, and how to convert the file; null if it does.
     */
    public String unsupportedReason() {
        return switch (codec) {
            case JPEG_XL -> name + " (" + uid + ") is not decoded by Injection Planner; re-export the"
                    + " study from the ultrasound system or PACS uncompressed or as JPEG Baseline";
            case HTJ2K -> name + " (" + uid + ") is not decoded by Injection Planner; convert the file"
                    + " to JPEG 2000 or uncompressed (e.g. with OpenJPEG or GDCM's gdcmconv --raw)";
            case VIDEO -> name + " (" + uid + ") is not decoded by Injection Planner; export the loop"
                    + " from the ultrasound system as JPEG Baseline or uncompressed frames, or"
                    + " extract frames with ffmpeg and import them as images";
            case UNKNOWN_ENCAPSULATED -> "transfer syntax " + uid + " is not known to Injection Planner;"
                    + " convert the file to Explicit VR Little Endian (e.g. with dcmtk's dcmconv +te)";
            default -> null;
        };
    }
}
