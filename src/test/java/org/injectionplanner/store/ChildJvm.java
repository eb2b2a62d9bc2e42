package org.injectionplanner.store;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/**
 * A {@link StoreTestChild} in a separate Java process, on the test class path, with its output lines
 * collected by a reader thread (which reads to the end, so no line written before a kill is missed).
 */
final class ChildJvm {

    private static final String END = "\u0000end";

    private final Process process;
    private final BlockingQueue<String> lines = new LinkedBlockingQueue<>();
    private final List<String> seen = new ArrayList<>();
    private final Thread reader;

    private ChildJvm(Process process) {
        this.process = process;
        this.reader = new Thread(this::readAll, "child-output-" + process.pid());
        reader.setDaemon(true);
        reader.start();
    }

    /**
     * Starts {@code StoreTestChild} with {@code args}, with this process's home and workstation folder; its
     * standard error goes to {@code errors}.
     */
    static ChildJvm start(Path errors, String... args) throws IOException {
        Map<String, String> properties = new LinkedHashMap<>();
        properties.put("user.home", System.getProperty("user.home"));
        String workstation = System.getProperty(WorkstationFolder.PROPERTY);
        if (workstation != null) {
            properties.put(WorkstationFolder.PROPERTY, workstation);
        }
        return start(errors, properties, args);
    }

    /** Starts {@code StoreTestChild} with {@code args} and only the system {@code properties} given. */
    static ChildJvm start(Path errors, Map<String, String> properties, String... args) throws IOException {
        List<String> command = new ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", classPath(), "-Xshare:auto", "-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC", "-XX:-UsePerfData",
                "-Xmx96m"));
        properties.forEach((name, value) -> command.add("-D" + name + "=" + value));
        command.add(StoreTestChild.class.getName());
        command.addAll(List.of(args));
        return new ChildJvm(new ProcessBuilder(command).redirectError(errors.toFile()).start());
    }

    private static String classPath() {
        String surefire = System.getProperty("surefire.test.class.path");
        return surefire != null && !surefire.isBlank() ? surefire : System.getProperty("java.class.path");
    }

    private void readAll() {
        try (BufferedReader in = new BufferedReader(new InputStreamReader(process.getInputStream(),
                StandardCharsets.UTF_8))) {
            String line;
            while ((line = in.readLine()) != null) {
                lines.add(line);
            }
        } catch (IOException e) {
            lines.add("error reading the child's output: " + e);
        } finally {
            lines.add(END);
        }
    }

    /** The process. */
    Process process() {
        return process;
    }

    /**
     * Waits for a line starting with {@code prefix} and returns it, or null if the child ended or the
     * time ran out first. Lines passed over are kept in {@link #seen()}.
     */
    String await(String prefix, Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (true) {
            String line = lines.poll(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
            if (line == null || line.equals(END)) {
                if (line != null) {
                    lines.add(END);
                }
                return null;
            }
            seen.add(line);
            if (line.startsWith(prefix)) {
                return line;
            }
        }
    }

    /** Sends a line to the child's standard input. */
    void send(String line) throws IOException {
        Writer w = new OutputStreamWriter(process.getOutputStream(), StandardCharsets.UTF_8);
        w.write(line + "\n");
        w.flush();
    }

    /**
     * SIGKILL (on POSIX), then waits for the end of the process and of its output; returns every line.
     * Kills through the process handle: {@code Process.destroyForcibly()} would also close the pipes and
     * lose lines the child wrote just before it died.
     */
    List<String> kill() throws InterruptedException {
        process.toHandle().destroyForcibly();
        return finish();
    }

    /** Waits for the process to end by itself and returns every line it printed. */
    List<String> finish() throws InterruptedException {
        if (!process.waitFor(60, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            throw new AssertionError("the child did not end within a minute");
        }
        reader.join(TimeUnit.SECONDS.toMillis(30));
        String line;
        while ((line = lines.poll()) != null) {
            if (!line.equals(END)) {
                seen.add(line);
            }
        }
        return List.copyOf(seen);
    }
}
