package org.injectionplanner.store;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.UUID;
import org.injectionplanner.plan.ClinicSettings;
import org.injectionplanner.plan.CourseRecord;
import org.injectionplanner.plan.PlanStatus;
import org.injectionplanner.plan.SessionPlan;
import org.injectionplanner.plan.SignatureStatus;
import org.injectionplanner.planfile.JsonDialect;
import org.injectionplanner.planfile.PlanFormatException;
import org.injectionplanner.planfile.SettingsJson;
import org.injectionplanner.store.StoreLayout.RevisionName;
import org.injectionplanner.store.VerifyReport.Problem;
import org.injectionplanner.store.VerifyReport.Severity;

/**
 * Checks a whole plan store (what {@code verify-store} runs): in every course, every revision file parses;
 * its name, header and folder agree; its plan matches its content hash; sequences run 1, 2, 3 … without
 * gaps or doubles; each revision's predecessor hash equals the SHA-256 of the previous revision file's
 * bytes; and the course's head record names a revision that is there with the recorded bytes (so a
 * newest revision deleted, renamed or edited is a break). Every file is read as a store file
 * ({@link StoreFiles}): a symbolic link, device, FIFO or a folder leading out of the store is a break, and
 * nothing is opened that could block. Also reads the clinic settings and autosaves, reports temporary
 * files older than a minute (left by an interrupted write), and warns when a course shows fewer revisions
 * than this workstation has seen ({@link SeenSequences}). Needs no lock. Checks each course's record against
 * its sessions' Patient ID, and the store index (each course's {@code sessions.json} and the store's
 * {@code patients.json}) against the revisions: an index missing or disagreeing is reported as a warning and
 * rewritten (the only files it writes; the revisions are the truth, the index is derived from them). A course
 * with a record but no revision is a warning (the lookup by Patient ID passes over it). Time
 * is linear in the revisions; memory holds one course's newest plans and a Patient ID per course.
 *
 * <p>Every signature is verified against the store's keyring ({@link SignOff#status}): one that does not
 * verify is a break, one made before keyed signatures a warning. A locked keyring that no longer names the
 * administrator key this workstation saw it locked with ({@link AdminKeyPins}) is a break, and so is then
 * every signature. Limits: a hash chain and head record show
 * that a revision changed, not who changed it; whoever can write the folder can rewrite a course's whole
 * chain and head consistently, but cannot make a signature without a signer's private key
 * (docs/plan-format.md §2.1, §4).
 */
public final class StoreVerifier {

    /** Temporary files younger than this may belong to a write in progress and are not reported. */
    static final Duration TEMP_AGE = Duration.ofMinutes(1);

    private final List<Problem> problems = new ArrayList<>();
    private final Instant now = Instant.now();
    private final Path root;
    private final SeenSequences seen;
    private final SignerKeys keys;
    private Keyring keyring = Keyring.EMPTY;
    /** Why the keyring cannot be used (unreadable, or contradicting this workstation's pin), or null. */
    private String keyringProblem;
    private ClinicSettings settings = ClinicSettings.defaults();
    /** Each course's Patient ID, for the patient index (a few bytes per course, no plan is kept). */
    private final Map<UUID, String> patients = new TreeMap<>();
    private int courses;
    private int revisions;

    private StoreVerifier(Path root, SeenSequences seen, SignerKeys keys) {
        this.root = root;
        this.seen = seen;
        this.keys = keys;
    }

    /**
     * Verifies the store in {@code root}.
     *
     * @throws StoreException if {@code root} is not a readable folder (problems inside it are reported,
     *         not thrown)
     */
    public static VerifyReport verify(Path root) throws StoreException {
        return verify(root, SeenSequences.workstation());
    }

    /**
     * Verifies the store in {@code root}, warning of courses that show fewer revisions than {@code seen}
     * remembers.
     *
     * @throws StoreException if {@code root} is not a readable folder
     */
    public static VerifyReport verify(Path root, SeenSequences seen) throws StoreException {
        return verify(root, seen, SignerKeys.workstation());
    }

    /**
     * Verifies the store in {@code root} as {@link #verify(Path, SeenSequences)}, checking a locked keyring
     * against the administrator key remembered beside {@code keys} ({@link AdminKeyPins}).
     *
     * @throws StoreException if {@code root} is not a readable folder
     */
    public static VerifyReport verify(Path root, SeenSequences seen, SignerKeys keys) throws StoreException {
        if (!Files.isDirectory(root)) {
            throw new StoreException(root + " is not a folder; give the plan store's folder");
        }
        StoreVerifier v = new StoreVerifier(root, seen, keys);
        v.checkRoot();
        return new VerifyReport(root, v.courses, v.revisions, v.problems);
    }

    private void checkRoot() throws StoreException {
        for (Path file : PlanStore.list(root)) {
            checkTemporary(file);
        }
        try {
            keyring = Keyring.read(root, keys.pins());
        } catch (StoreException e) {
            keyringProblem = e.getMessage();
            problem(Severity.BREAK, Keyring.file(root), keyringProblem + " (so no signature can be verified)");
        }
        Path settingsFile = StoreLayout.settings(root);
        if (Files.exists(settingsFile, LinkOption.NOFOLLOW_LINKS)) {
            try {
                settings = SettingsJson.read(StoreFiles.readInStore(root, settingsFile), settingsFile.toString());
            } catch (StoreException | PlanFormatException e) {
                problem(Severity.BREAK, settingsFile, e.getMessage());
            }
        }
        Path coursesDir = StoreLayout.courses(root);
        if (!inside(coursesDir)) {
            return;
        }
        for (Path dir : PlanStore.list(coursesDir)) {
            String name = dir.getFileName().toString();
            if (!StoreLayout.COURSE_NAME.matcher(name).matches() || !Files.isDirectory(dir)) {
                if (!StoreLayout.isTemp(dir)) {
                    problem(Severity.WARNING, dir, "not a course folder (course folders are named by UUID)");
                }
            } else if (inside(dir)) {
                courses++;
                checkCourse(dir, UUID.fromString(name));
            }
        }
        checkPatientIndex();
    }

    /**
     * True if {@code path} (when it exists) is no symbolic link and lies inside the store; else reports a
     * break: its contents are not the store's and are not read.
     */
    private boolean inside(Path path) {
        if (!Files.exists(path, LinkOption.NOFOLLOW_LINKS)) {
            return true;
        }
        try {
            if (Files.isSymbolicLink(path)) {
                throw new StoreException(path + ": a symbolic link (to " + path.toRealPath() + "); the store's "
                        + "folders and files must lie in it, so it is not checked");
            }
            StoreFiles.requireInside(root, path);
            return true;
        } catch (StoreException e) {
            problem(Severity.BREAK, path, e.getMessage());
        } catch (IOException e) {
            problem(Severity.BREAK, path, "a symbolic link that cannot be resolved (" + StoreFiles.reason(e)
                    + "); the store's folders and files must lie in it, so it is not checked");
        }
        return false;
    }

    private void checkCourse(Path dir, UUID courseId) throws StoreException {
        for (Path file : PlanStore.list(dir)) {
            checkTemporary(file);
        }
        Path revisionDir = StoreLayout.revisions(dir);
        if (!inside(revisionDir)) {
            return;
        }
        for (Path file : PlanStore.list(revisionDir)) {
            String name = file.getFileName().toString();
            if (!checkTemporary(file) && RevisionName.parse(name).isEmpty()) {
                problem(Severity.WARNING, file, "not a revision file (expected NNNNNN-<plan UUID>.json)");
            }
        }
        List<RevisionName> names = PlanStore.revisionNames(revisionDir);
        Chain chain = checkChain(revisionDir, courseId, names);
        checkHead(dir, courseId, names.isEmpty() ? null : names.get(names.size() - 1));
        List<Path> autosaves = inside(StoreLayout.autosaves(dir)) ? PlanStore.list(StoreLayout.autosaves(dir))
                : List.of();
        checkIndex(dir, courseId, chain);
        if (names.isEmpty()) {
            checkUnsavedCourse(dir, courseId, autosaves);
        }
        for (Path file : autosaves) {
            if (!checkTemporary(file)) {
                checkAutosave(file, courseId);
            }
        }
    }

    /**
     * A course folder with neither a record nor a revision (opened and closed without a save) is reported,
     * saying whether it holds unsaved work. A course with a record but no revision (its first save was
     * interrupted after the record, or Treatment Course... recorded a new course whose session was never saved)
     * is reported: the patient index keeps its entry, as a save and an index made from the course records do,
     * but the lookup by Patient ID passes over it until a session of it is saved.
     */
    private void checkUnsavedCourse(Path dir, UUID courseId, List<Path> autosaves) {
        Optional<CourseRecord> record;
        try {
            record = CourseRecordFile.read(root, dir);
        } catch (StoreException e) {
            return; // reported by checkIndex
        }
        long unsaved = autosaves.stream()
                .filter(f -> StoreLayout.AUTOSAVE_NAME.matcher(f.getFileName().toString()).matches()).count();
        String left = unsaved == 0 ? "no unsaved work of it is left"
                : "its unsaved work (" + unsaved + " autosave file(s)) is offered by Recover Unsaved Plan...";
        if (record.isEmpty()) {
            problem(Severity.WARNING, dir, "course " + courseId + ": neither a course record nor a revision (the "
                    + "course was opened and none of its sessions was saved), so no patient's courses list it; "
                    + left);
            return;
        }
        String patient = record.get().patientId();
        problem(Severity.WARNING, CourseRecordFile.file(dir), "course " + courseId + ": a course record but no "
                + "revision (a first save was interrupted, or the course was recorded in Treatment Course... and "
                + "none of its sessions was saved); " + (patient.isEmpty() ? "it has no Patient ID"
                : "not listed for Patient ID " + patient + " until a session of it is saved") + "; " + left);
    }

    /**
     * The head record must name a revision that is there with the recorded bytes. One newer revision (or
     * revision 1 without a record) is what a save interrupted between writing its revision and its head
     * record leaves (the chain vouches for it, and opening the course updates the record); more are a
     * warning. Also warns of a rollback.
     */
    private void checkHead(Path dir, UUID courseId, RevisionName newest) {
        Path file = StoreLayout.head(dir);
        int newestSequence = newest == null ? 0 : newest.sequence();
        seen.rollbackWarning(root, courseId, newestSequence).ifPresent(w -> problem(Severity.WARNING, dir, w));
        Optional<CourseHead> recorded;
        try {
            recorded = CourseHead.read(root, dir);
        } catch (StoreException e) {
            problem(Severity.BREAK, file, e.getMessage());
            return;
        }
        if (recorded.isEmpty()) {
            if (newestSequence > 1) {
                problem(Severity.WARNING, dir, "no head record (" + StoreLayout.HEAD + "), so a deleted newest "
                        + "revision could not be noticed: the course was saved by an older version; opening it "
                        + "writes one");
            }
            return;
        }
        CourseHead head = recorded.get();
        String problem = head.problem(root, StoreLayout.revisions(dir));
        if (problem != null) {
            problem(Severity.BREAK, file, "names revision " + head.name().fileName() + " as the newest, which "
                    + problem);
        } else if (newestSequence > head.sequence() + 1) {
            problem(Severity.WARNING, file, "names revision " + head.name().fileName() + " as the newest, but "
                    + "revisions up to " + newestSequence + " exist: a save was interrupted before writing it, or "
                    + "revisions were added by hand; opening the course updates it");
        }
    }

    /**
     * What a course's chain holds for its indexes: the newest revision of each plan and the newest
     * revision's name and SHA-256 (null without revisions).
     */
    private record Chain(Map<UUID, Revisioned> newestOfPlan, CourseHead head) {
    }

    private Chain checkChain(Path revisionDir, UUID courseId, List<RevisionName> names) {
        int expected = 1;
        RevisionName previous = null;
        byte[] previousBytes = null;
        Map<UUID, Revisioned> newestOfPlan = new HashMap<>();
        for (RevisionName name : names) {
            Path file = revisionDir.resolve(name.fileName());
            revisions++;
            if (name.sequence() < 1) {
                problem(Severity.BREAK, file, "numbered " + name.fileName().substring(0, name.fileName().indexOf('-'))
                        + ", but revisions are numbered from 1: no save wrote this file (renamed or made by hand)");
                continue;
            }
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
                bytes = StoreFiles.readInStore(root, file);
            } catch (StoreException e) {
                problem(Severity.BREAK, file, e.getMessage());
                previous = name;
                previousBytes = null;
                expected = name.sequence() + 1;
                continue;
            }
            SessionPlan plan = checkRevision(file, name, courseId, bytes,
                    previous != null && previous.sequence() == name.sequence() - 1 ? previous : null, previousBytes);
            if (plan != null) {
                checkSignOff(file, plan, newestOfPlan.get(plan.id()), newestOfPlan);
                newestOfPlan.put(plan.id(), new Revisioned(name.fileName(), plan));
            }
            previous = name;
            previousBytes = bytes;
            expected = name.sequence() + 1;
        }
        CourseHead head = previous == null || previousBytes == null ? null
                : new CourseHead(previous, JsonDialect.sha256(previousBytes));
        return new Chain(newestOfPlan, head);
    }

    /**
     * The course's record must name the Patient ID its sessions show (a session of another patient is a
     * break); a missing record is written from the sessions. The course's index ({@code sessions.json})
     * must list the newest revision of each plan at the newest revision: missing, unreadable or disagreeing,
     * it is reported and rebuilt. The course's Patient ID is kept for the store's patient index.
     */
    private void checkIndex(Path dir, UUID courseId, Chain chain) {
        List<SessionPlan> plans = chain.newestOfPlan().values().stream().map(Revisioned::plan)
                .sorted(Comparator.comparingInt(SessionPlan::sessionNumber)).toList();
        Path recordFile = CourseRecordFile.file(dir);
        CourseRecord record;
        try {
            Optional<CourseRecord> saved = CourseRecordFile.read(root, dir);
            if (saved.isPresent()) {
                record = saved.get();
            } else {
                record = new CourseRecord(courseId, "", "", settings.course().plannedSessions());
                for (SessionPlan p : plans) {
                    record = record.withPatientOf(p);
                }
                if (!plans.isEmpty()) {
                    CourseRecordFile.write(dir, record);
                    problem(Severity.WARNING, recordFile, "no course record: written with Patient ID "
                            + (record.patientId().isEmpty() ? "(none)" : record.patientId()) + " and "
                            + record.plannedSessions() + " planned sessions (the clinic's default)");
                }
            }
        } catch (StoreException e) {
            problem(Severity.BREAK, recordFile, e.getMessage());
            return;
        }
        for (SessionPlan p : plans) {
            String problem = record.patientProblem(p);
            if (problem != null) {
                problem(Severity.BREAK, StoreLayout.revisions(dir).resolve(chain.newestOfPlan().get(p.id()).fileName()),
                        problem + ": a plan of another patient in this course");
            }
        }
        if (!record.patientId().isEmpty()) {
            patients.put(courseId, record.patientId());
        }
        CourseIndex expected = CourseIndex.of(courseId, record.patientId(), chain.head(),
                chain.newestOfPlan().values().stream().map(r -> new CourseIndex.Newest(r.fileName(), r.plan()))
                        .toList());
        Path file = CourseIndex.file(dir);
        String disagreement;
        try {
            Optional<CourseIndex> onDisk = CourseIndex.read(root, dir);
            disagreement = onDisk.isEmpty() ? "missing" : onDisk.get().equals(expected) ? null
                    : "disagrees with the revisions (" + difference(onDisk.get(), expected) + ")";
        } catch (StoreException e) {
            disagreement = "cannot be read (" + e.getMessage() + ")";
        }
        if (disagreement != null && !plans.isEmpty()) {
            rebuild(file, "the course's session index " + disagreement, () -> expected.write(dir));
        }
    }

    /** The first difference between an index on disk and the one the revisions give. */
    private static String difference(CourseIndex onDisk, CourseIndex expected) {
        if (!java.util.Objects.equals(onDisk.head(), expected.head())) {
            return "it is at revision " + (onDisk.head() == null ? 0 : onDisk.head().sequence())
                    + ", the newest is " + (expected.head() == null ? 0 : expected.head().sequence());
        }
        if (!onDisk.patientId().equals(expected.patientId())) {
            return "Patient ID " + onDisk.patientId() + " instead of " + expected.patientId();
        }
        return "it lists " + onDisk.sessions() + " instead of " + expected.sessions();
    }

    /** Something that writes an index file. */
    @FunctionalInterface
    private interface IndexWrite {
        void write() throws IOException, StoreException;
    }

    private void rebuild(Path file, String what, IndexWrite write) {
        try {
            write.write();
            problem(Severity.WARNING, file, what + ": rebuilt");
        } catch (IOException | StoreException e) {
            problem(Severity.WARNING, file, what + ", and it cannot be rebuilt: " + e.getMessage());
        }
    }

    /** The store's patient index must list every course's Patient ID; otherwise it is reported and rebuilt. */
    private void checkPatientIndex() {
        Path file = PatientIndex.file(root);
        PatientIndex expected = new PatientIndex(patients);
        String disagreement;
        try {
            Optional<PatientIndex> onDisk = PatientIndex.read(root);
            disagreement = onDisk.isEmpty() ? "missing" : onDisk.get().equals(expected) ? null
                    : "disagrees with the course records (" + patientDifference(onDisk.get(), expected) + ")";
        } catch (StoreException e) {
            disagreement = "cannot be read (" + e.getMessage() + ")";
        }
        if (disagreement != null && (!patients.isEmpty() || Files.exists(file, LinkOption.NOFOLLOW_LINKS))) {
            rebuild(file, "the store's patient index " + disagreement, () -> expected.write(root));
        }
    }

    private static String patientDifference(PatientIndex onDisk, PatientIndex expected) {
        for (Map.Entry<UUID, String> e : expected.courses().entrySet()) {
            String listed = onDisk.courses().get(e.getKey());
            if (!e.getValue().equals(listed)) {
                return "course " + e.getKey() + (listed == null ? " is not listed" : " is listed under another "
                        + "Patient ID");
            }
        }
        return "it lists courses the store does not hold";
    }

    /** A revision's plan and its file name. */
    private record Revisioned(String fileName, SessionPlan plan) {
    }

    /**
     * A signed plan's signature must verify ({@link SignOff#status}: content, keyring, seal and the sign-off
     * conditions under the settings it was signed with; the previous session is the newest earlier-numbered
     * plan of the course in the revisions before it); one signed before keyed signatures is a warning. A plan
     * signed in an earlier revision may change its planned content only through a new amendment.
     */
    private void checkSignOff(Path file, SessionPlan plan, Revisioned before, Map<UUID, Revisioned> earlier) {
        LocalDate previous = earlier.values().stream().map(Revisioned::plan)
                .filter(p -> !p.id().equals(plan.id()) && p.sessionNumber() < plan.sessionNumber())
                .max(Comparator.comparingInt(SessionPlan::sessionNumber)).map(SessionPlan::date).orElse(null);
        SignatureStatus status = keyringProblem != null && plan.status() == PlanStatus.SIGNED
                ? SignatureStatus.invalid(List.of("the store's keyring cannot be used: " + keyringProblem))
                : SignOff.status(plan, keyring, previous);
        if (status.state() == SignatureStatus.State.INVALID) {
            problem(Severity.BREAK, file, "the signature of session " + plan.sessionNumber() + " by "
                    + plan.signature().signer() + " is not valid (the plan counts as a draft): "
                    + String.join("; ", status.problems()));
        } else if (status.state() == SignatureStatus.State.UNKEYED) {
            problem(Severity.WARNING, file, "session " + plan.sessionNumber() + " by " + plan.signature().signer()
                    + " was " + SignatureStatus.UNKEYED_NOTE);
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
            AutosaveFile.Parsed parsed = AutosaveFile.parse(StoreFiles.readInStore(root, file), file.toString());
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
