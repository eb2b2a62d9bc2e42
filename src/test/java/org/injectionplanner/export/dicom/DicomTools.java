package org.injectionplanner.export.dicom;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/** Runs the DICOM tools of other implementations (dicom3tools, dcmtk) on exported files, for the tests. */
public final class DicomTools {

    private DicomTools() {
    }

    /**
     * What a tool printed and how it ended.
     *
     * @param exit its exit status
     * @param output its standard output and error, together
     */
    public record Run(int exit, String output) {
    }

    /** Runs a command to its end, stdout and stderr together. */
    public static Run run(String... command) throws IOException, InterruptedException {
        Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
        p.getOutputStream().close();
        String output;
        try (InputStream in = p.getInputStream()) {
            output = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        return new Run(p.waitFor(), output);
    }

    /** Whether {@code tool} is an executable on the PATH. */
    public static boolean onPath(String tool) {
        String path = System.getenv("PATH");
        for (String d : path == null ? new String[0] : path.split(File.pathSeparator)) {
            if (Files.isExecutable(Path.of(d, tool))) {
                return true;
            }
        }
        return false;
    }

    /** Fails when a line of the tool's output starts with {@code prefix} (e.g. {@code Error}, {@code W:}). */
    public static void assertNoLine(Run r, String prefix, Path f) {
        for (String line : r.output().lines().toList()) {
            assertTrue(!line.startsWith(prefix), f.getFileName() + ": " + line + "\n" + r.output());
        }
    }
}
