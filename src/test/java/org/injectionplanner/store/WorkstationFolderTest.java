package org.injectionplanner.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Everything the store keeps per workstation goes to the {@link WorkstationFolder}: the folder named by
 * {@code injectionplanner.home} when set (as the build sets it for every test), else {@code .injection-planner}
 * in the home folder. Each case runs the writers in a child process with an empty home folder of its own.
 */
class WorkstationFolderTest {

    private static final List<String> WRITTEN = List.of("clinician.json", "keys/admin.json",
            "keys/keyring-administrators.json", "seen-courses.json");

    @TempDir
    Path dir;

    @Test
    void theBuildPointsTheTestsAtAFolderOutsideTheHomeFolder() {
        assertThat(System.getProperty(WorkstationFolder.PROPERTY)).as("set by the surefire/failsafe configuration")
                .isNotBlank();
        assertThat(WorkstationFolder.path()).isEqualTo(Path.of(System.getProperty(WorkstationFolder.PROPERTY))
                .toAbsolutePath());
        assertThat(WorkstationFolder.path().startsWith(Path.of(System.getProperty("user.home"))))
                .as("%s is in the home folder", WorkstationFolder.path()).isFalse();
    }

    @Test
    void withThePropertyNothingIsWrittenIntoTheHomeFolder() throws Exception {
        Path home = Files.createDirectories(dir.resolve("home"));
        Path workstation = dir.resolve("workstation");
        runWriters(Map.of("user.home", home.toString(), WorkstationFolder.PROPERTY, workstation.toString()));
        assertThat(entries(home)).as("the home folder").isEmpty();
        for (String file : WRITTEN) {
            assertThat(workstation.resolve(file)).isRegularFile();
        }
        assertThat(Files.readString(workstation.resolve("clinician.json"))).contains("Dr W");
    }

    @Test
    void withoutItTheFolderIsDotInjectionPlannerInTheHomeFolder() throws Exception {
        Path home = Files.createDirectories(dir.resolve("home"));
        runWriters(Map.of("user.home", home.toString()));
        assertThat(entries(home)).containsExactly(home.resolve(".injection-planner"));
        for (String file : WRITTEN) {
            assertThat(home.resolve(".injection-planner").resolve(file)).isRegularFile();
        }
    }

    /** Runs the store's workstation writers (a store in {@code dir/store}) in a child with {@code properties}. */
    private void runWriters(Map<String, String> properties) throws Exception {
        Path errors = dir.resolve("child-errors.txt");
        ChildJvm child = ChildJvm.start(errors, properties, "workstation", dir.resolve("store").toString(),
                TestPlans.COURSE.toString(), TestPlans.PLAN.toString());
        String done = child.await("done", Duration.ofSeconds(60));
        List<String> lines = child.finish();
        assertThat(done).as("the child's output %s and errors:%n%s", lines, Files.readString(errors))
                .isEqualTo("done");
        assertThat(child.process().exitValue()).isZero();
    }

    private static List<Path> entries(Path folder) throws IOException {
        try (Stream<Path> all = Files.list(folder)) {
            return all.toList();
        }
    }
}
