package org.injectionplanner.imagej;

import ij.IJ;
import ij.ImagePlus;
import ij.WindowManager;
import ij.gui.GenericDialog;
import ij.plugin.PlugIn;
import java.io.IOException;
import java.nio.file.Path;
import org.injectionplanner.dicom.DicomException;
import org.injectionplanner.dicom.StudyIndex;

/**
 * Plugins › Injection Planner › Open Ultrasound Study...: opens a DICOM file or a folder (macro key
 * {@code path}); with several series, a chooser (macro key {@code series}). Opening a series that is
 * already open brings its window to the front.
 */
public final class OpenUltrasoundStudyCommand implements PlugIn {

    static final String TITLE = "Injection Planner";

    @Override
    public void run(String arg) {
        GenericDialog gd = new GenericDialog("Open Ultrasound Study");
        gd.addFileField("Path", PluginSettings.lastPath(), 40);
        gd.addMessage("A DICOM file, or a folder: searched recursively (a DICOMDIR is honoured).");
        gd.showDialog();
        if (gd.wasCanceled()) {
            return;
        }
        String path = gd.getNextString().trim();
        if (path.isEmpty()) {
            CommandErrors.show("No file or folder given.");
            return;
        }
        PluginSettings.setLastPath(path);
        try {
            open(Path.of(path));
        } catch (DicomException | IOException | IllegalArgumentException e) {
            IJ.showStatus("");
            IJ.showProgress(1.0);
            CommandErrors.show(e.getMessage());
        } catch (UltrasoundImages.LoadCancelledException e) {
            IJ.showProgress(1.0);
            IJ.showStatus("Injection Planner: " + e.getMessage());
        }
    }

    private static void open(Path path) throws DicomException, IOException, UltrasoundImages.LoadCancelledException {
        IJ.resetEscape();
        IJ.showStatus("Scanning " + path.getFileName() + "...");
        StudyIndex.ScanResult scan = StudyIndex.scan(path, (done, total) -> IJ.showProgress(done, total),
                IJ::escapePressed);
        IJ.showProgress(1.0);
        for (String w : scan.warnings()) {
            IJ.log("Injection Planner: " + w);
        }
        if (scan.series().isEmpty()) {
            String why = scan.problems().isEmpty() ? ""
                    : "\n" + String.join("\n", scan.problems().stream().limit(5).toList());
            throw new DicomException(path.toString(), -1, -1, "no DICOM images found ("
                    + scan.skippedFiles() + " files skipped)" + why);
        }
        IJ.showStatus(scan.series().size() + " series found" + (scan.skippedFiles() > 0
                ? ", " + scan.skippedFiles() + " non-image files skipped" : ""));
        StudyIndex.OpenableSeries chosen = scan.series().size() == 1 ? scan.series().get(0)
                : SeriesChooser.choose(scan.series());
        if (chosen == null) {
            return;
        }
        ImagePlus already = findOpen(chosen.key());
        if (already != null) {
            already.getWindow().toFront();
            WindowManager.setCurrentWindow(already.getWindow());
            IJ.showStatus("Injection Planner: " + already.getTitle() + " is already open");
            return;
        }
        long budget = PluginSettings.memoryBudgetMb() * 1024 * 1024;
        int total = chosen.frames();
        IJ.showStatus("Loading " + chosen.description() + "...");
        ImagePlus imp = UltrasoundImages.open(chosen, budget, new UltrasoundImages.LoadListener() {
            @Override
            public void firstFrameReady(ImagePlus image) {
                image.show();
            }

            @Override
            public void progress(int done, int all) {
                IJ.showProgress(done, all);
                if (done % 10 == 0) {
                    IJ.showStatus("Loading frame " + done + "/" + all + " (Esc cancels)");
                }
            }

            @Override
            public boolean cancelled() {
                return IJ.escapePressed();
            }

            @Override
            public void warning(String message) {
                IJ.log("Injection Planner: " + message);
            }
        });
        IJ.showProgress(1.0);
        String skipped = scan.skippedFiles() > 0 ? "; " + scan.skippedFiles() + " non-image files skipped" : "";
        String status = imp.getProp(UltrasoundImages.PROP_CALIBRATION);
        IJ.showStatus(imp.getTitle() + ": " + total + " frame" + (total == 1 ? "" : "s") + ", " + status + skipped);
    }

    private static ImagePlus findOpen(String key) {
        int[] ids = WindowManager.getIDList();
        if (ids == null) {
            return null;
        }
        for (int id : ids) {
            ImagePlus imp = WindowManager.getImage(id);
            if (imp != null && key.equals(imp.getProp(UltrasoundImages.PROP_KEY)) && imp.getWindow() != null) {
                return imp;
            }
        }
        return null;
    }
}
