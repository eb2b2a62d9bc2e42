package org.injectionplanner.sample;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.injectionplanner.dicom.DataSet;
import org.injectionplanner.dicom.Tag;
import org.injectionplanner.dicom.Uids;
import org.injectionplanner.dicom.UltrasoundImageWriter;
import org.injectionplanner.dicom.Vr;

/**
 * The bundled demo studies: one synthetic patient with chronic low back pain, two studies four weeks
 * apart (session 1 and follow-up), each with a transverse single frame at L4–L5, a longitudinal view
 * over the posterior sacroiliac region and a 36-frame cine (JPEG Baseline, US Multi-frame). Every
 * image carries one calibrated 2D ultrasound region. Output is byte-identical on every run.
 */
public final class DemoStudies {

    /** Seed of the demo images. */
    public static final long SEED = 20261001L;
    /** Frames of each demo cine. */
    public static final int CINE_FRAMES = 36;
    /** Interval between cine frames, ms (25 frames per second). */
    public static final double CINE_FRAME_TIME_MS = 40.0;

    private static final int PATIENT_IDENTITY_REMOVED = 0x00120062;
    private static final int DEIDENTIFICATION_METHOD = 0x00120063;
    private static final String[] STUDY_DATES = {"20261001", "20261029"};

    private DemoStudies() {
    }

    /** One image of a demo study. */
    /**
     * Body Part Examined is an unpaired part (LSPINE, SSPINE), so Laterality is absent; the side is in the
     * description.
     */
    private record Series(int number, String fileName, String description, SyntheticUltrasound.View view,
            String bodyPart, boolean cine) {
    }

    private static final List<Series> SERIES = List.of(
            new Series(1, "01-transverse-L4-L5.dcm", "Transverse L4-L5 midline",
                    SyntheticUltrasound.View.TRANSVERSE_L4_L5, "LSPINE", false),
            new Series(2, "02-longitudinal-posterior-sacroiliac.dcm", "Longitudinal posterior sacroiliac (right)",
                    SyntheticUltrasound.View.LONGITUDINAL_POSTERIOR_SACROILIAC, "SSPINE", false),
            new Series(3, "03-cine-transverse-L4-L5.dcm", "Cine transverse L4-L5 midline",
                    SyntheticUltrasound.View.TRANSVERSE_L4_L5, "LSPINE", true));

    /** Writes {@code dir/session-1} and {@code dir/session-2}; returns the files written. */
    public static List<Path> generate(Path dir) throws IOException {
        List<Path> written = new ArrayList<>();
        for (int session = 1; session <= 2; session++) {
            Path sessionDir = dir.resolve("session-" + session);
            for (Series series : SERIES) {
                Path file = sessionDir.resolve(series.fileName());
                write(file, session, series);
                written.add(file);
            }
        }
        return written;
    }

    private static void write(Path file, int session, Series series) throws IOException {
        SyntheticUltrasound.Layout layout = SyntheticUltrasound.layout();
        List<byte[]> frames = new ArrayList<>();
        int count = series.cine() ? CINE_FRAMES : 1;
        for (int i = 0; i < count; i++) {
            frames.add(SyntheticUltrasound.render(series.view(), session, i, SEED + series.number()));
        }
        DataSet header = header(session, series, layout);
        UltrasoundImageWriter.write(file, header,
                new UltrasoundImageWriter.Image(layout.height(), layout.width(), false, frames,
                        series.cine() ? CINE_FRAME_TIME_MS : null),
                series.cine() ? UltrasoundImageWriter.Encoding.JPEG_BASELINE
                        : UltrasoundImageWriter.Encoding.UNCOMPRESSED);
    }

    private static DataSet header(int session, Series series, SyntheticUltrasound.Layout layout) {
        String date = STUDY_DATES[session - 1];
        String time = String.format(Locale.ROOT, "0930%02d", series.number() * 7);
        String studyKey = "injection-planner demo study, session " + session;
        DataSet ds = new DataSet();
        ds.putString(Tag.SPECIFIC_CHARACTER_SET, Vr.CS, "ISO_IR 192");
        ds.putString(Tag.IMAGE_TYPE, Vr.CS, "ORIGINAL", "PRIMARY", "ABDOMINAL");
        ds.putString(Tag.SOP_INSTANCE_UID, Vr.UI, Uids.fromName(studyKey + ", image " + series.number()));
        ds.putString(Tag.STUDY_DATE, Vr.DA, date);
        ds.putString(Tag.SERIES_DATE, Vr.DA, date);
        ds.putString(Tag.CONTENT_DATE, Vr.DA, date);
        ds.putString(Tag.STUDY_TIME, Vr.TM, "093000");
        ds.putString(Tag.SERIES_TIME, Vr.TM, time);
        ds.putString(Tag.CONTENT_TIME, Vr.TM, time);
        ds.putString(Tag.ACCESSION_NUMBER, Vr.SH, "DEMO-" + session);
        ds.putString(Tag.MODALITY, Vr.CS, "US");
        ds.putString(Tag.MANUFACTURER, Vr.LO, "Injection Planner (synthetic demo data)");
        ds.putString(Tag.REFERRING_PHYSICIAN_NAME, Vr.PN, "");
        ds.putString(Tag.STUDY_DESCRIPTION, Vr.LO,
                session == 1 ? "US lumbosacral ligaments, session 1" : "US lumbosacral ligaments, follow-up");
        ds.putString(Tag.SERIES_DESCRIPTION, Vr.LO, series.description());
        ds.putString(Tag.MANUFACTURER_MODEL_NAME, Vr.LO, "SyntheticUltrasound linear 12 MHz");
        ds.putString(Tag.PATIENT_NAME, Vr.PN, "Demo^Lumbar Back Pain");
        ds.putString(Tag.PATIENT_ID, Vr.LO, "DEMO-0001");
        ds.putString(Tag.PATIENT_BIRTH_DATE, Vr.DA, "");
        ds.putString(Tag.PATIENT_SEX, Vr.CS, "F");
        ds.putString(PATIENT_IDENTITY_REMOVED, Vr.CS, "YES");
        ds.putString(DEIDENTIFICATION_METHOD, Vr.LO, "synthetic images, no real patient");
        ds.putString(Tag.BODY_PART_EXAMINED, Vr.CS, series.bodyPart());
        ds.putString(Tag.STUDY_INSTANCE_UID, Vr.UI, Uids.fromName(studyKey));
        ds.putString(Tag.SERIES_INSTANCE_UID, Vr.UI, Uids.fromName(studyKey + ", series " + series.number()));
        ds.putString(Tag.STUDY_ID, Vr.SH, "S" + session);
        ds.putString(Tag.SERIES_NUMBER, Vr.IS, Integer.toString(series.number()));
        ds.putString(Tag.INSTANCE_NUMBER, Vr.IS, "1");
        ds.putString(Tag.PATIENT_ORIENTATION, Vr.CS, "");
        ds.putSequence(Tag.SEQUENCE_OF_ULTRASOUND_REGIONS, List.of(region(layout)));
        return ds;
    }

    /** The B-mode image area: 2D tissue, cm on both axes, origin at the skin line in the middle. */
    private static DataSet region(SyntheticUltrasound.Layout layout) {
        double deltaCm = layout.mmPerPixel() / 10;
        DataSet r = new DataSet();
        r.putShorts(Tag.REGION_SPATIAL_FORMAT, Vr.US, 1);
        r.putShorts(Tag.REGION_DATA_TYPE, Vr.US, 1);
        r.putInts(Tag.REGION_FLAGS, Vr.UL, 0);
        r.putInts(Tag.REGION_LOCATION_MIN_X0, Vr.UL, layout.x0());
        r.putInts(Tag.REGION_LOCATION_MIN_Y0, Vr.UL, layout.y0());
        r.putInts(Tag.REGION_LOCATION_MAX_X1, Vr.UL, layout.x1());
        r.putInts(Tag.REGION_LOCATION_MAX_Y1, Vr.UL, layout.y1());
        r.putInts(Tag.REFERENCE_PIXEL_X0, Vr.SL, (layout.x1() - layout.x0() + 1) / 2);
        r.putInts(Tag.REFERENCE_PIXEL_Y0, Vr.SL, 0);
        r.putShorts(Tag.PHYSICAL_UNITS_X_DIRECTION, Vr.US, 3);
        r.putShorts(Tag.PHYSICAL_UNITS_Y_DIRECTION, Vr.US, 3);
        r.putDoubles(Tag.REFERENCE_PIXEL_PHYSICAL_VALUE_X, 0);
        r.putDoubles(Tag.REFERENCE_PIXEL_PHYSICAL_VALUE_Y, 0);
        r.putDoubles(Tag.PHYSICAL_DELTA_X, deltaCm);
        r.putDoubles(Tag.PHYSICAL_DELTA_Y, deltaCm);
        r.putInts(Tag.TRANSDUCER_FREQUENCY, Vr.UL, 12000);
        return r;
    }
}
