package org.injectionplanner.cli;

import java.io.PrintStream;
import java.nio.file.Path;
import org.injectionplanner.sample.DemoStudies;

/** {@code generate-samples [DIR]}: writes the synthetic demo studies (default {@code sample-dicom}). */
final class GenerateSamplesCommand implements Main.Command {

    @Override
    public String usage() {
        return "generate-samples [DIR]       write the synthetic demo studies (default: sample-dicom)";
    }

    @Override
    public int run(String[] args, PrintStream out) throws Exception {
        if (args.length > 1) {
            throw new Main.UsageException("generate-samples takes at most one DIR");
        }
        Path dir = Path.of(args.length == 1 ? args[0] : "sample-dicom");
        for (Path file : DemoStudies.generate(dir)) {
            out.println(file);
        }
        return 0;
    }
}
