package org.injectionplanner.export;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.apache.commons.imaging.ImagingException;
import org.apache.commons.imaging.formats.png.AbstractPngText;
import org.apache.commons.imaging.formats.png.PhysicalScale;
import org.apache.commons.imaging.formats.png.PngImagingParameters;
import org.apache.commons.imaging.formats.png.PngWriter;
import org.apache.commons.imaging.palette.PaletteFactory;

/**
 * An annotated frame as a PNG at the image's own resolution, written with Apache Commons Imaging, with
 * text chunks ({@code tEXt}) naming it: {@code Plan ID}, {@code Revision}, {@code SOP Instance UID},
 * {@code Frame}, {@code Calibration} ("0.1 mm/px" or "not calibrated") and {@code Software}; a
 * calibrated frame also records its scale as the PNG's physical pixel size ({@code pHYs}, in metres).
 * Nothing in it names the patient.
 */
public final class FramePng {

    /** The text chunks' keywords. */
    public static final String PLAN_ID = "Plan ID";
    public static final String REVISION = "Revision";
    public static final String SOP_INSTANCE_UID = "SOP Instance UID";
    public static final String FRAME = "Frame";
    public static final String CALIBRATION = "Calibration";

    private FramePng() {
    }

    /**
     * The PNG's bytes.
     *
     * @param deidentifier the export's de-identifier (its UID mapping names the image), or null for an
     *        identified export
     */
    public static byte[] write(ExportedPlan plan, AnnotatedFrame frame, Deidentifier deidentifier)
            throws ExportException {
        List<AbstractPngText> text = new ArrayList<>();
        text.add(new AbstractPngText.Text(PLAN_ID, plan.plan().id().toString()));
        text.add(new AbstractPngText.Text(REVISION, plan.revisionText()));
        String uid = frame.frame().sopInstanceUid();
        text.add(new AbstractPngText.Text(SOP_INSTANCE_UID, deidentifier == null ? uid : deidentifier.uid(uid)));
        text.add(new AbstractPngText.Text(FRAME, Integer.toString(frame.frame().frame())));
        Double mmPerPixel = frame.mmPerPixel();
        text.add(new AbstractPngText.Text(CALIBRATION, mmPerPixel == null ? "not calibrated"
                : String.format(Locale.ROOT, "%.6g mm/px", mmPerPixel)));
        text.add(new AbstractPngText.Text("Software", "Injection Planner"));
        PngImagingParameters params = new PngImagingParameters().setTextChunks(text);
        if (mmPerPixel != null) {
            params.setPhysicalScale(PhysicalScale.createFromMeters(mmPerPixel / 1000, mmPerPixel / 1000));
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            new PngWriter().writeImage(frame.image(), out, params, new PaletteFactory());
        } catch (ImagingException e) {
            throw new ExportException("cannot encode the PNG of " + frame.caption() + ": " + e.getMessage(), e);
        } catch (IOException e) {
            throw new ExportException("cannot encode the PNG of " + frame.caption() + ": " + e.getMessage(), e);
        }
        return out.toByteArray();
    }
}
