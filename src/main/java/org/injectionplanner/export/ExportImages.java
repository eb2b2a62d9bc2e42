package org.injectionplanner.export;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.injectionplanner.dicom.DicomException;
import org.injectionplanner.dicom.DicomFile;
import org.injectionplanner.dicom.Frame;
import org.injectionplanner.export.dicom.DicomExportException;
import org.injectionplanner.export.dicom.SourceImages;
import org.injectionplanner.plan.ImageRef;
import org.injectionplanner.plan.NerveZone;
import org.injectionplanner.plan.PlanImage;
import org.injectionplanner.plan.SessionPlan;
import org.injectionplanner.plan.Target;

/**
 * The frames a plan's annotations are on, found on disk and decoded for drawing. Each image is found by its
 * SOP Instance UID as every export finds the plan's images ({@link SourceImages}). Frames decode to 8-bit
 * grey or RGB images at the image's own resolution (x right, y down, as the plan's pixel coordinates).
 */
public final class ExportImages {

    /** Where each annotated image was found, by SOP Instance UID, in the plan's image order. */
    private final Map<String, Path> files;
    private final List<ImageRef> frames;

    private ExportImages(Map<String, Path> files, List<ImageRef> frames) {
        this.files = files;
        this.frames = frames;
    }

    /**
     * Finds the file of every image the plan's targets and zones are on.
     *
     * @param images where to look: the export's one lookup
     * @throws ExportException naming the first SOP Instance UID not found and every place looked
     */
    public static ExportImages locate(SessionPlan plan, SourceImages images) throws ExportException {
        List<ImageRef> frames = annotatedFrames(plan);
        Set<String> uids = new LinkedHashSet<>();
        frames.forEach(f -> uids.add(f.sopInstanceUid()));
        Map<String, Path> files = new LinkedHashMap<>();
        for (String uid : uids) {
            try {
                files.put(uid, images.find(uid, plan.image(uid).map(PlanImage::path).orElse(null)));
            } catch (DicomExportException e) {
                throw new ExportException(e.getMessage(), e);
            }
        }
        return new ExportImages(files, frames);
    }

    /**
     * The frames annotated by a target or zone: images in the plan's order, frames in number order within
     * an image.
     */
    public static List<ImageRef> annotatedFrames(SessionPlan plan) {
        Set<ImageRef> refs = new LinkedHashSet<>();
        plan.targets().stream().map(Target::image).forEach(refs::add);
        plan.zones().stream().map(NerveZone::image).forEach(refs::add);
        List<String> order = new ArrayList<>(plan.images().stream().map(PlanImage::sopInstanceUid).toList());
        refs.stream().map(ImageRef::sopInstanceUid).filter(u -> !order.contains(u)).forEach(order::add);
        return refs.stream().sorted(Comparator.comparingInt((ImageRef r) -> order.indexOf(r.sopInstanceUid()))
                .thenComparingInt(ImageRef::frame)).toList();
    }

    /** The annotated frames, as {@link #annotatedFrames}. */
    public List<ImageRef> frames() {
        return frames;
    }

    /** The file an annotated image was found in. */
    public Path fileOf(String sopInstanceUid) {
        Path file = files.get(sopInstanceUid);
        if (file == null) {
            throw new IllegalArgumentException("no annotated image has SOP Instance UID " + sopInstanceUid);
        }
        return file;
    }

    /**
     * Decodes an annotated frame: 8-bit grey ({@link BufferedImage#TYPE_BYTE_GRAY}) for monochrome images,
     * 16-bit samples scaled linearly from the frame's smallest to its largest value, MONOCHROME1 inverted;
     * RGB ({@link BufferedImage#TYPE_INT_RGB}) for colour.
     *
     * @throws ExportException naming the file and frame when it cannot be decoded
     */
    public BufferedImage decode(ImageRef frame) throws ExportException {
        Path file = fileOf(frame.sopInstanceUid());
        try (DicomFile dicom = DicomFile.open(file)) {
            if (frame.frame() > dicom.frameCount()) {
                throw new ExportException(file + ": frame " + frame.frame() + " of SOP Instance UID "
                        + frame.sopInstanceUid() + " is annotated, but the image has " + dicom.frameCount()
                        + " frame(s)");
            }
            boolean inverted = dicom.pixels().photometric().equals("MONOCHROME1");
            return toImage(dicom.frame(frame.frame()), inverted);
        } catch (DicomException e) {
            throw new ExportException(e.getMessage(), e);
        } catch (IOException e) {
            throw new ExportException(file + ": " + e.getMessage(), e);
        }
    }

    /** A decoded frame as an 8-bit grey or RGB image. */
    static BufferedImage toImage(Frame f, boolean inverted) {
        int w = f.columns();
        int h = f.rows();
        if (f.type() == Frame.SampleType.RGB8) {
            BufferedImage image = new BufferedImage(w, h, BufferedImage.TYPE_INT_RGB);
            byte[] rgb = f.bytes();
            int[] packed = new int[w * h];
            for (int i = 0; i < packed.length; i++) {
                packed[i] = (rgb[3 * i] & 0xFF) << 16 | (rgb[3 * i + 1] & 0xFF) << 8 | (rgb[3 * i + 2] & 0xFF);
            }
            image.setRGB(0, 0, w, h, packed, 0, w);
            return image;
        }
        byte[] grey = new byte[w * h];
        if (f.type() == Frame.SampleType.UINT8) {
            System.arraycopy(f.bytes(), 0, grey, 0, grey.length);
        } else {
            boolean signed = f.type() == Frame.SampleType.INT16;
            short[] s = f.shorts();
            int min = Integer.MAX_VALUE;
            int max = Integer.MIN_VALUE;
            for (short v : s) {
                int value = signed ? v : v & 0xFFFF;
                min = Math.min(min, value);
                max = Math.max(max, value);
            }
            double range = Math.max(1, max - min);
            for (int i = 0; i < grey.length; i++) {
                int value = signed ? s[i] : s[i] & 0xFFFF;
                grey[i] = (byte) Math.round((value - min) * 255 / range);
            }
        }
        if (inverted) {
            for (int i = 0; i < grey.length; i++) {
                grey[i] = (byte) (255 - (grey[i] & 0xFF));
            }
        }
        BufferedImage image = new BufferedImage(w, h, BufferedImage.TYPE_BYTE_GRAY);
        image.getRaster().setDataElements(0, 0, w, h, grey);
        return image;
    }
}
