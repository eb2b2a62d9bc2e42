package org.injectionplanner.imagej;

import ij.IJ;
import ij.gui.GenericDialog;
import ij.plugin.PlugIn;
import java.nio.file.Path;
import java.time.ZoneId;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import org.injectionplanner.export.ExportCancelledException;
import org.injectionplanner.export.ExportException;
import org.injectionplanner.export.ExportFormat;
import org.injectionplanner.export.ExportOptions;
import org.injectionplanner.export.ExportProgress;
import org.injectionplanner.export.ExportedPlan;
import org.injectionplanner.export.PlanExporter;
import org.injectionplanner.plan.SessionPlan;
import org.injectionplanner.store.PlanStore;
import org.injectionplanner.store.Revision;
import org.injectionplanner.store.StoreException;
import org.injectionplanner.workspace.PlanWorkspace;

/**
 * Plugins › Injection Planner › Export › Export Session Plan...: writes the current plan as a PDF session
 * map, PNG frames or another format of docs/exports.md, the images found where the plan recorded them.
 * Macro keys: {@code format} ({@code pdf}, {@code csv}, {@code json}, {@code png}, {@code sr},
 * {@code pdf-dicom}, {@code all}), {@code path} (the file; the folder for {@code all}), {@code deidentify},
 * {@code paper} ({@code a4}, {@code letter}), {@code force} (replace existing files) and {@code predecessor}
 * (the prior session's SR file, for {@code sr} and {@code all}). An existing file is replaced only after
 * asking, or in a macro with {@code force}. The progress bar follows the frames drawn and files made and
 * written; Esc cancels the export, and a cancelled export leaves no file.
 */
public final class ExportSessionPlanCommand implements PlugIn {

    private static final String[] FORMATS = Arrays.stream(ExportFormat.values()).map(ExportFormat::key)
            .toArray(String[]::new);
    private static final String[] PAPERS = {"a4", "letter"};

    @Override
    public void run(String arg) {
        PlanWorkspace ws = PluginWorkspace.get();
        SessionPlan plan = ws.currentPlan();
        if (plan == null || plan.targets().isEmpty() && plan.zones().isEmpty()) {
            CommandErrors.show("No session plan with targets or zones is open: nothing to export.");
            return;
        }
        GenericDialog gd = new GenericDialog("Export Session Plan");
        gd.addChoice("format", FORMATS, ExportFormat.PDF.key());
        gd.addFileField("path", IJ.getDirectory("home") == null ? "session-map.pdf"
                : Path.of(IJ.getDirectory("home"), "session-map.pdf").toString(), 40);
        gd.addCheckbox("deidentify", false);
        gd.addChoice("paper", PAPERS, "a4");
        gd.addCheckbox("force", false);
        gd.addFileField("predecessor", "", 40);
        gd.addMessage("pdf: the printable session map; png: each annotated frame; all: every format into the\n"
                + "folder given as path. De-identified: no patient name, ID or birth date, no names, no notes.\n"
                + "predecessor: the prior session's SR (sr, all), for a follow-up session. Esc cancels.");
        gd.showDialog();
        if (gd.wasCanceled()) {
            return;
        }
        ExportFormat format = ExportFormat.parse(gd.getNextChoice());
        String path = gd.getNextString().strip();
        boolean deidentify = gd.getNextBoolean();
        ExportOptions.Paper paper = ExportOptions.Paper.parse(gd.getNextChoice().toLowerCase(Locale.ROOT));
        boolean force = gd.getNextBoolean();
        String predecessor = gd.getNextString().strip();
        if (path.isEmpty()) {
            CommandErrors.show("Export Session Plan needs a path to write to.");
            return;
        }
        try {
            ExportedPlan exported = new ExportedPlan(plan, ws.settings(), ws.reportOf(plan), ws.signatureStatus(plan),
                    revision(ws.store(), plan)).inCourse(ws.store());
            IJ.showStatus("Exporting the session plan...");
            List<Path> written = export(exported, format, Path.of(path), new ExportOptions(paper, deidentify, force,
                    predecessor.isEmpty() ? null : Path.of(predecessor)));
            if (!written.isEmpty()) {
                IJ.showStatus("Exported " + written.size() + " file(s): " + written.get(0)
                        + (written.size() > 1 ? " ..." : ""));
            }
        } catch (ExportCancelledException e) {
            IJ.showStatus("Export cancelled: no file written");
        } catch (ExportException | StoreException e) {
            CommandErrors.show(e.getMessage());
        } finally {
            IJ.showProgress(1.0);
        }
    }

    /** Shows an export's progress in ImageJ's status bar and cancels it when Esc was pressed. */
    private static final class Progress implements ExportProgress {

        Progress() {
            IJ.resetEscape();
        }

        @Override
        public void advanced(int done, int total, String item) {
            IJ.showProgress(done, total);
            IJ.showStatus("Exporting: " + item + " (Esc cancels)");
        }

        @Override
        public boolean cancelled() {
            return IJ.escapePressed();
        }
    }

    /**
     * Exports; where files exist and overwriting was not asked for, asks (in ImageJ's window) and exports
     * again replacing them, or reports the refusal (in a macro without a window). Returns the files written,
     * none when the user declined.
     */
    private static List<Path> export(ExportedPlan exported, ExportFormat format, Path out, ExportOptions options)
            throws ExportException {
        try {
            return PlanExporter.export(exported, format, out, options, null, ZoneId.systemDefault(), new Progress());
        } catch (ExportException e) {
            if (e.existing().isEmpty() || IJ.getInstance() == null || IJ.isMacro()) {
                throw e;
            }
            boolean replace = IJ.showMessageWithCancel("Export Session Plan", e.existing().size() == 1
                    ? e.existing().get(0) + " exists. Replace it?"
                    : e.existing().size() + " files exist, e.g. " + e.existing().get(0) + ". Replace them?");
            if (!replace) {
                return List.of();
            }
            return PlanExporter.export(exported, format, out, options.forced(), null, ZoneId.systemDefault(),
                    new Progress());
        }
    }

    /** The sequence of the plan's newest revision when it holds the plan as it stands, else null. */
    private static Integer revision(PlanStore store, SessionPlan plan) throws StoreException {
        return store.latest(plan.courseId(), plan.id()).filter(r -> r.plan().equals(plan))
                .map(Revision::header).map(h -> h.sequence()).orElse(null);
    }
}
