package org.injectionplanner.store;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.UUID;
import org.injectionplanner.plan.SessionPlan;

/**
 * The other process of the store's multi-process tests, started by {@link ChildJvm}. Prints one line per
 * event to standard output, flushed at once:
 *
 * <ul>
 * <li>{@code loop ROOT COURSE PLAN}: opens the course ({@code ready N}, N the newest revision, then
 * {@code takeover ...} if it took over a stale lock), then forever: autosaves the plan numbered N+1, saves
 * it, prints {@code committed N+1} once {@code save} has returned.
 * <li>{@code race ROOT COURSE PLAN COUNT NAME}: COUNT times: deletes the course's lock file (as a stale-lock
 * clean-up, or a share without locks, would let happen), opens the course, saves the plan numbered N+1
 * as author NAME and prints {@code committed N+1 SHA256} once {@code save} has returned, or
 * {@code conflict}, {@code locked} or {@code failed MESSAGE}; then closes it. Ends with {@code done}.
 * <li>{@code hold ROOT COURSE PLAN COUNT}: opens ({@code opened}, or {@code locked MESSAGE} and exit
 * status 3), saves COUNT revisions ({@code committed N} each), prints {@code holding} and waits for a line
 * on standard input, then closes ({@code closed}).
 * <li>{@code workstation ROOT COURSE PLAN}: does all that writes into the {@link WorkstationFolder} through the
 * default constructors: saves the plan in the course (remembering its sequence), makes the signer key of
 * "Dr W", locks the keyring with the workstation's administrator key (pinning it) and saves a clinician
 * profile; prints {@code done}.
 * <li>{@code courses ROOT PATIENT}: forever: starts a new course, saves its first session on an image of
 * Patient ID PATIENT, prints {@code committed COURSE} once {@code save} has returned, closes it.
 * </ul>
 */
public final class StoreTestChild {

    private StoreTestChild() {
    }

    public static void main(String[] args) throws Exception {
        PrintStream out = new PrintStream(System.out, true, StandardCharsets.UTF_8);
        PlanStore store = new PlanStore(Path.of(args[1]));
        if (args[0].equals("courses")) {
            courses(store, args[2], out);
            return;
        }
        UUID courseId = UUID.fromString(args[2]);
        UUID planId = UUID.fromString(args[3]);
        if (args[0].equals("race")) {
            race(store, courseId, planId, Integer.parseInt(args[4]), args[5], out);
            return;
        }
        if (args[0].equals("workstation")) {
            workstation(store, courseId, planId, out);
            return;
        }
        OpenCourse course;
        try {
            course = store.open(courseId);
        } catch (StoreLockedException e) {
            out.println("locked " + e.getMessage());
            System.exit(3);
            return;
        }
        switch (args[0]) {
            case "loop" -> loop(course, planId, out);
            case "hold" -> hold(course, planId, Integer.parseInt(args[4]), out);
            default -> throw new IllegalArgumentException("unknown mode " + args[0]);
        }
    }

    private static void loop(OpenCourse course, UUID planId, PrintStream out) throws StoreException {
        out.println("ready " + course.newestSequence());
        course.takeoverNotice().ifPresent(n -> out.println("takeover " + n));
        for (int k = course.newestSequence() + 1; ; k++) {
            SessionPlan plan = TestPlans.numbered(course.courseId(), planId, k);
            course.autosave(plan);
            course.save(plan, "child", "save " + k);
            out.println("committed " + k);
        }
    }

    private static void workstation(PlanStore store, UUID courseId, UUID planId, PrintStream out)
            throws StoreException {
        try (OpenCourse course = store.open(courseId)) {
            course.save(TestPlans.numbered(courseId, planId, 1), "child", "workstation");
        }
        SignerKeys.workstation().of("Dr W");
        store.lockKeyring(SignerKeys.workstation().admin());
        store.keyring();
        new ClinicianProfile("Dr W", "physician", "").write(ClinicianProfile.workstationFile());
        out.println("done");
    }

    private static void courses(PlanStore store, String patientId, PrintStream out) throws StoreException {
        out.println("ready 0");
        while (true) {
            UUID courseId = UUID.randomUUID();
            SessionPlan plan = TestPlans.ofPatient(TestPlans.numbered(courseId, UUID.randomUUID(), 1), patientId);
            try (OpenCourse course = store.open(courseId)) {
                course.save(plan, "child", "first session");
            }
            out.println("committed " + courseId);
        }
    }

    private static void race(PlanStore store, UUID courseId, UUID planId, int count, String name, PrintStream out)
            throws Exception {
        Path lock = StoreLayout.course(store.root(), courseId).resolve(StoreLayout.LOCK);
        for (int i = 0; i < count; i++) {
            Files.deleteIfExists(lock);
            try (OpenCourse course = store.open(courseId)) {
                int k = course.newestSequence() + 1;
                Revision saved = course.save(TestPlans.numbered(courseId, planId, k), name, "race " + i);
                out.println("committed " + k + " " + saved.fileSha256());
            } catch (ConflictException e) {
                out.println("conflict");
            } catch (StoreLockedException e) {
                out.println("locked");
            } catch (StoreException e) {
                out.println("failed " + e.getMessage());
            }
        }
        out.println("done");
    }

    private static void hold(OpenCourse course, UUID planId, int count, PrintStream out) throws Exception {
        out.println("opened");
        course.takeoverNotice().ifPresent(n -> out.println("takeover " + n));
        for (int i = 0; i < count; i++) {
            int k = course.newestSequence() + 1;
            course.save(TestPlans.numbered(course.courseId(), planId, k), "child", "save " + k);
            out.println("committed " + k);
        }
        out.println("holding");
        new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8)).readLine();
        course.close();
        out.println("closed");
    }
}
