package org.injectionplanner.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.injectionplanner.store.StoreLayout.RevisionName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The kill test (issue: plan store): a child process saving revisions in a loop is killed with SIGKILL at
 * random (seeded) points, 200 times: two lanes run side by side, each killing 100 children, 10 per store.
 * A tenth of the kills fall at a random time after the process starts (often while it starts or takes
 * over the lock), the rest at a random time after it reported {@code ready} (0–80 ms, or 100–400 ms for
 * one in five), mostly in the middle of an autosave or a save. The test also checks that it reached each
 * kind of point: while starting, between autosave and save, between the rename and the report.
 *
 * <p>After each kill: {@link StoreVerifier} finds no problem (every revision parses, the chain verifies,
 * no temporary file is reported); every revision seen before is byte-for-byte unchanged; the newest
 * revision on disk holds the plan numbered by its sequence; and, with N the last {@code committed N} the
 * child printed (or the newest before it started, if it printed none), the newest on disk M satisfies
 * {@code N <= M <= N + 1}. M = N + 1 means the kill fell after the atomic rename of revision N + 1 but
 * before its "committed" line was written: the child prints only after {@code save} returns, and writes
 * at most one revision per line. The recoverable unsaved work is either nothing or exactly the plan
 * numbered M + 1 (autosaved, not yet committed). The next child starts from M.
 *
 * <p>A kill ends the process as a crash does, but the operating system still writes what the process
 * had written: this test shows atomicity and the chain, not durability across power loss (which rests on
 * the fsyncs of {@link AtomicFiles}).
 */
class StoreCrashTest {

    /** The store's derived files, which a save updates around its revision (docs/plan-format.md §4). */
    private static final java.util.Set<String> INDEXES = java.util.Set.of(CourseIndex.NAME, PatientIndex.NAME,
            CourseRecordFile.NAME);

    private static final long SEED = 20261126L;
    private static final int LANES = 2;
    private static final int KILLS_PER_LANE = 100;
    private static final int KILLS_PER_STORE = 10;

    @TempDir
    Path temp;

    /** What one lane counted. */
    private record Counts(int kills, int killedBeforeReady, int committed, int aheadOfReport, int takeovers,
            int withRecovery) {

        Counts plus(Counts o) {
            return new Counts(kills + o.kills, killedBeforeReady + o.killedBeforeReady, committed + o.committed,
                    aheadOfReport + o.aheadOfReport, takeovers + o.takeovers, withRecovery + o.withRecovery);
        }
    }

    @Test
    void killedAtRandomTwoHundredTimesTheStoreStaysIntact() throws Exception {
        ExecutorService lanes = Executors.newFixedThreadPool(LANES);
        try {
            List<Future<Counts>> results = new ArrayList<>();
            for (int lane = 0; lane < LANES; lane++) {
                int l = lane;
                results.add(lanes.submit(() -> lane(l, new Random(SEED + l))));
            }
            Counts total = new Counts(0, 0, 0, 0, 0, 0);
            for (Future<Counts> f : results) {
                total = total.plus(f.get());
            }
            System.out.printf("kill test: %d kills (%d before ready), %d revisions committed, %d kills left the "
                    + "newest revision one ahead of the last report, %d stale-lock takeovers, %d left work to "
                    + "recover%n", total.kills(), total.killedBeforeReady(), total.committed(), total.aheadOfReport(),
                    total.takeovers(), total.withRecovery());
            assertThat(total.kills()).isEqualTo(LANES * KILLS_PER_LANE);
            assertThat(total.takeovers()).as("stale locks taken over").isGreaterThan(total.kills() / 2);
            assertThat(total.killedBeforeReady()).as("kills while starting").isPositive();
            assertThat(total.aheadOfReport()).as("kills between rename and report").isPositive();
            assertThat(total.withRecovery()).as("kills between autosave and save").isPositive()
                    .isLessThan(total.kills());
            assertThat(total.committed()).as("revisions committed").isGreaterThan(total.kills() / 2);
        } finally {
            lanes.shutdownNow();
        }
    }

    private Counts lane(int lane, Random random) throws Exception {
        Map<Path, byte[]> seen = new HashMap<>();
        Path root = null;
        UUID course = null;
        UUID plan = null;
        int newest = 0;
        int killedBeforeReady = 0;
        int aheadOfReport = 0;
        int takeovers = 0;
        int committed = 0;
        int withRecovery = 0;
        for (int kill = 0; kill < KILLS_PER_LANE; kill++) {
            String name = "lane " + lane + " kill " + kill;
            if (kill % KILLS_PER_STORE == 0) {
                root = temp.resolve("store-" + lane + "-" + kill / KILLS_PER_STORE);
                course = new UUID(random.nextLong(), random.nextLong());
                plan = new UUID(random.nextLong(), random.nextLong());
                newest = 0;
                seen.clear();
            }
            Path errors = temp.resolve("child-" + lane + "-" + kill + ".err");
            ChildJvm child = ChildJvm.start(errors, "loop", root.toString(), course.toString(), plan.toString());
            if (random.nextInt(10) == 0) {
                Thread.sleep(random.nextInt(600));
            } else {
                assertThat(child.await("ready", Duration.ofSeconds(60))).as("%s: started", name).isNotNull();
                if (random.nextInt(4) != 0) {
                    // the kill point follows a commit, so that the run commits whatever the machine's load
                    assertThat(child.await("committed ", Duration.ofSeconds(60))).as("%s: committed", name)
                            .isNotNull();
                }
                Thread.sleep(random.nextInt(5) == 0 ? 100 + random.nextInt(300) : random.nextInt(80));
            }
            List<String> lines = child.kill();
            int reported = newest;
            boolean ready = false;
            for (String line : lines) {
                if (line.startsWith("ready ")) {
                    ready = true;
                    assertThat(Integer.parseInt(line.substring(6))).as("%s: started from the newest", name)
                            .isEqualTo(newest);
                } else if (line.startsWith("committed ")) {
                    int n = Integer.parseInt(line.substring(10));
                    assertThat(n).as("%s: committed in sequence", name).isEqualTo(reported + 1);
                    reported = n;
                    committed++;
                } else if (line.startsWith("takeover ")) {
                    takeovers++;
                } else {
                    throw new AssertionError(name + ": the child printed " + line + "; its errors: "
                            + Files.readString(errors));
                }
            }
            killedBeforeReady += ready ? 0 : 1;

            if (!Files.isDirectory(root)) {
                assertThat(reported).as("%s: killed before the store was created", name).isZero();
                continue;
            }
            // a kill between a save's revision and its index update leaves the derived indexes one save behind:
            // verify-store rebuilds them and says so; the history itself must be intact (a kill before the
            // course's first save leaves its folder with neither record nor revision, which it names)
            assertThat(StoreVerifier.verify(root).problems()).as("%s: verify-store", name)
                    .allMatch(p -> p.severity() == VerifyReport.Severity.WARNING && (INDEXES.contains(
                            p.file().getFileName().toString())
                            || p.message().contains(": neither a course record nor a revision")));
            Path revisions = root.resolve("courses").resolve(course.toString()).resolve("revisions");
            List<RevisionName> names = PlanStore.revisionNames(revisions);
            int onDisk = names.isEmpty() ? 0 : names.get(names.size() - 1).sequence();
            assertThat(onDisk).as("%s: newest on disk, last reported %d", name, reported)
                    .isBetween(reported, reported + 1);
            aheadOfReport += onDisk - reported;
            for (Map.Entry<Path, byte[]> e : seen.entrySet()) {
                assertThat(Files.readAllBytes(e.getKey())).as("%s: %s unchanged", name, e.getKey())
                        .isEqualTo(e.getValue());
            }
            for (RevisionName n : names) {
                seen.computeIfAbsent(revisions.resolve(n.fileName()), PlanStoreTestFiles::read);
            }
            PlanStore store = new PlanStore(root);
            if (onDisk > 0) {
                assertThat(store.latest(course, plan).orElseThrow().plan()).as("%s: newest plan", name)
                        .isEqualTo(TestPlans.numbered(course, plan, onDisk));
            }
            List<Recovery> recoverable = store.recoverable(course);
            if (!recoverable.isEmpty()) {
                withRecovery++;
                assertThat(recoverable).as("%s: recoverable", name).singleElement().extracting(Recovery::plan)
                        .isEqualTo(TestPlans.numbered(course, plan, onDisk + 1));
            }
            newest = onDisk;
        }
        return new Counts(KILLS_PER_LANE, killedBeforeReady, committed, aheadOfReport, takeovers, withRecovery);
    }
}
