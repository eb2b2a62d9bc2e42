package org.injectionplanner.export;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.injectionplanner.dicom.DicomException;
import org.injectionplanner.dicom.DicomFile;
import org.injectionplanner.dicom.Frame;
import org.injectionplanner.dicom.StudyIndex;
import org.injectionplanner.plan.ImageRef;
import org.injectionplanner.plan.NerveZone;
import org.injectionplanner.plan.PlanImage;
import org.injectionplanner.plan.SessionPlan;
import org.injectionplanner.plan.Target;

/**
 * The frames a plan's annotations are on, found on disk and decoded for drawing. Each image is found by its
 * SOP Instance UID, never by its file name: at the path the plan recorded for it, else among the DICOM
 * images of that path's folder (its study folder), else among those under the folder given for the
 * export ({@code --images DIR}). Frames decode to 8-bit grey or RGB images at the image's own resolution
 * (x right, y down, as the plan's pixel coordinates).
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
     * @param imagesDir a folder to search as well, or null
     * @throws ExportException naming the first SOP Instance UID not found and every place looked
     */
    public static ExportImages locate(SessionPlan plan, Path imagesDir) throws ExportException {
        List<ImageRef> frames = annotatedFrames(plan);
        Set<String> uids = new LinkedHashSet<>();
        frames.forEach(f -> uids.add(f.sopInstanceUid()));
        Map<Path, Map<String, StudyIndex.Instance>> scans = new HashMap<>();
        Map<String, Path> files = new LinkedHashMap<>();
        for (String uid : uids) {
            List<String> looked = new ArrayList<>();
            Path found = find(uid, plan.image(uid).map(PlanImage::path).orElse(null), imagesDir, scans, looked);
            if (found == null) {
                throw new ExportException("image with SOP Instance UID " + uid + " not found; looked "
                        + String.join("; ", looked));
            }
            files.put(uid, found);
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

    /**
     * The file holding {@code uid}: the recorded path, else its folder's images, else those under
     * {@code imagesDir}; null when none holds it. Each place looked is added to {@code looked}.
     */
    private static Path find(String uid, String hint, Path imagesDir, Map<Path, Map<String, StudyIndex.Instance>> scans,
            List<String> looked) {
        if (hint != null && !hint.isBlank()) {
            Path file = Path.of(hint);
            if (!Files.isRegularFile(file)) {
                looked.add("at the recorded path " + file + " (no such file)");
            } else {
                StudyIndex.Instance at = scan(file, scans, looked).get(uid);
                if (at != null) {
                    return at.file();
                }
                looked.add("at the recorded path " + file + " (another image)");
            }
            Path folder = file.toAbsolutePath().getParent();
            if (folder != null) {
                Path found = findIn(uid, folder, "in the study folder ", scans, looked);
                if (found != null) {
                    return found;
                }
            }
        } else {
            looked.add("at a recorded path (the plan records none)");
        }
        if (imagesDir == null) {
            looked.add("in an images folder (none given: --images DIR)");
            return null;
        }
        return findIn(uid, imagesDir, "in the images folder ", scans, looked);
    }

    private static Path findIn(String uid, Path folder, String what, Map<Path, Map<String, StudyIndex.Instance>> scans,
            List<String> looked) {
        if (!Files.isDirectory(folder)) {
            looked.add(what + folder + " (no such folder)");
            return null;
        }
        Map<String, StudyIndex.Instance> found = scan(folder, scans, looked);
        StudyIndex.Instance at = found.get(uid);
        if (at != null) {
            return at.file();
        }
        looked.add(what + folder + " (" + found.size() + " DICOM image(s), none with that UID)");
        return null;
    }

    /** The images in a file or folder by SOP Instance UID; scanned once per path. */
    private static Map<String, StudyIndex.Instance> scan(Path path, Map<Path, Map<String, StudyIndex.Instance>> scans,
            List<String> looked) {
        Path key = path.toAbsolutePath().normalize();
        Map<String, StudyIndex.Instance> known = scans.get(key);
        if (known != null) {
            return known;
        }
        Map<String, StudyIndex.Instance> byUid = new HashMap<>();
        try {
            for (StudyIndex.OpenableSeries series : StudyIndex.scan(path, (done, total) -> { }, () -> false).series()) {
                for (StudyIndex.Instance i : series.instances()) {
                    byUid.putIfAbsent(i.sopInstanceUid(), i);
                }
            }
        } catch (IOException | DicomException e) {
            looked.add(path + " could not be read: " + e.getMessage());
        }
        scans.put(key, byUid);
        return byUid;
    }
}
