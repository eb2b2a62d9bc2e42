package org.injectionplanner.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Two processes writing one course: one is refused; a killed holder's lock is taken over. */
class StoreLockProcessTest {

    private static final Duration WAIT = Duration.ofSeconds(60);

    @TempDir
    Path temp;

    private final UUID course = UUID.randomUUID();
    private final UUID plan = UUID.randomUUID();

    private ChildJvm hold(String name, int saves) throws Exception {
        return ChildJvm.start(temp.resolve(name + ".err"), "hold", temp.resolve("store").toString(),
                course.toString(), plan.toString(), Integer.toString(saves));
    }

    @Test
    void twoProcessesSavingOneCourseOneIsRefusedAndNothingIsLost() throws Exception {
        ChildJvm a = hold("a", 25);
        ChildJvm b = hold("b", 25);
        ChildJvm holder = null;
        ChildJvm refused = null;
        String message = null;
        for (ChildJvm child : List.of(a, b)) {
            String line = child.await("holding", WAIT);
            if (line == null) {
                List<String> lines = child.finish();
                assertThat(child.process().exitValue()).as("refused child's exit status").isEqualTo(3);
                message = lines.stream().filter(l -> l.startsWith("locked ")).findFirst().orElseThrow();
                refused = child;
            } else {
                holder = child;
            }
        }
        assertThat(holder).as("one process holds the course").isNotNull();
        assertThat(refused).as("the other was refused").isNotNull();
        // Both start at once: the refused one may look before the holder has written its owner record
        // (it waits for it a while, but a loaded machine can take longer), and is then refused without a name.
        assertThat(message).startsWith("locked course " + course + " is open ").endsWith(": close it there first");
        if (message.contains(" on workstation ")) {
            assertThat(message).contains("(process " + holder.process().pid() + ", user ", ") since ");
        } else {
            assertThat(message).contains("is not written yet or unreadable");
        }

        holder.send("close");
        List<String> lines = holder.finish();
        assertThat(lines).filteredOn(l -> l.startsWith("committed ")).hasSize(25);
        assertThat(lines).endsWith("closed");
        List<Revision> history = new PlanStore(temp.resolve("store")).history(course);
        assertThat(history).hasSize(25);
        for (Revision r : history) {
            assertThat(r.plan()).isEqualTo(TestPlans.numbered(course, plan, r.header().sequence()));
        }
        assertThat(StoreVerifier.verify(temp.resolve("store")).problems()).isEmpty();
    }

    @Test
    void theLockOfAKilledHolderIsTakenOverSayingWhose() throws Exception {
        ChildJvm first = hold("first", 3);
        assertThat(first.await("holding", WAIT)).isNotNull();
        long firstPid = first.process().pid();
        first.kill();

        ChildJvm second = hold("second", 2);
        assertThat(second.await("holding", WAIT)).isNotNull();
        second.send("close");
        List<String> lines = second.finish();
        assertThat(lines).first().isEqualTo("opened");
        assertThat(lines.get(1)).startsWith("takeover took over the lock of course " + course + " held by workstation ")
                .contains("(process " + firstPid + ", user ", "a process that is no longer running");
        assertThat(lines).contains("committed 4", "committed 5");
        assertThat(StoreVerifier.verify(temp.resolve("store")).problems()).isEmpty();
        assertThat(new PlanStore(temp.resolve("store")).history(course)).hasSize(5);
    }

    @Test
    void whileAnotherProcessHoldsTheCourseThisOneIsRefused() throws Exception {
        ChildJvm holder = hold("holder", 1);
        assertThat(holder.await("holding", WAIT)).isNotNull();
        PlanStore store = new PlanStore(temp.resolve("store"));
        try {
            store.open(course).close();
            throw new AssertionError("opened a course another process holds");
        } catch (StoreLockedException e) {
            assertThat(e.holder()).hasValueSatisfying(o -> assertThat(o.pid()).isEqualTo(holder.process().pid()));
            assertThat(e.getMessage()).startsWith("course " + course + " is open on workstation ")
                    .contains("(process " + holder.process().pid() + ", user ", ") since ")
                    .endsWith(": close it there first");
        }
        holder.send("close");
        holder.finish();
        try (OpenCourse course2 = store.open(course)) {
            assertThat(course2.takeoverNotice()).isEmpty();
            assertThat(course2.newestSequence()).isEqualTo(1);
        }
    }
}
