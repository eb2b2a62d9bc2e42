package org.injectionplanner.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * Two writers of one course whose lock does not hold (its file deleted between saves, as a stale-lock
 * clean-up or a share without a lock manager allows): a revision is never overwritten, so every save
 * confirmed to a writer is in the store, byte for byte. The timeout only guards against a hang.
 */
@Timeout(value = 5, unit = TimeUnit.MINUTES)
class TwoWritersWithoutLockTest {

    /** Saves per writer in one process (two threads), and per process (the child JVMs are slower). */
    private static final int SAVES = 300;
    private static final int PROCESS_SAVES = 100;

    @TempDir
    Path temp;

    @Test
    void twoThreadsCreatingTheSameFilesNeverReplaceOneAnother() throws Exception {
        CyclicBarrier start = new CyclicBarrier(2);
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try {
            List<Future<List<Integer>>> writers = new ArrayList<>();
            for (String writer : List.of("a", "b")) {
                writers.add(pool.submit(() -> {
                    List<Integer> created = new ArrayList<>();
                    for (int k = 0; k < SAVES; k++) {
                        start.await();
                        try {
                            AtomicFiles.createNew(temp.resolve(k + ".json"), (writer + k).getBytes());
                            created.add(k);
                        } catch (FileAlreadyExistsException e) {
                            // the other writer was first: nothing written
                        }
                    }
                    return created;
                }));
            }
            List<Integer> a = writers.get(0).get();
            List<Integer> b = writers.get(1).get();
            for (int k = 0; k < SAVES; k++) {
                boolean byA = a.contains(k);
                assertThat(byA ^ b.contains(k)).as("file %d created by exactly one writer", k).isTrue();
                assertThat(Files.readString(temp.resolve(k + ".json"))).isEqualTo((byA ? "a" : "b") + k);
            }
            try (var left = Files.list(temp)) {
                assertThat(left.filter(StoreLayout::isTemp).toList()).as("temporary files left").isEmpty();
            }
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void twoProcessesSavingWithTheLockFileDeletedLoseNoConfirmedSave() throws Exception {
        Path root = temp.resolve("store");
        UUID course = UUID.randomUUID();
        UUID plan = UUID.randomUUID();
        List<ChildJvm> writers = new ArrayList<>();
        for (String name : List.of("a", "b")) {
            writers.add(ChildJvm.start(temp.resolve(name + ".err"), "race", root.toString(), course.toString(),
                    plan.toString(), Integer.toString(PROCESS_SAVES), name));
        }
        Map<Integer, String> confirmed = new HashMap<>();
        int conflicts = 0;
        for (ChildJvm writer : writers) {
            assertThat(writer.await("done", Duration.ofMinutes(4))).as("writer finished; its errors are in "
                    + temp).isNotNull();
            for (String line : writer.finish()) {
                String[] parts = line.split(" ");
                if (parts[0].equals("committed")) {
                    String before = confirmed.put(Integer.parseInt(parts[1]), parts[2]);
                    assertThat(before).as("revision %s confirmed to both writers", parts[1]).isNull();
                } else if (parts[0].equals("conflict") || parts[0].equals("locked") || parts[0].equals("failed")) {
                    conflicts++;
                }
            }
        }
        List<Revision> history = new PlanStore(root).history(course);
        assertThat(history).hasSize(confirmed.size());
        for (Revision r : history) {
            assertThat(r.fileSha256()).as("revision %d holds the confirmed save", r.header().sequence())
                    .isEqualTo(confirmed.get(r.header().sequence()));
        }
        assertThat(confirmed.size() + conflicts).isEqualTo(2 * PROCESS_SAVES);
        assertThat(StoreVerifier.verify(root).breaks()).isEmpty();
    }
}
