package org.injectionplanner.imagej;

import ij.IJ;
import ij.ImageListener;
import ij.ImagePlus;
import ij.WindowManager;
import ij.gui.ImageWindow;
import java.awt.Rectangle;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;
import org.injectionplanner.dicom.DicomException;
import org.injectionplanner.dicom.StudyIndex;
import org.injectionplanner.export.dicom.DicomExportException;
import org.injectionplanner.export.dicom.SourceImages;
import org.injectionplanner.geometry.PixelPoint;
import org.injectionplanner.plan.NerveZone;
import org.injectionplanner.plan.PlanImage;
import org.injectionplanner.plan.SessionPlan;
import org.injectionplanner.plan.Target;
import org.injectionplanner.scene.PlanScene;
import org.injectionplanner.workspace.PlanWorkspace;
import org.injectionplanner.workspace.PriorSessions;

/**
 * Earlier sessions shown beside today's study (follow-up review): their annotated images open in their own
 * windows, marked read-only (the plugin's tools and commands refuse edits there), drawn with the session's
 * plan in the muted style; and which current image shows the "same view" as an earlier image.
 *
 * <p><b>Same view</b>: an earlier image and a current one show the same view when the earlier image's
 * recorded description (its window title when it was annotated: the series description, with the frame
 * count) equals the current image's title. The sample studies' series of each session are named alike;
 * a site is shown, and can be placed, on the current image of its view at the same pixel position.
 */
final class PriorReview {

    /** The image property naming the plan an image is shown read-only for (its plan id). */
    static final String PROP_READ_ONLY = UltrasoundImages.PROP + "ReadOnlyPlan";
    /** The image property holding the view (the earlier image's description) a read-only window shows. */
    static final String PROP_VIEW = UltrasoundImages.PROP + "View";

    private static volatile FrameSync sync;
    private static volatile boolean showPriorSites;

    private PriorReview() {
    }

    /** Whether the reviewed sessions' sites are drawn on today's images (Overlay Prior Sites...). */
    static boolean showsPriorSites() {
        return showPriorSites;
    }

    static void showPriorSites(boolean show) {
        showPriorSites = show;
    }

    /** True for a window of an earlier session opened by Review Prior Sessions... */
    static boolean isReadOnly(ImagePlus imp) {
        return imp != null && imp.getProp(PROP_READ_ONLY) != null;
    }

    /** The message for an edit tried on a read-only window. */
    static String refusal(ImagePlus imp) {
        return "\"" + imp.getTitle() + "\" shows an earlier session read-only: it cannot be edited. Plan today's "
                + "session on today's images (place a copied site with the Injection Target tool or Edit Plan "
                + "Annotation... on a current image).";
    }

    /** The view a current or read-only image shows (see the class comment). */
    static String viewOf(ImagePlus imp) {
        String view = imp.getProp(PROP_VIEW);
        return view != null ? view : imp.getTitle();
    }

    /** Whether the earlier image and the current, editable image show the same view. */
    static boolean sameView(PlanImage earlier, ImagePlus current) {
        return !isReadOnly(current) && AnnotatedImages.isAnnotatable(current) && earlier.description() != null
                && earlier.description().equals(viewOf(current));
    }

    /**
     * Opens the annotated images of an earlier session read-only beside {@code beside} (or where ImageJ puts
     * new windows), each titled with the session ("session 1 of 2, 2026-11-07, signed — read-only:
     * Transverse L4-L5"), and shows the plan muted on them. An image already open for the session is brought
     * to the front instead.
     *
     * @param studyFolder a folder to search for images whose recorded path no longer holds them, or null
     * @param syncFrames page the frames of a read-only cine with the current image of the same view
     * @return the windows' images, in the plan's image order
     * @throws IllegalArgumentException naming an image that cannot be found
     */
    static List<ImagePlus> open(PriorSessions.Prior prior, ImagePlus beside, Path studyFolder, boolean syncFrames)
            throws IOException, DicomException, UltrasoundImages.LoadCancelledException {
        SessionPlan plan = prior.plan();
        PluginWorkspace.get().showReadOnly(plan);
        List<ImagePlus> out = new ArrayList<>();
        ImageWindow besideWindow = beside == null ? null : beside.getWindow();
        SourceImages lookup = lookup(studyFolder);
        for (PlanImage image : annotatedImages(plan)) {
            ImagePlus open = openFor(plan, image);
            if (open == null) {
                StudyIndex.OpenableSeries series = find(image, lookup);
                open = UltrasoundImages.open(series, PluginSettings.memoryBudgetMb() * 1024 * 1024, QUIET);
                open.setProp(PROP_READ_ONLY, plan.id().toString());
                open.setProp(PROP_VIEW, image.description());
                open.setTitle(prior.title() + ": " + image.description());
                open.show();
                if (besideWindow != null && open.getWindow() != null) {
                    placeBeside(open.getWindow(), besideWindow);
                    besideWindow = open.getWindow();
                }
            } else if (open.getWindow() != null) {
                open.getWindow().toFront();
            }
            out.add(open);
        }
        if (syncFrames) {
            startSync();
        }
        PluginWorkspace.refreshOverlays();
        return out;
    }

    /**
     * The earlier sites to show on a current image, by slice: the current plan's sites still to confirm on
     * an image of this view (always), and with {@link #showsPriorSites()} the sites of the reviewed sessions
     * on it. Each is shown on the frame of its number (the last frame for a shorter series). None on a
     * read-only window.
     */
    static Map<Integer, List<PlanScene.PriorSite>> priorSitesOn(ImagePlus imp, PlanWorkspace.Snapshot now) {
        Map<Integer, List<PlanScene.PriorSite>> out = new TreeMap<>();
        if (isReadOnly(imp) || !AnnotatedImages.isAnnotatable(imp)) {
            return out;
        }
        Set<UUID> shown = new HashSet<>();
        SessionPlan current = now.current();
        if (current != null && current.copiedForward() != null) {
            for (Target t : current.targets()) {
                if (current.isToConfirm(t.id())) {
                    add(out, shown, imp, current, new PlanScene.PriorSite(t, "",
                            "to place (s" + current.copiedForward().fromSession() + ")"));
                }
            }
        }
        if (showPriorSites) {
            for (SessionPlan prior : now.readOnly()) {
                for (Target t : prior.targets()) {
                    add(out, shown, imp, prior, new PlanScene.PriorSite(t, "s" + prior.sessionNumber(), ""));
                }
            }
        }
        return out;
    }

    private static void add(Map<Integer, List<PlanScene.PriorSite>> out, Set<UUID> shown, ImagePlus imp,
            SessionPlan plan, PlanScene.PriorSite site) {
        Target t = site.target();
        Optional<PlanImage> image = plan.image(t.image().sopInstanceUid());
        if (image.isPresent() && sameView(image.get(), imp) && shown.add(t.id())) {
            int slice = Math.min(t.image().frame(), imp.getStackSize());
            out.computeIfAbsent(slice, k -> new ArrayList<>()).add(site);
        }
    }

    /**
     * The current plan's site still to confirm whose marker on this slice of a current image is within
     * {@code limit} pixels of {@code p}, the nearest.
     */
    static Optional<Target> siteToPlaceAt(ImagePlus imp, int slice, PixelPoint p, double limit) {
        SessionPlan current = PluginWorkspace.get().currentPlan();
        if (current == null || current.copiedForward() == null) {
            return Optional.empty();
        }
        return current.targets().stream().filter(t -> current.isToConfirm(t.id()))
                .filter(t -> current.image(t.image().sopInstanceUid()).map(i -> sameView(i, imp)).orElse(false))
                .filter(t -> Math.min(t.image().frame(), imp.getStackSize()) == slice)
                .filter(t -> distance(t.point(), p) <= limit)
                .min((a, b) -> Double.compare(distance(a.point(), p), distance(b.point(), p)));
    }

    private static double distance(PixelPoint a, PixelPoint b) {
        return Math.hypot(a.x() - b.x(), a.y() - b.y());
    }

    /**
     * Puts {@code window} right of {@code anchor} where the screen has room, else left of it; where neither
     * has room, moves {@code anchor} left so that both fit side by side (as far as the screen allows).
     */
    private static void placeBeside(ImageWindow window, ImageWindow anchor) {
        Rectangle screen = new Rectangle(IJ.getScreenSize());
        Rectangle a = anchor.getBounds();
        Rectangle w = window.getBounds();
        int gap = 8;
        if (a.x + a.width + gap + w.width <= screen.width) {
            window.setLocation(a.x + a.width + gap, a.y);
        } else if (a.x - gap - w.width >= 0) {
            window.setLocation(a.x - gap - w.width, a.y);
        } else {
            int left = Math.max(0, screen.width - a.width - gap - w.width);
            anchor.setLocation(left, a.y);
            window.setLocation(left + a.width + gap, a.y);
        }
    }

    /** The images of the plan that hold a target or zone, in the plan's order. */
    private static List<PlanImage> annotatedImages(SessionPlan plan) {
        Set<String> used = new LinkedHashSet<>();
        plan.targets().stream().map(Target::image).forEach(r -> used.add(r.sopInstanceUid()));
        plan.zones().stream().map(NerveZone::image).forEach(r -> used.add(r.sopInstanceUid()));
        return plan.images().stream().filter(i -> used.contains(i.sopInstanceUid())).toList();
    }

    private static ImagePlus openFor(SessionPlan plan, PlanImage image) {
        int[] ids = WindowManager.getIDList();
        if (ids != null) {
            for (int id : ids) {
                ImagePlus imp = WindowManager.getImage(id);
                if (imp != null && plan.id().toString().equals(imp.getProp(PROP_READ_ONLY))
                        && image.sopInstanceUid().equals(imp.getProp(UltrasoundImages.PROP_SOP_UID))) {
                    return imp;
                }
            }
        }
        return null;
    }

    /**
     * Where the images of an earlier session are looked for ({@link SourceImages}): at their recorded paths,
     * else in those paths' folders, then in {@code studyFolder} and its parent (where the studies of a patient's
     * sessions usually sit side by side). One lookup serves all the session's images, so each folder is
     * scanned once.
     */
    static SourceImages lookup(Path studyFolder) {
        List<Path> folders = new ArrayList<>();
        if (studyFolder != null) {
            folders.add(studyFolder);
            if (studyFolder.getParent() != null) {
                folders.add(studyFolder.getParent());
            }
        }
        return SourceImages.inFolders(folders);
    }

    /** The series holding {@code image}, found by {@code lookup}; refused naming the image and where it looked. */
    static StudyIndex.OpenableSeries find(PlanImage image, SourceImages lookup) {
        try {
            return lookup.series(image.sopInstanceUid(), image.path());
        } catch (DicomExportException e) {
            throw new IllegalArgumentException("the image \"" + image.description() + "\" was not found: "
                    + e.getMessage(), e);
        }
    }

    /** Loading read-only images quietly: their reader warnings go to the Log. */
    private static final UltrasoundImages.LoadListener QUIET = new UltrasoundImages.LoadListener() {
        @Override
        public void firstFrameReady(ImagePlus imp) {
        }

        @Override
        public void progress(int done, int total) {
            IJ.showProgress(done, total);
        }

        @Override
        public boolean cancelled() {
            return false;
        }

        @Override
        public void warning(String message) {
            IJ.log("Injection Planner: " + message);
        }
    };

    private static synchronized void startSync() {
        if (sync == null) {
            sync = new FrameSync();
            ImagePlus.addImageListener(sync);
        }
    }

    /**
     * Pages the read-only cines with the current image of the same view: when a current image shows another
     * frame, each read-only image of its view with as many frames shows the same frame number.
     */
    private static final class FrameSync implements ImageListener {

        @Override
        public void imageOpened(ImagePlus imp) {
        }

        @Override
        public void imageClosed(ImagePlus imp) {
        }

        @Override
        public void imageUpdated(ImagePlus imp) {
            if (isReadOnly(imp) || !AnnotatedImages.isAnnotatable(imp) || imp.getStackSize() < 2) {
                return;
            }
            int[] ids = WindowManager.getIDList();
            if (ids == null) {
                return;
            }
            int frame = imp.getCurrentSlice();
            String view = viewOf(imp);
            for (int id : ids) {
                ImagePlus other = WindowManager.getImage(id);
                if (isReadOnly(other) && view.equals(viewOf(other)) && other.getStackSize() == imp.getStackSize()
                        && other.getCurrentSlice() != frame) {
                    other.setSlice(frame);
                }
            }
        }
    }
}
