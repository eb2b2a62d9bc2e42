package org.injectionplanner.imagej.gui;

import ij.IJ;
import ij.ImageJ;
import java.awt.Rectangle;
import java.awt.Robot;
import java.awt.Toolkit;
import java.awt.image.BufferedImage;
import java.io.File;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import javax.imageio.ImageIO;

/**
 * Runs inside a child JVM with a display: starts a real ImageJ (plugins from {@code -Dplugins.dir}),
 * runs a macro file, writes the Log to {@code OUT.log}, optionally screenshots the screen, and exits.
 * A command's error aborts a macro with a modal dialog, so a scenario that expects an error names the
 * command line in {@code -Dgui.expectError="Command|options"}: the driver runs it first through
 * {@code IJ.run} with error messages redirected to the Log, where the test reads them.
 *
 * With {@code -Dgui.crash=true} the JVM halts at the end without running shutdown hooks, as after
 * {@code kill -9}.
 *
 * <p>Arguments: MACRO OUT [SCREENSHOT.png]. The macro receives OUT as its argument.
 */
public final class GuiDriver {

    private GuiDriver() {
    }

    public static void main(String[] args) throws Exception {
        try {
            drive(args);
        } finally {
            if (Boolean.getBoolean("gui.crash")) {
                // like kill -9: no shutdown hooks, nothing flushed or released
                Runtime.getRuntime().halt(137);
            }
            System.exit(0);
        }
    }

    private static void drive(String[] args) throws Exception {
        Path macro = Path.of(args[0]);
        Path out = Path.of(args[1]);
        new ImageJ();
        String expectError = System.getProperty("gui.expectError");
        if (expectError != null) {
            String[] command = expectError.split("\\|", 2);
            IJ.redirectErrorMessages();
            try {
                IJ.run(command[0], command.length > 1 ? command[1] : "");
            } catch (RuntimeException e) {
                IJ.log("command aborted: " + e.getMessage());
            }
        }
        String result = IJ.runMacroFile(macro.toString(), out.toString());
        if (args.length > 2) {
            Thread.sleep(1500);
            Rectangle screen = new Rectangle(Toolkit.getDefaultToolkit().getScreenSize());
            BufferedImage shot = new Robot().createScreenCapture(screen);
            ImageIO.write(shot, "png", new File(args[2]));
        }
        Files.writeString(Path.of(out + ".log"), IJ.getLog() == null ? "" : IJ.getLog(), StandardCharsets.UTF_8);
        Files.writeString(Path.of(out + ".done"), String.valueOf(result), StandardCharsets.UTF_8);
    }
}
