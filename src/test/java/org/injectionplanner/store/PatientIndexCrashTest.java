package org.injectionplanner.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The patient index across crashes, in the style of {@link StoreCrashTest} but aimed at one window: a child
 * process starting course after course, each with a first session of one patient, is killed with SIGKILL at
 * random (seeded) points after its first commit, 12 times. After each kill, every course the store holds with
 * a revision is found by its Patient ID ({@link PlanStore#coursesOfPatient}), whether or not the kill fell
 * after the revision and before the store's indexes were brought up to date; and verify-store finds nothing
 * but stale derived indexes, which it rebuilds, and courses killed before their first save.
 */
class PatientIndexCrashTest {

    private static final long SEED = 20261205L;
    private static final int KILLS = 12;
    private static final String PATIENT = "CRASH-0007";

    @TempDir
    Path temp;

    @Test
    void everyCourseWithARevisionIsFoundByPatientIdAfterAKillAtAnyPoint() throws Exception {
        Random random = new Random(SEED);
        Path root = temp.resolve("store");
        PlanStore store = new PlanStore(root);
        int committed = 0;
        for (int kill = 0; kill < KILLS; kill++) {
            ChildJvm child = ChildJvm.start(temp.resolve("child-" + kill + ".err"), "courses", root.toString(),
                    PATIENT);
            assertThat(child.await("committed ", Duration.ofSeconds(60))).as("kill %d: a first commit", kill)
                    .isNotNull();
            Thread.sleep(random.nextInt(40));
            committed += (int) child.kill().stream().filter(l -> l.startsWith("committed ")).count();

            List<UUID> withRevision = new ArrayList<>();
            for (UUID course : store.courses()) {
                if (store.hasCourse(course)) {
                    withRevision.add(course);
                }
            }
            assertThat(withRevision.size()).as("kill %d: courses saved", kill).isGreaterThanOrEqualTo(committed);
            assertThat(store.coursesOfPatient(PATIENT)).as("kill %d: found by Patient ID", kill)
                    .containsExactlyInAnyOrderElementsOf(withRevision);
            // a kill after a course's folder was made and before its record leaves a folder with neither
            assertThat(StoreVerifier.verify(root).problems()).as("kill %d: verify-store", kill)
                    .allMatch(p -> p.severity() == VerifyReport.Severity.WARNING && (List.of(CourseIndex.NAME,
                            PatientIndex.NAME, CourseRecordFile.NAME).contains(p.file().getFileName().toString())
                            || p.message().contains(": neither a course record nor a revision")));
            assertThat(store.coursesOfPatient(PATIENT)).as("kill %d: after verify-store", kill)
                    .containsExactlyInAnyOrderElementsOf(withRevision);
        }
    }
}
