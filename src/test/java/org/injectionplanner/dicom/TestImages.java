package org.injectionplanner.dicom;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;

/** Headers and pixel patterns for tests that write ultrasound files (shared by the test packages). */
public final class TestImages {

    private TestImages() {
    }

    /** A header with every type 1 and 2 attribute the US IODs need, and one calibrated region. */
    public static DataSet usHeader(String name) {
        DataSet ds = new DataSet();
        ds.putString(Tag.SPECIFIC_CHARACTER_SET, Vr.CS, "ISO_IR 192");
        ds.putString(Tag.IMAGE_TYPE, Vr.CS, "ORIGINAL", "PRIMARY", "ABDOMINAL");
        ds.putString(Tag.SOP_INSTANCE_UID, Vr.UI, Uids.fromName("test " + name));
        ds.putString(Tag.STUDY_DATE, Vr.DA, "20261126");
        ds.putString(Tag.STUDY_TIME, Vr.TM, "101500");
        ds.putString(Tag.CONTENT_DATE, Vr.DA, "20261126");
        ds.putString(Tag.CONTENT_TIME, Vr.TM, "101500");
        ds.putString(Tag.ACCESSION_NUMBER, Vr.SH, "");
        ds.putString(Tag.MODALITY, Vr.CS, "US");
        ds.putString(Tag.MANUFACTURER, Vr.LO, "Injection Planner tests");
        ds.putString(Tag.REFERRING_PHYSICIAN_NAME, Vr.PN, "");
        ds.putString(Tag.PATIENT_NAME, Vr.PN, "Test^Müller");
        ds.putString(Tag.PATIENT_ID, Vr.LO, "TEST-1");
        ds.putString(Tag.PATIENT_BIRTH_DATE, Vr.DA, "");
        ds.putString(Tag.PATIENT_SEX, Vr.CS, "");
        ds.putString(Tag.STUDY_INSTANCE_UID, Vr.UI, Uids.fromName("study " + name));
        ds.putString(Tag.SERIES_INSTANCE_UID, Vr.UI, Uids.fromName("series " + name));
        ds.putString(Tag.STUDY_ID, Vr.SH, "1");
        ds.putString(Tag.SERIES_NUMBER, Vr.IS, "1");
        ds.putString(Tag.INSTANCE_NUMBER, Vr.IS, "1");
        ds.putString(Tag.PATIENT_ORIENTATION, Vr.CS, "");
        // dciodvfy cannot tell paired body parts and requires Laterality; empty is only a warning
        ds.putString(Tag.LATERALITY, Vr.CS, "");
        DataSet region = usRegion(4, 2, 59, 45, 0.0085, 0.0085);
        region.putInts(Tag.REFERENCE_PIXEL_X0, Vr.SL, 28);
        ds.putSequence(Tag.SEQUENCE_OF_ULTRASOUND_REGIONS, List.of(region));
        return ds;
    }

    /**
     * An item of the Sequence of Ultrasound Regions: a 2D tissue region in cm covering columns x0..x1 and
     * rows y0..y1 (inclusive), reference pixel (0, 0).
     */
    public static DataSet usRegion(long x0, long y0, long x1, long y1, double deltaXCm, double deltaYCm) {
        DataSet region = new DataSet();
        region.putShorts(Tag.REGION_SPATIAL_FORMAT, Vr.US, 1);
        region.putShorts(Tag.REGION_DATA_TYPE, Vr.US, 1);
        region.putInts(Tag.REGION_FLAGS, Vr.UL, 0);
        region.putInts(Tag.REGION_LOCATION_MIN_X0, Vr.UL, x0);
        region.putInts(Tag.REGION_LOCATION_MIN_Y0, Vr.UL, y0);
        region.putInts(Tag.REGION_LOCATION_MAX_X1, Vr.UL, x1);
        region.putInts(Tag.REGION_LOCATION_MAX_Y1, Vr.UL, y1);
        region.putInts(Tag.REFERENCE_PIXEL_X0, Vr.SL, 0);
        region.putInts(Tag.REFERENCE_PIXEL_Y0, Vr.SL, 0);
        region.putShorts(Tag.PHYSICAL_UNITS_X_DIRECTION, Vr.US, 3);
        region.putShorts(Tag.PHYSICAL_UNITS_Y_DIRECTION, Vr.US, 3);
        region.putDoubles(Tag.REFERENCE_PIXEL_PHYSICAL_VALUE_X, 0);
        region.putDoubles(Tag.REFERENCE_PIXEL_PHYSICAL_VALUE_Y, 0);
        region.putDoubles(Tag.PHYSICAL_DELTA_X, deltaXCm);
        region.putDoubles(Tag.PHYSICAL_DELTA_Y, deltaYCm);
        return region;
    }

    /**
     * Writes {@code header} with a monochrome 8-bit native cine of 48 × 64 pixels whose Number of Frames
     * says {@code declared} while its Pixel Data holds {@code present} frames (frame i filled with the
     * value i + 1).
     */
    public static void writeWithFrameCount(Path file, DataSet header, int declared, int present)
            throws IOException {
        int rows = 48;
        int columns = 64;
        DataSet ds = header;
        ds.putString(Tag.SOP_CLASS_UID, Vr.UI, Uids.US_MULTIFRAME_IMAGE_STORAGE);
        ds.putShorts(Tag.SAMPLES_PER_PIXEL, Vr.US, 1);
        ds.putString(Tag.PHOTOMETRIC_INTERPRETATION, Vr.CS, "MONOCHROME2");
        ds.putString(Tag.NUMBER_OF_FRAMES, Vr.IS, String.valueOf(declared));
        ds.putShorts(Tag.ROWS, Vr.US, rows);
        ds.putShorts(Tag.COLUMNS, Vr.US, columns);
        ds.putShorts(Tag.BITS_ALLOCATED, Vr.US, 8);
        ds.putShorts(Tag.BITS_STORED, Vr.US, 8);
        ds.putShorts(Tag.HIGH_BIT, Vr.US, 7);
        ds.putShorts(Tag.PIXEL_REPRESENTATION, Vr.US, 0);
        byte[] pixels = new byte[rows * columns * present];
        for (int i = 0; i < present; i++) {
            Arrays.fill(pixels, i * rows * columns, (i + 1) * rows * columns, (byte) (i + 1));
        }
        ds.put(Element.of(Tag.PIXEL_DATA, Vr.OB, pixels));
        DicomWriter.write(file, ds);
    }

    /** A smooth test pattern that survives JPEG well: gradients plus a square. */
    public static byte[] pattern(int rows, int columns, boolean rgb, int frame) {
        byte[] out = new byte[rows * columns * (rgb ? 3 : 1)];
        for (int y = 0; y < rows; y++) {
            for (int x = 0; x < columns; x++) {
                int v = (x * 2 + y + frame * 5) % 200;
                boolean square = x > columns / 4 && x < columns / 2 && y > rows / 4 && y < rows / 2;
                int i = y * columns + x;
                if (rgb) {
                    out[3 * i] = (byte) v;
                    out[3 * i + 1] = (byte) (square ? 200 : 255 - v);
                    out[3 * i + 2] = (byte) ((v + 80) & 0xFF);
                } else {
                    out[i] = (byte) (square ? 230 : v / 2);
                }
            }
        }
        return out;
    }
}
