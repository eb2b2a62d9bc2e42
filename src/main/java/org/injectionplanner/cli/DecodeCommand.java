package org.injectionplanner.cli;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import org.injectionplanner.dicom.DicomFile;
import org.injectionplanner.dicom.Frame;
import org.injectionplanner.dicom.FrameDecoding;

/**
 * {@code decode FILE --out DIR}: writes all frames in the canonical form to {@code DIR/frames.raw} and
 * their layout to {@code DIR/decode.json}, with the reader's warnings (also printed, one
 * {@code warning: FILE: ...} line each).
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
        if (Files.exists(dir) && !Files.isDirectory(dir)) {
            throw new IOException("cannot write to " + dir + ": not a folder");
        }
        Files.createDirectories(dir);
        Path rawFile = dir.resolve("frames.raw");
        try (DicomFile file = DicomFile.open(Path.of(args[0]))) {
            Frame[] first = new Frame[1];
            try (OutputStream raw = new BufferedOutputStream(Files.newOutputStream(rawFile), 1 << 20)) {
                FrameDecoding.decodeAll(file, FrameDecoding.defaultThreads(), (number, frame) -> {
                    if (number == 1) {
                        first[0] = frame;
                    }
                    frame.writeTo(raw);
                });
            } catch (IOException e) {
                throw Main.writeFailure(rawFile, e);
            }
            StringWriter json = new StringWriter();
            // jackson-core alone: ObjectMapper's start-up would cost more than decoding a small file
            try (JsonGenerator g = new JsonFactory().createGenerator(json).useDefaultPrettyPrinter()) {
                g.writeStartObject();
                g.writeNumberField("rows", first[0].rows());
                g.writeNumberField("columns", first[0].columns());
                g.writeNumberField("frames", file.frameCount());
                g.writeNumberField("samples", first[0].type().samples());
                g.writeStringField("dtype", first[0].type().dtype());
                if (!file.warnings().isEmpty()) {
                    g.writeArrayFieldStart("warnings");
                    for (String w : file.warnings()) {
                        g.writeString(w);
                    }
                    g.writeEndArray();
                }
                g.writeEndObject();
            }
            Path jsonFile = dir.resolve("decode.json");
            try {
                Files.writeString(jsonFile, json.toString());
            } catch (IOException e) {
                throw Main.writeFailure(jsonFile, e);
            }
            for (String w : file.warnings()) {
                out.println("warning: " + file.name() + ": " + w);
            }
        }
        return 0;
    }
}
