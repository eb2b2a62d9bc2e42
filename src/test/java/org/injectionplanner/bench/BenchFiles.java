package org.injectionplanner.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.injectionplanner.dicom.DataSet;
import org.injectionplanner.dicom.Tag;
import org.injectionplanner.dicom.Uids;
import org.injectionplanner.dicom.UltrasoundImageWriter;
import org.injectionplanner.dicom.Vr;

/**
 * Writes the benchmark files with the project's own writer: {@code us-rgb-cine.dcm}, an uncompressed
 * RGB US Multi-frame cine (Explicit VR Little Endian), and {@code us-jpeg-cine.dcm}, the same frames
 * as JPEG Baseline YBR_FULL_422. Both are deterministic: the same arguments give the same bytes.
 *
 * <p>Usage: {@code BenchFiles DIR [FRAMES [ROWS COLUMNS]]}; defaults 230 frames of 480 × 640
 * (212 MB uncompressed).
 */
public final class BenchFiles {

    /** The uncompressed cine's file name. */
    public static final String RGB_CINE = "us-rgb-cine.dcm";
    /** The JPEG Baseline cine's file name. */
    public static final String JPEG_CINE = "us-jpeg-cine.dcm";

    private BenchFiles() {
    }

    /** Entry point; see the class comment for the arguments. */
    public static void main(String[] args) throws IOException {
        if (args.length != 1 && args.length != 2 && args.length != 4) {
            System.err.println("usage: BenchFiles DIR [FRAMES [ROWS COLUMNS]]");
            System.exit(2);
        }
        Path dir = Path.of(args[0]);
        int frames = args.length > 1 ? Integer.parseInt(args[1]) : 230;
        int rows = args.length > 2 ? Integer.parseInt(args[2]) : 480;
        int columns = args.length > 2 ? Integer.parseInt(args[3]) : 640;
        Files.createDirectories(dir);
        SyntheticCine cine = new SyntheticCine(rows, columns);
        List<byte[]> pixels = new ArrayList<>(frames);
        for (int i = 0; i < frames; i++) {
            pixels.add(cine.frame(i));
        }
        UltrasoundImageWriter.Image image = new UltrasoundImageWriter.Image(rows, columns, true, pixels, 33.3);
        UltrasoundImageWriter.write(dir.resolve(RGB_CINE), header("rgb cine"), image,
                UltrasoundImageWriter.Encoding.UNCOMPRESSED);
        UltrasoundImageWriter.write(dir.resolve(JPEG_CINE), header("jpeg cine"), image,
                UltrasoundImageWriter.Encoding.JPEG_BASELINE);
        for (String name : List.of(RGB_CINE, JPEG_CINE)) {
            System.out.printf("%s: %d frames of %d × %d, %d bytes%n", dir.resolve(name), frames, columns, rows,
                    Files.size(dir.resolve(name)));
        }
    }

    /** A synthetic US header with one calibrated region (0.0085 cm per pixel). */
    static DataSet header(String name) {
        DataSet ds = new DataSet();
        ds.putString(Tag.SPECIFIC_CHARACTER_SET, Vr.CS, "ISO_IR 192");
        ds.putString(Tag.IMAGE_TYPE, Vr.CS, "ORIGINAL", "PRIMARY", "ABDOMINAL");
        ds.putString(Tag.SOP_INSTANCE_UID, Vr.UI, Uids.fromName("bench " + name));
        ds.putString(Tag.STUDY_DATE, Vr.DA, "20260101");
        ds.putString(Tag.STUDY_TIME, Vr.TM, "120000");
        ds.putString(Tag.CONTENT_DATE, Vr.DA, "20260101");
        ds.putString(Tag.CONTENT_TIME, Vr.TM, "120000");
        ds.putString(Tag.ACCESSION_NUMBER, Vr.SH, "");
        ds.putString(Tag.MODALITY, Vr.CS, "US");
        ds.putString(Tag.MANUFACTURER, Vr.LO, "Injection Planner benchmarks");
        ds.putString(Tag.REFERRING_PHYSICIAN_NAME, Vr.PN, "");
        ds.putString(Tag.PATIENT_NAME, Vr.PN, "Bench^Synthetic");
        ds.putString(Tag.PATIENT_ID, Vr.LO, "BENCH-1");
        ds.putString(Tag.PATIENT_BIRTH_DATE, Vr.DA, "");
        ds.putString(Tag.PATIENT_SEX, Vr.CS, "");
        ds.putString(Tag.STUDY_INSTANCE_UID, Vr.UI, Uids.fromName("bench study"));
        ds.putString(Tag.SERIES_INSTANCE_UID, Vr.UI, Uids.fromName("bench series " + name));
        ds.putString(Tag.STUDY_ID, Vr.SH, "1");
        ds.putString(Tag.SERIES_NUMBER, Vr.IS, "1");
        ds.putString(Tag.INSTANCE_NUMBER, Vr.IS, "1");
        ds.putString(Tag.PATIENT_ORIENTATION, Vr.CS, "");
        DataSet region = new DataSet();
        region.putShorts(Tag.REGION_SPATIAL_FORMAT, Vr.US, 1);
        region.putShorts(Tag.REGION_DATA_TYPE, Vr.US, 1);
        region.putInts(Tag.REGION_FLAGS, Vr.UL, 0);
        region.putInts(Tag.REGION_LOCATION_MIN_X0, Vr.UL, 60);
        region.putInts(Tag.REGION_LOCATION_MIN_Y0, Vr.UL, 28);
        region.putInts(Tag.REGION_LOCATION_MAX_X1, Vr.UL, 579);
        region.putInts(Tag.REGION_LOCATION_MAX_Y1, Vr.UL, 470);
        region.putInts(Tag.REFERENCE_PIXEL_X0, Vr.SL, 320);
        region.putInts(Tag.REFERENCE_PIXEL_Y0, Vr.SL, 0);
        region.putShorts(Tag.PHYSICAL_UNITS_X_DIRECTION, Vr.US, 3);
        region.putShorts(Tag.PHYSICAL_UNITS_Y_DIRECTION, Vr.US, 3);
        region.putDoubles(Tag.REFERENCE_PIXEL_PHYSICAL_VALUE_X, 0);
        region.putDoubles(Tag.REFERENCE_PIXEL_PHYSICAL_VALUE_Y, 0);
        region.putDoubles(Tag.PHYSICAL_DELTA_X, 0.0085);
        region.putDoubles(Tag.PHYSICAL_DELTA_Y, 0.0085);
        ds.putSequence(Tag.SEQUENCE_OF_ULTRASOUND_REGIONS, List.of(region));
        return ds;
    }
}
