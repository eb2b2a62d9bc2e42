package org.injectionplanner.store;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.injectionplanner.plan.PlanStatus;
import org.injectionplanner.plan.SessionPlan;
import org.injectionplanner.planfile.JsonDialect;
import org.injectionplanner.planfile.PlanFormatException;
import org.injectionplanner.planfile.SettingsJson;
import org.injectionplanner.store.StoreLayout.RevisionName;
import org.injectionplanner.store.VerifyReport.Problem;
import org.injectionplanner.store.VerifyReport.Severity;

/**
 * Checks a whole plan store (what {@code verify-store} runs): in every course, every revision file parses;
 * its name, header and folder agree; its plan matches its content hash; sequences run 1, 2, 3 … without
 * gaps or doubles; and each revision's predecessor hash equals the SHA-256 of the previous revision
 * file's bytes. Also reads the clinic settings and autosaves, and reports temporary files older than a
 * minute (left by an interrupted write). Reads only; needs no lock.
 *
 * <p>Limits: a hash chain shows that a revision changed, not who changed it; the newest revision's header
 * has no successor to vouch for it, so an edit of only its author, time or reason is not detected (an
 * edit of its plan is, by the content hash).
 */
public final class StoreVerifier {

    /** Temporary files younger than this may belong to a write in progress and are not reported. */
    static final Duration TEMP_AGE = Duration.ofMinutes(1);

    private final List<Problem> problems = new ArrayList<>();
    private final Instant now = Instant.now();
    private int courses;
    private int revisions;

    private StoreVerifier() {
    }

    /**
     * Verifies the store in {@code root}.
     *
     * @throws StoreException if {@code root} is not a readable folder (problems inside it are reported,
     *         not thrown)
     */
    public static VerifyReport verify(Path root) throws StoreException {
        if (!Files.isDirectory(root)) {
            throw new StoreException(root + " is not a folder; give the plan store's folder");
        }
        StoreVerifier v = new StoreVerifier();
        v.checkRoot(root);
        return new VerifyReport(root, v.courses, v.revisions, v.problems);
    }

    private void checkRoot(Path root) throws StoreException {
        for (Path file : PlanStore.list(root)) {
            checkTemporary(file);
        }
        Path settings = StoreLayout.settings(root);
        if (Files.exists(settings)) {
            try {
                SettingsJson.read(PlanFiles.read(settings), settings.toString());
            } catch (StoreException | PlanFormatException e) {
                problem(Severity.BREAK, settings, e.getMessage());
            }
        }
        for (Path dir : PlanStore.list(StoreLayout.courses(root))) {
            String name = dir.getFileName().toString();
            if (Files.isDirectory(dir) && StoreLayout.COURSE_NAME.matcher(name).matches()) {
                courses++;
                checkCourse(dir, UUID.fromString(name));
            } else if (!StoreLayout.isTemp(dir)) {
                problem(Severity.WARNING, dir, "not a course folder (course folders are named by UUID)");
            }
        }
    }

    private void checkCourse(Path dir, UUID courseId) throws StoreException {
        for (Path file : PlanStore.list(dir)) {
            checkTemporary(file);
        }
        Path revisionDir = StoreLayout.revisions(dir);
        for (Path file : PlanStore.list(revisionDir)) {
            String name = file.getFileName().toString();
            if (!checkTemporary(file) && RevisionName.parse(name).isEmpty()) {
                problem(Severity.WARNING, file, "not a revision file (expected NNNNNN-<plan UUID>.json)");
            }
        }
        checkChain(revisionDir, courseId, PlanStore.revisionNames(revisionDir));
        for (Path file : PlanStore.list(StoreLayout.autosaves(dir))) {
            if (!checkTemporary(file)) {
                checkAutosave(file, courseId);
            }
        }
    }

    private void checkChain(Path revisionDir, UUID courseId, List<RevisionName> names) {
        int expected = 1;
        RevisionName previous = null;
        byte[] previousBytes = null;
        Map<UUID, Revisioned> newestOfPlan = new HashMap<>();
        for (RevisionName name : names) {
            Path file = revisionDir.resolve(name.fileName());
            revisions++;
            if (previous != null && name.sequence() == previous.sequence()) {
                problem(Severity.BREAK, file, "a second revision numbered " + name.sequence() + " (besides "
                        + previous.fileName() + "): two programs saved the course at once");
                continue;
            }
            if (name.sequence() != expected) {
                problem(Severity.BREAK, file, (name.sequence() == expected + 1 ? "revision " + expected + " is"
                        : "revisions " + expected + " to " + (name.sequence() - 1) + " are")
                        + " missing before this one");
            }
            byte[] bytes;
            try {
                bytes = PlanFiles.read(file);
            } catch (StoreException | PlanFormatException e) {
                problem(Severity.BREAK, file, e.getMessage());
                previous = name;
                previousBytes = null;
                expected = name.sequence() + 1;
                continue;
            }
            SessionPlan plan = checkRevision(file, name, courseId, bytes,
                    previous != null && previous.sequence() == name.sequence() - 1 ? previous : null, previousBytes);
            if (plan != null) {
                checkSignOff(file, plan, newestOfPlan.get(plan.id()));
                newestOfPlan.put(plan.id(), new Revisioned(name.fileName(), plan));
            }
            previous = name;
            previousBytes = bytes;
            expected = name.sequence() + 1;
        }
    }

    /** A revision's plan and its file name. */
    private record Revisioned(String fileName, SessionPlan plan) {
    }

    /**
     * A signed plan's signature must match its planned content, and a plan signed in an earlier revision
     * may change its planned content only through a new amendment.
     */
    private void checkSignOff(Path file, SessionPlan plan, Revisioned before) {
        if (plan.status() == PlanStatus.SIGNED && !SignOff.intact(plan)) {
            problem(Severity.BREAK, file, "the signature of session " + plan.sessionNumber() + " by "
                    + plan.signature().signer() + " does not match the plan's content: the signed plan was altered");
        }
        if (before != null && before.plan().status() == PlanStatus.SIGNED
                && plan.amendments().size() == before.plan().amendments().size()
                && !plan.plannedContent().equals(before.plan().plannedContent())) {
            problem(Severity.BREAK, file, "changes the plan signed in " + before.fileName() + " without an amendment");
        }
    }

    /** Checks one revision file; returns its plan, or null when it cannot be parsed. */
    private SessionPlan checkRevision(Path file, RevisionName name, UUID courseId, byte[] bytes,
            RevisionName previous, byte[] previousBytes) {
        RevisionFile.Parsed parsed;
        try {
            parsed = RevisionFile.parse(bytes, file.toString());
        } catch (PlanFormatException e) {
            problem(Severity.BREAK, file, e.getMessage());
            return null;
        }
        RevisionHeader h = parsed.header();
        if (h.sequence() != name.sequence() || !h.planId().equals(name.planId())) {
            problem(Severity.BREAK, file, "the header says revision " + h.sequence() + " of plan " + h.planId()
                    + ", the file name says otherwise: the file was renamed");
        }
        if (!h.courseId().equals(courseId)) {
            problem(Severity.BREAK, file, "the header says course " + h.courseId() + ": the file was moved here from "
                    + "another course");
        }
        if (!parsed.contentIntact()) {
            problem(Severity.BREAK, file, "the plan was changed after it was saved (its SHA-256 is "
                    + parsed.actualContentSha256() + ", the header says " + h.contentSha256() + ")");
        }
        if (previous != null && previousBytes != null) {
            String actual = JsonDialect.sha256(previousBytes);
            if (!actual.equals(h.previousSha256())) {
                problem(Severity.BREAK, file, "the predecessor hash does not match " + previous.fileName()
                        + " (its SHA-256 is " + actual + ", this header says " + h.previousSha256()
                        + "): that file was changed or replaced after this one was saved");
            }
        }
        return parsed.plan();
    }

    private void checkAutosave(Path file, UUID courseId) {
        if (!StoreLayout.AUTOSAVE_NAME.matcher(file.getFileName().toString()).matches()) {
            problem(Severity.WARNING, file, "not an autosave file (expected <plan UUID>.json)");
            return;
        }
        try {
            AutosaveFile.Parsed parsed = AutosaveFile.parse(PlanFiles.read(file), file.toString());
            if (!parsed.plan().courseId().equals(courseId)) {
                problem(Severity.WARNING, file, "an autosave of course " + parsed.plan().courseId()
                        + " in this course");
            }
        } catch (StoreException | PlanFormatException e) {
            problem(Severity.WARNING, file, "unsaved work that cannot be recovered: " + e.getMessage());
        }
    }

    /** True if {@code file} is a temporary file; reports it when it is older than a minute. */
    private boolean checkTemporary(Path file) {
        if (!StoreLayout.isTemp(file)) {
            return false;
        }
        try {
            Instant modified = Files.getLastModifiedTime(file).toInstant();
            if (modified.isBefore(now.minus(TEMP_AGE))) {
                problem(Severity.WARNING, file, "a temporary file left by an interrupted write at " + modified
                        + "; opening the course removes it");
            }
        } catch (IOException e) {
            problem(Severity.WARNING, file, "a temporary file whose age cannot be read: " + e.getMessage());
        }
        return true;
    }

    private void problem(Severity severity, Path file, String message) {
        String prefix = file + ": ";
        problems.add(new Problem(severity, file, message.startsWith(prefix) ? message.substring(prefix.length())
                : message));
    }
}
