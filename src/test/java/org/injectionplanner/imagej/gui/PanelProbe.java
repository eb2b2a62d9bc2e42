package org.injectionplanner.imagej.gui;

import java.awt.Component;
import java.awt.Container;
import java.awt.EventQueue;
import java.awt.Frame;
import java.awt.Label;
import java.awt.TextArea;
import java.awt.event.WindowEvent;

/**
 * What the Plan Panel's comparison section shows, for a GUI test's macro
 * ({@code call("...PanelProbe.comparison")}): its heading, then its text. Read on the event thread after the
 * events already queued (the panel's refresh after an edit), so it shows the plan as edited.
 */
public final class PanelProbe {

    private PanelProbe() {
    }

    /** The heading and lines of the comparison section of the open Plan Panel, or "no Plan Panel". */
    public static String comparison() throws Exception {
        String[] out = {"no Plan Panel"};
        EventQueue.invokeAndWait(() -> {
            for (Frame f : Frame.getFrames()) {
                Component pane = f.isShowing() && f.getTitle().startsWith("Plan Panel") ? named(f) : null;
                if (pane instanceof Container c) {
                    StringBuilder text = new StringBuilder();
                    for (Component part : c.getComponents()) {
                        if (part instanceof Label l) {
                            text.append(l.getText()).append('\n');
                        } else if (part instanceof TextArea t) {
                            text.append(t.getText()).append('\n');
                        }
                    }
                    out[0] = text.toString();
                }
            }
        });
        return out[0];
    }

    /** Closes the open Plan Panel as its window's close box does (so a screenshot shows the images). */
    public static String close() throws Exception {
        EventQueue.invokeAndWait(() -> {
            for (Frame f : Frame.getFrames()) {
                if (f.isShowing() && f.getTitle().startsWith("Plan Panel")) {
                    f.dispatchEvent(new WindowEvent(f, WindowEvent.WINDOW_CLOSING));
                }
            }
        });
        return "closed";
    }

    private static Component named(Container c) {
        for (Component child : c.getComponents()) {
            if ("session comparison".equals(child.getName())) {
                return child;
            }
            if (child instanceof Container inner) {
                Component found = named(inner);
                if (found != null) {
                    return found;
                }
            }
        }
        return null;
    }
}
