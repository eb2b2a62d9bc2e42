package org.injectionplanner.imagej.gui;

import ij.IJ;
import ij.ImageJ;
import ij.WindowManager;
import ij.gui.MessageDialog;
import ij.gui.MultiLineLabel;
import ij.text.TextWindow;
import java.awt.Component;
import java.awt.Container;
import java.awt.Dialog;
import java.awt.EventQueue;
import java.awt.Label;
import java.awt.Rectangle;
import java.awt.Robot;
import java.awt.Toolkit;
import java.awt.Window;
import java.awt.image.BufferedImage;
import java.io.File;
import java.io.IOException;
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
 * Any other error or message dialog (IJ.error, IJ.showMessage, a macro error) would block the macro
 * until GuiSession's timeout: the driver prints its title and text and exits at once with status 3. So
 * it does when a macro's {@code call(...)} throws (ImageJ shows the stack trace in a window titled
 * "Exception" and the macro goes on with an empty result).
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
        failFastOnMessageDialogs(out);
        placeLogBelowImages();
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
        // a call(...) that threw in the macro's last lines: the watcher may not have looked since
        EventQueue.invokeAndWait(() -> { });
        haltIfBlocked(out);
        if (args.length > 2) {
            // every repaint asked for so far done, and drawn by the X server
            Robot robot = new Robot();
            EventQueue.invokeAndWait(() -> { });
            robot.waitForIdle();
            Rectangle screen = new Rectangle(Toolkit.getDefaultToolkit().getScreenSize());
            BufferedImage shot = robot.createScreenCapture(screen);
            ImageIO.write(shot, "png", new File(args[2]));
        }
        Files.writeString(Path.of(out + ".log"), IJ.getLog() == null ? "" : IJ.getLog(), StandardCharsets.UTF_8);
        Files.writeString(Path.of(out + ".done"), String.valueOf(result), StandardCharsets.UTF_8);
    }

    /**
     * Opens the Log window at the bottom-left of the screen: a macro's call(...) results are logged, and a
     * Log window opened where ImageJ puts it by default covers part of the image windows, where a robot's
     * click would land on the Log instead of the image.
     */
    private static void placeLogBelowImages() {
        IJ.log("GuiDriver: ImageJ started");
        Window log = WindowManager.getWindow("Log");
        if (log != null) {
            log.setBounds(0, 700, 500, 250);
        }
    }

    private static void failFastOnMessageDialogs(Path out) {
        Thread watcher = new Thread(() -> {
            while (true) {
                haltIfBlocked(out);
                try {
                    Thread.sleep(250);
                } catch (InterruptedException e) {
                    return;
                }
            }
        }, "gui-driver-dialog-watcher");
        watcher.setDaemon(true);
        watcher.start();
    }

    /**
     * Halts with status 3, after printing what it shows and saving the Log, if an error or message dialog or
     * a call(...)'s exception window is open.
     */
    private static void haltIfBlocked(Path out) {
        for (Window w : Window.getWindows()) {
            String blocking = null;
            if (w instanceof Dialog d && d.isVisible()
                    && (d instanceof MessageDialog || "Macro Error".equals(d.getTitle()))) {
                blocking = "a dialog blocks the macro: \"" + d.getTitle() + "\": " + text(d);
            } else if (w instanceof TextWindow t && t.isVisible() && "Exception".equals(t.getTitle())) {
                // where a macro's call(...) shows what the called method threw
                blocking = "a call(...) threw: " + t.getTextPanel().getText();
            }
            if (blocking != null) {
                System.out.println("GuiDriver: " + blocking);
                System.out.flush();
                try {
                    Files.writeString(Path.of(out + ".log"), IJ.getLog() == null ? "" : IJ.getLog(),
                            StandardCharsets.UTF_8);
                } catch (IOException e) {
                    System.out.println("GuiDriver: the Log could not be saved: " + e);
                }
                Runtime.getRuntime().halt(3);
            }
        }
    }

    /** The text a dialog shows: its labels, in order. */
    private static String text(Container c) {
        StringBuilder text = new StringBuilder();
        for (Component child : c.getComponents()) {
            if (child instanceof MultiLineLabel m) {
                text.append(multiLineText(m)).append(' ');
            } else if (child instanceof Label l) {
                text.append(l.getText()).append(' ');
            } else if (child instanceof Container inner) {
                text.append(text(inner));
            }
        }
        return text.toString();
    }

    /** ImageJ's MultiLineLabel keeps its lines in a package-private field. */
    private static String multiLineText(MultiLineLabel label) {
        try {
            java.lang.reflect.Field lines = MultiLineLabel.class.getDeclaredField("lines");
            lines.setAccessible(true);
            return String.join(" / ", (String[]) lines.get(label));
        } catch (ReflectiveOperationException e) {
            return "(text unreadable: " + e + ")";
        }
    }
}
