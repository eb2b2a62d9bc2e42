package org.injectionplanner.store;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.security.KeyPair;
import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.Stream;
import org.injectionplanner.plan.ClinicSettings;
import org.injectionplanner.plan.CourseRecord;
import org.injectionplanner.plan.CourseSession;
import org.injectionplanner.plan.Patient;
import org.injectionplanner.plan.PlanStatus;
import org.injectionplanner.plan.SessionPlan;
import org.injectionplanner.plan.SignatureStatus;
import org.injectionplanner.plan.TreatmentCourse;
import org.injectionplanner.planfile.JsonDialect;
import org.injectionplanner.planfile.PlanFormatException;
import org.injectionplanner.planfile.SettingsJson;
import org.injectionplanner.safety.SafetyContext;
import org.injectionplanner.store.StoreLayout.RevisionName;

/**
 * The plan store in a folder (docs/design.md §5, docs/plan-format.md §4): one folder per treatment course,
 * every save a new immutable revision file chained to its predecessor by SHA-256, autosaved working
 * copies, and the clinic settings. Reading needs no lock; writing a course goes through
 * {@link #open(UUID)}, which locks it against other writers.
 *
 * <p>Every read refuses damaged data: a revision whose content no longer matches its hash, or whose name
 * disagrees with its header, is an error naming the file; {@link StoreVerifier} lists every break.
 * Thread-safe.
 */
public final class PlanStore {

    private final Path root;
    private final Clock clock;
    private final SeenSequences seen;
    private final SignerKeys keys;

    /** A store in {@code root}, with the system clock and time zone. Nothing is created until written. */
    public PlanStore(Path root) {
        this(root, Clock.systemDefaultZone());
    }

    /**
     * A store in {@code root} whose timestamps come from {@code clock} (its zone gives the offset written).
     */
    public PlanStore(Path root, Clock clock) {
        this(root, clock, SeenSequences.workstation());
    }

    /**
     * A store in {@code root} whose timestamps come from {@code clock} and whose opened and saved
     * sequences are remembered in {@code seen} (to warn of a rollback).
     */
    public PlanStore(Path root, Clock clock, SeenSequences seen) {
        this(root, clock, seen, SignerKeys.workstation());
    }

    /**
     * A store in {@code root} as {@link #PlanStore(Path, Clock, SeenSequences)}, whose signers' key pairs
     * are in {@code keys} (the user's home folder's by default).
     */
    public PlanStore(Path root, Clock clock, SeenSequences seen, SignerKeys keys) {
        this.root = root.toAbsolutePath().normalize();
        this.clock = clock;
        this.seen = seen;
        this.keys = keys;
    }

    /** The default folder: {@code InjectionPlanner} in the user's home folder. */
    public static Path defaultRoot() {
        return Path.of(System.getProperty("user.home"), "InjectionPlanner");
    }

    /** The store's folder. */
    public Path root() {
        return root;
    }

    /**
     * Opens a course for writing, creating its folders if needed, and locks it for this process until
     * {@link OpenCourse#close()}. Temporary files left by an interrupted write are removed.
     *
     * @throws StoreLockedException if another process (or another session of this one) has it open
     * @throws StoreException if its folders cannot be created or locked
     */
    public OpenCourse open(UUID courseId) throws StoreException {
        return OpenCourse.open(this, courseId);
    }

    /** The courses in the store (folders named by course UUID), in no particular order. */
    public List<UUID> courses() throws StoreException {
        List<UUID> out = new ArrayList<>();
        for (Path dir : list(StoreLayout.courses(root))) {
            String name = dir.getFileName().toString();
            if (StoreLayout.COURSE_NAME.matcher(name).matches() && Files.isDirectory(dir)) {
                out.add(UUID.fromString(name));
            }
        }
        return out;
    }

    /**
     * Every revision of a course, oldest first.
     *
     * @throws StoreException if a revision cannot be read or is damaged
     */
    public List<Revision> history(UUID courseId) throws StoreException {
        List<Revision> out = new ArrayList<>();
        Path dir = StoreLayout.revisions(StoreLayout.course(root, courseId));
        for (RevisionName name : revisionNames(dir)) {
            out.add(load(dir.resolve(name.fileName())));
        }
        return out;
    }

    /**
     * The newest revision of a plan, or empty if it was never saved.
     *
     * @throws StoreException if it cannot be read or is damaged
     */
    public Optional<Revision> latest(UUID courseId, UUID planId) throws StoreException {
        Path dir = StoreLayout.revisions(StoreLayout.course(root, courseId));
        Optional<RevisionName> newest = revisionNames(dir).stream()
                .filter(n -> n.planId().equals(planId))
                .reduce((a, b) -> b);
        return newest.isEmpty() ? Optional.empty() : Optional.of(load(dir.resolve(newest.get().fileName())));
    }

    /**
     * The date of the course's session before this plan's: the newest revision of each other plan of the
     * course with a lower session number, the highest of those numbers. Empty for a first session or a
     * course not in this store.
     *
     * @throws StoreException if a revision cannot be read or is damaged
     */
    public Optional<LocalDate> previousSessionDate(SessionPlan plan) throws StoreException {
        if (!Files.isDirectory(StoreLayout.revisions(StoreLayout.course(root, plan.courseId())))) {
            return Optional.empty();
        }
        Map<UUID, SessionPlan> newest = new LinkedHashMap<>();
        for (Revision r : history(plan.courseId())) {
            newest.put(r.plan().id(), r.plan());
        }
        return newest.values().stream()
                .filter(p -> !p.id().equals(plan.id()) && p.sessionNumber() < plan.sessionNumber())
                .max(Comparator.comparingInt(SessionPlan::sessionNumber))
                .map(SessionPlan::date);
    }

    /**
     * A course's record: its {@code course.json}, or for a course without one (not saved yet, or saved before
     * course records) one made from its sessions' Patient ID and the clinic's default number of sessions.
     *
     * @throws StoreException if the record, the settings or (without a record) the course's index or
     *         revisions cannot be read
     */
    public CourseRecord courseRecord(UUID courseId) throws StoreException {
        Path dir = StoreLayout.course(root, courseId);
        Optional<CourseRecord> saved = CourseRecordFile.read(root, dir);
        if (saved.isPresent()) {
            return saved.get();
        }
        String patient = "";
        if (Files.isDirectory(StoreLayout.revisions(dir))) {
            for (Revision r : history(courseId)) {
                patient = patient.isEmpty() ? r.plan().patient().map(Patient::id).orElse("") : patient;
            }
        }
        return new CourseRecord(courseId, patient, "", settings().course().plannedSessions());
    }

    /**
     * The courses of a patient, found in the store's patient index ({@code patients.json}) without reading
     * any revision. A save records the course there before writing its revision, so a listed course without
     * a revision (its first save was interrupted) is left out.
     *
     * @throws StoreException if the index is missing (run verify-store, which rebuilds it) or cannot be read
     */
    public List<UUID> coursesOfPatient(String patientId) throws StoreException {
        Optional<List<UUID>> courses = PatientIndex.lookup(root, patientId.strip());
        if (courses.isEmpty()) {
            throw new StoreException("the plan store " + root + " has no patient index (" + PatientIndex.NAME
                    + "): run verify-store on it, which rebuilds the index");
        }
        List<UUID> out = new ArrayList<>();
        for (UUID course : courses.get()) {
            if (hasCourse(course)) {
                out.add(course);
            }
        }
        return out;
    }

    /**
     * Whether the store holds the course with at least one revision.
     *
     * @throws StoreException if its revisions folder cannot be listed
     */
    public boolean hasCourse(UUID courseId) throws StoreException {
        return !revisionNames(StoreLayout.revisions(StoreLayout.course(root, courseId))).isEmpty();
    }

    /**
     * The course's session before this plan's, as {@link #previousSessionDate} takes it: the newest revision of
     * the other plan with the highest session number below this plan's. Empty for a first session or a course
     * the store does not hold.
     *
     * @throws StoreException if the course's files cannot be read or are damaged
     */
    public Optional<SessionPlan> previousSession(SessionPlan plan) throws StoreException {
        if (!hasCourse(plan.courseId())) {
            return Optional.empty();
        }
        return course(plan.courseId()).plans().stream()
                .filter(p -> !p.id().equals(plan.id()) && p.sessionNumber() < plan.sessionNumber())
                .max(Comparator.comparingInt(SessionPlan::sessionNumber));
    }

    /**
     * A course with its sessions: from the course's index ({@code sessions.json}) and the newest revision of
     * each session, never every revision; an index older than the course's head record (or missing) is
     * rebuilt from the course's revisions in memory.
     *
     * @throws StoreException if the course is not in the store, or its files cannot be read or are damaged
     */
    public CourseView course(UUID courseId) throws StoreException {
        CourseIndex current = currentIndex(courseId);
        CourseRecord record = courseRecord(courseId);
        Path revisions = StoreLayout.revisions(StoreLayout.course(root, courseId));
        List<SessionPlan> plans = new ArrayList<>();
        for (CourseIndex.Entry e : current.sessions()) {
            plans.add(load(revisions.resolve(e.revision())).plan());
        }
        TreatmentCourse course = new TreatmentCourse(record, plans.stream().map(CourseSession::of).toList(),
                settings().intervalWindow());
        List<SessionPlan> ordered = course.sessions().stream()
                .map(s -> plans.stream().filter(p -> p.id().equals(s.planId())).findFirst().orElseThrow()).toList();
        return new CourseView(course, ordered);
    }

    /**
     * A course's sessions as its index lists them (by session number), without reading a revision while the
     * index is current; an index older than the head record (or missing) is rebuilt in memory.
     *
     * @throws StoreException if the course is not in the store or its files cannot be read
     */
    public List<IndexedSession> indexedSessions(UUID courseId) throws StoreException {
        return currentIndex(courseId).sessions().stream().map(e -> new IndexedSession(e.planId(),
                e.sessionNumber(), e.date(), e.status(), e.sites())).toList();
    }

    /** The course's index if it is at the head record's revision, else one rebuilt from the revisions. */
    private CourseIndex currentIndex(UUID courseId) throws StoreException {
        Path dir = StoreLayout.course(root, courseId);
        if (!Files.isDirectory(StoreLayout.revisions(dir))) {
            throw new StoreException("no course " + courseId + " in the plan store " + root);
        }
        Optional<CourseIndex> index = CourseIndex.read(root, dir);
        Optional<CourseHead> head = CourseHead.read(root, dir);
        return index.isPresent() && head.isPresent() && head.get().equals(index.get().head()) ? index.get()
                : rebuildCourseIndex(courseId, courseRecord(courseId).patientId());
    }

    /** A course's index made from its revisions (the newest of each plan) and its head. */
    CourseIndex rebuildCourseIndex(UUID courseId, String patientId) throws StoreException {
        Map<UUID, CourseIndex.Newest> newest = new LinkedHashMap<>();
        String last = null;
        String sha = null;
        for (Revision r : history(courseId)) {
            newest.put(r.plan().id(), new CourseIndex.Newest(r.file().getFileName().toString(), r.plan()));
            last = r.file().getFileName().toString();
            sha = r.fileSha256();
        }
        CourseHead head = last == null ? null : new CourseHead(RevisionName.parse(last).orElseThrow(), sha);
        return CourseIndex.of(courseId, patientId, head, newest.values());
    }

    /**
     * What the safety checks of {@code plan} go by in this store: its clinic settings and the date of the
     * course's previous session ({@link #previousSessionDate}).
     *
     * @throws StoreException if the settings or the course's revisions cannot be read
     */
    public SafetyContext safetyContext(SessionPlan plan) throws StoreException {
        return SafetyContext.of(settings(), previousSessionDate(plan).orElse(null));
    }

    /**
     * Reads one revision file. A file under the store's folder is read as a store file (a regular file
     * inside the store, {@link StoreFiles}); one elsewhere, named by the user, may be a link to a regular
     * file.
     *
     * @throws StoreException if it cannot be read, is not a revision file (caused by a
     *         {@link PlanFormatException}), its name disagrees with its header, or its plan was changed after
     *         it was saved
     */
    public Revision load(Path revisionFile) throws StoreException {
        byte[] bytes;
        RevisionFile.Parsed parsed;
        try {
            bytes = revisionFile.toAbsolutePath().normalize().startsWith(root)
                    ? StoreFiles.readInStore(root, revisionFile) : StoreFiles.readNamed(revisionFile);
            parsed = RevisionFile.parse(bytes, revisionFile.toString());
        } catch (PlanFormatException e) {
            throw StoreException.of(e);
        }
        RevisionHeader h = parsed.header();
        Optional<RevisionName> name = RevisionName.parse(revisionFile.getFileName().toString());
        if (name.isEmpty() || name.get().sequence() != h.sequence() || !name.get().planId().equals(h.planId())) {
            throw new StoreException(revisionFile + ": the file name does not match its header (revision "
                    + h.sequence() + " of plan " + h.planId() + ")");
        }
        if (!parsed.contentIntact()) {
            throw new StoreException(revisionFile + ": the plan was changed after it was saved (its SHA-256 no "
                    + "longer matches the header); run verify-store and restore the file from a backup");
        }
        return new Revision(revisionFile, h, parsed.plan(), JsonDialect.sha256(bytes));
    }

    /**
     * The unsaved work of a course to offer after a restart: autosaves whose plan differs from the newest
     * revision of that plan (or whose plan was never saved), newest first.
     *
     * @throws StoreException if an autosave or revision cannot be read
     */
    public List<Recovery> recoverable(UUID courseId) throws StoreException {
        Path courseDir = StoreLayout.course(root, courseId);
        List<Recovery> out = new ArrayList<>();
        for (Path file : list(StoreLayout.autosaves(courseDir))) {
            if (!StoreLayout.AUTOSAVE_NAME.matcher(file.getFileName().toString()).matches()) {
                continue;
            }
            AutosaveFile.Parsed autosave;
            try {
                autosave = AutosaveFile.parse(StoreFiles.readInStore(root, file), file.toString());
            } catch (PlanFormatException e) {
                throw StoreException.of(e);
            }
            SessionPlan plan = autosave.plan();
            if (!plan.courseId().equals(courseId) || !file.getFileName().toString().equals(plan.id() + ".json")) {
                throw new StoreException(file + ": holds plan " + plan.id() + " of course " + plan.courseId()
                        + ", not the one its name and folder say");
            }
            Optional<Revision> latest = latest(courseId, plan.id());
            if (latest.isEmpty() || !latest.get().plan().equals(plan)) {
                out.add(new Recovery(file, autosave.savedAt(), autosave.basedOnSequence(),
                        latest.map(r -> r.header().sequence()).orElse(null), plan));
            }
        }
        out.sort(Comparator.comparing(Recovery::savedAt).reversed());
        return out;
    }

    /**
     * The clinic settings, or {@link ClinicSettings#defaults()} if none were saved.
     *
     * @throws StoreException if the settings file cannot be read or is not valid
     */
    public ClinicSettings settings() throws StoreException {
        return StoreFiles.readIfPresent(root, StoreLayout.settings(root), SettingsJson::read)
                .orElseGet(ClinicSettings::defaults);
    }

    /**
     * Saves the clinic settings atomically (the last save wins; settings have no history).
     *
     * @throws StoreException if they cannot be written (the old settings are then unchanged)
     */
    public void saveSettings(ClinicSettings settings) throws StoreException {
        Path file = StoreLayout.settings(root);
        try {
            Files.createDirectories(root);
            AtomicFiles.replace(file, SettingsJson.write(settings));
        } catch (IOException e) {
            throw new StoreException("cannot save the clinic settings to " + file + ": " + e.getMessage(), e);
        }
    }

    /**
     * The store's keyring (empty when it has none), checked against the administrator key this workstation
     * remembers for the store ({@link AdminKeyPins}).
     *
     * @throws StoreException if {@code keyring.json} cannot be read or is not a keyring, or is a locked
     *         keyring rewritten with another administrator key (or unlocked) since this workstation saw it
     */
    public Keyring keyring() throws StoreException {
        return Keyring.read(root, keys.pins());
    }

    /**
     * Verifies a plan's signature with this store's keyring and the course's previous session
     * ({@link SignOff#status}).
     *
     * @throws StoreException if the keyring or the course's revisions cannot be read
     */
    public SignatureStatus signatureStatus(SessionPlan plan) throws StoreException {
        return SignOff.status(plan, keyring(), previousSessionDate(plan).orElse(null));
    }

    /**
     * The signer's key pair (made in the signer's home on first use) and whether the keyring trusts it. A key
     * the keyring lacks is enrolled (added with the time and this workstation): on a signer's first
     * signature in an unlocked keyring it is trusted at once; a second key for a known name, or any new
     * key in a locked keyring, waits for the administrator ({@link #confirmKey}). The keyring is read back
     * after writing, and the enrollment repeated, should another workstation have rewritten it meanwhile.
     *
     * @throws StoreException if the key or keyring cannot be read or written
     */
    synchronized SignOff.Enrollment enroll(String signer) throws StoreException {
        KeyPair pair = keys.of(signer);
        String keyId = SignerKeys.keyId(pair.getPublic());
        Keyring ring = keyring();
        for (int attempt = 1; ring.entry(keyId).isEmpty(); attempt++) {
            if (attempt > 3) {
                throw new StoreException("cannot enroll the key of " + signer + " in " + Keyring.file(root)
                        + ": other programs keep rewriting the keyring; sign again");
            }
            Keyring grown = ring.isEmpty() ? ring.withLegacy(unsealedSignatures()) : ring;
            grown.enroll(signer, pair.getPublic(), now(),
                    LockOwner.hostName() + " (user " + System.getProperty("user.name", "") + ")").write(root);
            ring = keyring();
        }
        Keyring.TrustedKey trusted = ring.trusted(signer, keyId);
        return new SignOff.Enrollment(pair, trusted.key() != null ? null : trusted.problem()
                + "; the key is enrolled in " + Keyring.file(root) + " and counts once the clinic's administrator "
                + "confirms it");
    }

    /**
     * The {@link SignOff#legacyId}s of the unsealed signatures in the store's revisions (those that cannot be
     * read are left out: verify-store reports them).
     */
    private List<String> unsealedSignatures() throws StoreException {
        List<String> out = new ArrayList<>();
        for (UUID course : courses()) {
            Path dir = StoreLayout.revisions(StoreLayout.course(root, course));
            for (RevisionName name : revisionNames(dir)) {
                try {
                    SessionPlan plan = load(dir.resolve(name.fileName())).plan();
                    if (plan.status() == PlanStatus.SIGNED && plan.signature().seal() == null) {
                        out.add(SignOff.legacyId(plan));
                    }
                } catch (StoreException e) {
                    // a damaged revision is no signature to vouch for
                }
            }
        }
        return out;
    }

    /**
     * Confirms an enrolled key with the administrator's key pair (the keyring takes {@code admin} as its
     * administrator key if it has none).
     *
     * @throws StoreException if the keyring cannot be read or written
     * @throws IllegalArgumentException if the key is not enrolled or {@code admin} is not the keyring's
     */
    public synchronized void confirmKey(String keyId, KeyPair admin) throws StoreException {
        keyring().confirm(keyId, admin).write(root);
    }

    /**
     * Locks the keyring with the administrator's key pair: the entries that count now are confirmed, and
     * from now on only entries the administrator confirms count. This workstation remembers the
     * administrator key ({@link AdminKeyPins}).
     *
     * @throws StoreException if the keyring cannot be read or written
     * @throws IllegalArgumentException if the keyring names another administrator key
     */
    public synchronized void lockKeyring(KeyPair admin) throws StoreException {
        Keyring locked = keyring().lock(admin);
        locked.write(root);
        keys.pins().pin(root, locked);
    }

    /** What this workstation has seen of each course. */
    SeenSequences seen() {
        return seen;
    }

    /** Now, to the millisecond, with the clock's offset. */
    OffsetDateTime now() {
        return OffsetDateTime.now(clock).truncatedTo(ChronoUnit.MILLIS);
    }

    /** The revision files in {@code dir}, by sequence (then name); other files are ignored. */
    static List<RevisionName> revisionNames(Path dir) throws StoreException {
        List<RevisionName> out = new ArrayList<>();
        for (Path file : list(dir)) {
            RevisionName.parse(file.getFileName().toString()).ifPresent(out::add);
        }
        out.sort(Comparator.comparingInt(RevisionName::sequence).thenComparing(RevisionName::fileName));
        return out;
    }

    /** The entries of {@code dir}, or none if it does not exist. */
    static List<Path> list(Path dir) throws StoreException {
        try (Stream<Path> entries = Files.list(dir)) {
            return entries.toList();
        } catch (NoSuchFileException e) {
            return List.of();
        } catch (IOException e) {
            throw new StoreException("cannot list " + dir + ": " + e.getMessage(), e);
        }
    }
}
