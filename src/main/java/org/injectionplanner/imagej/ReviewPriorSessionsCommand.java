package org.injectionplanner.imagej;

import ij.IJ;
import ij.ImagePlus;
import ij.WindowManager;
import ij.gui.GenericDialog;
import ij.plugin.PlugIn;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import org.injectionplanner.dicom.DicomException;
import org.injectionplanner.plan.Patient;
import org.injectionplanner.plan.SessionPlan;
import org.injectionplanner.store.StoreException;
import org.injectionplanner.workspace.PriorSessions;

/**
 * Plugins › Injection Planner › Session › Review Prior Sessions...: lists the earlier sessions of the current
 * plan's course (without a current plan, the sessions of the courses the store's patient index lists for the
 * active image's Patient ID), newest first, with date, site count and status; the chosen one opens its
 * annotated images read-only beside the current study, its plan drawn muted (docs/design.md §4). Macro keys:
 * {@code session} (its number; the dialog lists them when absent), {@code sync} (page read-only cines with the
 * current image of the same view).
 */
public final class ReviewPriorSessionsCommand implements PlugIn {

    @Override
    public void run(String arg) {
        try {
            ImagePlus current = WindowManager.getCurrentImage();
            if (PriorReview.isReadOnly(current)) {
                current = null;
            }
            List<PriorSessions.Prior> priors = priors(current);
            PriorSessions.Prior chosen = choose(priors, "Review Prior Sessions", true);
            if (chosen == null) {
                return;
            }
            List<ImagePlus> opened = PriorReview.open(chosen, current, studyFolder(current), syncFrames);
            IJ.showStatus("Review: " + chosen.line() + " (" + opened.size() + " image"
                    + (opened.size() == 1 ? "" : "s") + ")");
        } catch (StoreException | IOException | DicomException | IllegalArgumentException
                | IllegalStateException e) {
            CommandErrors.show(e.getMessage());
        } catch (UltrasoundImages.LoadCancelledException e) {
            IJ.showStatus("Injection Planner: " + e.getMessage());
        }
    }

    /** Whether the last review asked to synchronise frames (the dialog's default next time). */
    private static volatile boolean syncFrames = true;

    /**
     * The earlier sessions of the current plan's course, or of the patient of {@code study}.
     *
     * @throws IllegalStateException if there are none, saying why
     */
    static List<PriorSessions.Prior> priors(ImagePlus study) throws StoreException {
        SessionPlan plan = PluginWorkspace.get().currentPlan();
        Patient patient = study == null ? null : AnnotatedImages.patient(study);
        String patientId = patient == null ? null : patient.id();
        if (plan == null && (patientId == null || patientId.isEmpty())) {
            throw new IllegalStateException("no session plan is open and no study of a known patient is active: "
                    + "open the patient's study or a plan of the course first");
        }
        List<PriorSessions.Prior> priors = PriorSessions.of(PluginWorkspace.get(), plan, patientId);
        if (priors.isEmpty()) {
            throw new IllegalStateException(plan != null ? "session " + plan.sessionNumber()
                    + " has no earlier session in its course in the plan store"
                    : "the plan store holds no session of patient " + patientId);
        }
        return priors;
    }

    /**
     * Asks which earlier session (macro key {@code session}: its number; the newest by default), listing them;
     * with {@code askSync}, whether to page cines together (key {@code sync}). Null when cancelled.
     *
     * @throws IllegalArgumentException if the number given is none of the listed sessions
     */
    static PriorSessions.Prior choose(List<PriorSessions.Prior> priors, String title, boolean askSync) {
        GenericDialog gd = new GenericDialog(title);
        gd.addMessage("Earlier sessions, newest first:\n" + String.join("\n",
                priors.stream().map(PriorSessions.Prior::line).toList()));
        gd.addStringField("session", String.valueOf(priors.get(0).plan().sessionNumber()), 4);
        if (askSync) {
            gd.addCheckbox("sync", syncFrames);
            gd.addMessage("sync: page the earlier session's cines with today's cine of the same view.");
        }
        gd.showDialog();
        if (gd.wasCanceled()) {
            return null;
        }
        String number = gd.getNextString().strip();
        if (askSync) {
            syncFrames = gd.getNextBoolean();
        }
        for (PriorSessions.Prior p : priors) {
            if (String.valueOf(p.plan().sessionNumber()).equals(number)) {
                return p;
            }
        }
        throw new IllegalArgumentException("session: '" + number + "' is none of the earlier sessions ("
                + String.join(", ", priors.stream().map(p -> String.valueOf(p.plan().sessionNumber())).toList())
                + ")");
    }

    /** The folder of the current study's file, where earlier studies are searched for. */
    private static Path studyFolder(ImagePlus current) {
        String path = current == null ? null : current.getProp(UltrasoundImages.PROP_PATH);
        return path == null ? null : Path.of(path).getParent();
    }
}
