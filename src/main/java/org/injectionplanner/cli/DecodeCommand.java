package org.injectionplanner.cli;

import java.io.BufferedOutputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import org.injectionplanner.dicom.DicomFile;
import org.injectionplanner.dicom.Frame;
import org.injectionplanner.dicom.FrameDecoding;

/**
 * {@code decode FILE --out DIR}: writes all frames in the canonical form to {@code DIR/frames.raw} and
 * their layout to {@code DIR/decode.json}.
 */
final class DecodeCommand implements Main.Command {

    @Override
    public String usage() {
        return "decode FILE --out DIR        write all frames to DIR/frames.raw and DIR/decode.json";
    }

    @Override
    public int run(String[] args, PrintStream out) throws Exception {
        if (args.length != 3 || !args[1].equals("--out")) {
            throw new Main.UsageException("decode takes FILE --out DIR");
        }
        Path dir = Path.of(args[2]);
        Files.createDirectories(dir);
        try (DicomFile file = DicomFile.open(Path.of(args[0]));
                OutputStream raw = new BufferedOutputStream(Files.newOutputStream(dir.resolve("frames.raw")),
                        1 << 20)) {
            Frame[] first = new Frame[1];
            FrameDecoding.decodeAll(file, FrameDecoding.defaultThreads(), (number, frame) -> {
                if (number == 1) {
                    first[0] = frame;
                }
                frame.writeTo(raw);
            });
            Map<String, Object> json = new LinkedHashMap<>();
            json.put("rows", first[0].rows());
            json.put("columns", first[0].columns());
            json.put("frames", file.frameCount());
            json.put("samples", first[0].type().samples());
            json.put("dtype", first[0].type().dtype());
            Files.writeString(dir.resolve("decode.json"), InspectCommand.JSON.writeValueAsString(json));
        }
        return 0;
    }
}
