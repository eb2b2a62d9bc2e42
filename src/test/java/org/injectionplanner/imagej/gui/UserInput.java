package org.injectionplanner.imagej.gui;

import ij.IJ;
import ij.ImageJ;
import ij.ImagePlus;
import ij.WindowManager;
import ij.gui.ImageCanvas;
import ij.gui.MultiLineLabel;
import ij.gui.Overlay;
import ij.gui.Roi;
import ij.plugin.frame.Recorder;
import java.awt.AWTEvent;
import java.awt.AWTException;
import java.awt.Button;
import java.awt.Checkbox;
import java.awt.Choice;
import java.awt.Color;
import java.awt.Component;
import java.awt.Container;
import java.awt.Dialog;
import java.awt.Dimension;
import java.awt.FontMetrics;
import java.awt.EventQueue;
import java.awt.Frame;
import java.awt.KeyboardFocusManager;
import java.awt.List;
import java.awt.MouseInfo;
import java.awt.Point;
import java.awt.Rectangle;
import java.awt.Robot;
import java.awt.TextField;
import java.awt.Toolkit;
import java.awt.Window;
import java.awt.event.ActionEvent;
import java.awt.event.ActionListener;
import java.awt.event.InputEvent;
import java.awt.event.ItemEvent;
import java.awt.event.ItemListener;
import java.awt.event.KeyEvent;
import java.awt.event.MouseEvent;
import java.awt.event.TextEvent;
import java.lang.reflect.Field;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Predicate;
import javax.swing.JList;
import javax.swing.JScrollPane;
import javax.swing.JTextArea;
import javax.swing.JViewport;
import javax.swing.ListCellRenderer;
import javax.swing.SwingUtilities;
import javax.swing.text.BadLocationException;

/**
 * A user's hands in the child ImageJ of {@link GuiSession}: real mouse and key events through
 * {@link Robot} (the X server's XTest), for macros to call with {@code call("...UserInput.click", x, y)}.
 * Positions are image pixel coordinates of the current image (sub-pixel, origin at the top-left corner),
 * turned into screen positions through its canvas, so they hold at any zoom. Each mouse method returns
 * only after ImageJ has dispatched the event its last step causes (the X server may deliver events well
 * after {@link Robot#waitForIdle} on a loaded machine); a dialog a click opens stays open for {@link #answer}.
 */
public final class UserInput {

    private static final int STEPS = 8;
    private static final long DIALOG_TIMEOUT_MS = 10_000;
    private static final long EVENT_TIMEOUT_MS = 10_000;
    /** How long opening an image from its file may take, on a loaded machine. */
    private static final long OPEN_TIMEOUT_MS = 60_000;
    private static Robot robot;
    /**
     * The mouse and key events dispatched since the current action began, as {@link #mouseEvent} and
     * {@link #keyEvent} name them; see {@link #awaitEvent}.
     */
    private static final java.util.List<String> DISPATCHED = new CopyOnWriteArrayList<>();
    /** The mouse events dispatched since the current action began, with the component each went to. */
    private static final java.util.List<MouseEvent> MOUSE_DISPATCHED = new CopyOnWriteArrayList<>();
    /** The modal dialogs showing when the current action began; a new one ends an {@link #awaitEvent}. */
    private static Set<Dialog> modalDialogsBefore = Set.of();
    /** Whether this class holds the left button down (between {@link #press} and {@link #release}). */
    private static boolean buttonDown;

    private UserInput() {
    }

    private static synchronized Robot robot() throws AWTException {
        if (robot == null) {
            robot = new Robot();
            robot.setAutoDelay(20);
            Toolkit.getDefaultToolkit().addAWTEventListener(e -> {
                if (e instanceof MouseEvent m) {
                    MOUSE_DISPATCHED.add(m);
                    DISPATCHED.add(mouseEvent(m.getID(), new Point(m.getXOnScreen(), m.getYOnScreen())));
                } else {
                    DISPATCHED.add(keyEvent(e.getID(), ((KeyEvent) e).getKeyCode()));
                }
            }, AWTEvent.MOUSE_EVENT_MASK | AWTEvent.MOUSE_MOTION_EVENT_MASK | AWTEvent.KEY_EVENT_MASK);
        }
        return robot;
    }

    /** The robot, for an action that will {@link #awaitEvent} events it causes from now on. */
    private static Robot startAction() throws AWTException {
        Robot r = robot();
        DISPATCHED.clear();
        MOUSE_DISPATCHED.clear();
        modalDialogsBefore = modalDialogs();
        return r;
    }

    /** Clicks the image point (x, y) in image pixels of the current image. */
    public static String click(String x, String y) throws AWTException {
        Point p = hoverImage(x, y);
        clickHere(p);
        return p.x + "," + p.y;
    }

    /** Clicks where the mouse is, at screen point p. */
    private static void clickHere(Point p) throws AWTException {
        Robot r = startAction();
        r.mousePress(InputEvent.BUTTON1_DOWN_MASK);
        awaitEvent(mouseEvent(MouseEvent.MOUSE_PRESSED, p));
        r.mouseRelease(InputEvent.BUTTON1_DOWN_MASK);
        awaitEvent(mouseEvent(MouseEvent.MOUSE_RELEASED, p));
    }

    /** Presses at (x1, y1), drags in small steps to (x2, y2) and releases; image pixels of the current image. */
    public static String drag(String x1, String y1, String x2, String y2) throws AWTException {
        Point a = hoverImage(x1, y1);
        Point b = onScreen(x2, y2);
        dragFromHere(a, b);
        return b.x + "," + b.y;
    }

    /** Moves to the image point (x, y) and presses the left button, keeping it down (see {@link #release}). */
    public static String press(String x, String y) throws AWTException {
        Point p = hoverImage(x, y);
        Robot r = startAction();
        r.mousePress(InputEvent.BUTTON1_DOWN_MASK);
        buttonDown = true;
        awaitEvent(mouseEvent(MouseEvent.MOUSE_PRESSED, p));
        return p.x + "," + p.y;
    }

    /** Moves the mouse in small steps to the image point (x, y), dragging if a button is down. */
    public static String moveTo(String x, String y) throws AWTException {
        Point b = onScreen(x, y);
        Point a = MouseInfo.getPointerInfo().getLocation();
        Robot r = startAction();
        for (int i = 1; i <= STEPS; i++) {
            r.mouseMove(a.x + (b.x - a.x) * i / STEPS, a.y + (b.y - a.y) * i / STEPS);
        }
        if (!a.equals(b)) {
            awaitEvent(mouseEvent(buttonDown ? MouseEvent.MOUSE_DRAGGED : MouseEvent.MOUSE_MOVED, b));
        }
        return b.x + "," + b.y;
    }

    /** Releases the left button where the mouse is. */
    public static String release() throws AWTException {
        Robot r = startAction();
        r.mouseRelease(InputEvent.BUTTON1_DOWN_MASK);
        buttonDown = false;
        awaitEvent(mouseEvent(MouseEvent.MOUSE_RELEASED, MouseInfo.getPointerInfo().getLocation()));
        return "released";
    }

    /** Presses and releases a key, e.g. {@code DELETE} or {@code DOWN} (a {@code KeyEvent.VK_} name). */
    public static String key(String name) throws AWTException, ReflectiveOperationException {
        typeKey(KeyEvent.class.getField("VK_" + name).getInt(null));
        return name;
    }

    private static void typeKey(int code) throws AWTException {
        Robot r = startAction();
        r.keyPress(code);
        r.keyRelease(code);
        awaitEvent(keyEvent(KeyEvent.KEY_RELEASED, code));
    }

    /**
     * Types {@code text} key by key, as a user does, into whatever holds the keyboard focus: lower-case
     * letters, digits, space and {@code . / -} (upper case with Shift). Returns once the last key's release was
     * dispatched.
     */
    public static String typeText(String text) throws AWTException {
        for (char ch : text.toCharArray()) {
            int code = KeyEvent.getExtendedKeyCodeForChar(Character.toLowerCase(ch));
            if (code == KeyEvent.VK_UNDEFINED) {
                throw new IllegalArgumentException("no key types '" + ch + "'");
            }
            if (Character.isUpperCase(ch)) {
                robot().keyPress(KeyEvent.VK_SHIFT);
                typeKey(code);
                robot().keyRelease(KeyEvent.VK_SHIFT);
            } else {
                typeKey(code);
            }
        }
        return text;
    }

    /**
     * Waits until the keyboard focus is on a control of the open dialog titled {@code title} and names it:
     * {@code checkbox LABEL}, {@code button LABEL}, or {@code field N} for its choices and text fields counted
     * as {@link #answer} counts them.
     *
     * @throws IllegalStateException if no control of the dialog gets the focus within the dialog timeout
     */
    public static String focusOwner(String title) throws Exception {
        Dialog dialog = awaitDialog(title);
        java.util.List<Component> fields = fields(dialog);
        long end = System.currentTimeMillis() + DIALOG_TIMEOUT_MS;
        while (true) {
            Component owner = KeyboardFocusManager.getCurrentKeyboardFocusManager().getFocusOwner();
            if (owner != null && SwingUtilities.getWindowAncestor(owner) == dialog) {
                return owner instanceof Checkbox b ? "checkbox " + b.getLabel()
                        : owner instanceof Button b ? "button " + b.getLabel().trim()
                        : fields.contains(owner) ? "field " + fields.indexOf(owner) : owner.toString();
            }
            if (System.currentTimeMillis() > end) {
                throw new IllegalStateException("no control of dialog \"" + title + "\" has the keyboard focus; "
                        + "it is on " + owner);
            }
            robot().delay(10);
        }
    }

    /**
     * Presses and releases the key {@code name} (e.g. {@code ENTER}) in the open dialog titled {@code title} and
     * waits until the dialog has closed: the key's release then goes to another window, if any.
     */
    public static String keyClosing(String title, String name) throws Exception {
        Dialog dialog = awaitDialog(title);
        int code = KeyEvent.class.getField("VK_" + name).getInt(null);
        Robot r = startAction();
        r.keyPress(code);
        r.keyRelease(code);
        long end = System.currentTimeMillis() + DIALOG_TIMEOUT_MS;
        while (dialog.isShowing()) {
            if (System.currentTimeMillis() > end) {
                throw new IllegalStateException("dialog \"" + title + "\" did not close on " + name);
            }
            r.delay(10);
        }
        r.waitForIdle();
        return title;
    }

    /**
     * Waits until a row of the Swing list in the window titled {@code titleStart...} (the Plan Panel's session
     * map) starts with {@code prefix}, and returns that row.
     */
    public static String awaitRow(String titleStart, String prefix) throws Exception {
        long end = System.currentTimeMillis() + EVENT_TIMEOUT_MS;
        while (true) {
            for (String row : rows(titleStart).split("\n")) {
                if (row.startsWith(prefix)) {
                    return row;
                }
            }
            if (System.currentTimeMillis() > end) {
                throw new IllegalStateException("no row starting with \"" + prefix + "\" in \"" + titleStart
                        + "\"; the rows:\n" + rows(titleStart));
            }
            robot().delay(10);
        }
    }

    /**
     * Waits until ImageJ's status bar starts with {@code statusPrefix} (e.g. what a command started by
     * doCommand says when it is done) and returns its text.
     */
    public static String awaitStatus(String statusPrefix) throws AWTException {
        long end = System.currentTimeMillis() + EVENT_TIMEOUT_MS;
        while (!String.valueOf(ImageJ.getStatusBarText()).startsWith(statusPrefix)) {
            if (System.currentTimeMillis() > end) {
                throw new IllegalStateException("the status never started with \"" + statusPrefix + "\"; it says \""
                        + ImageJ.getStatusBarText() + "\"");
            }
            robot().delay(10);
        }
        return ImageJ.getStatusBarText();
    }

    /**
     * Presses Esc once ImageJ's status bar starts with {@code statusPrefix} (e.g. while a command runs on the
     * macro's thread), from a thread of its own; returns at once. Logs the status it saw before pressing.
     * Gives up, pressing nothing, when the status does not show within {@code EVENT_TIMEOUT_MS} × 6.
     */
    public static String escapeWhenStatus(String statusPrefix) {
        Thread presser = new Thread(() -> {
            long end = System.currentTimeMillis() + 6 * EVENT_TIMEOUT_MS;
            try {
                while (!String.valueOf(ImageJ.getStatusBarText()).startsWith(statusPrefix)) {
                    if (System.currentTimeMillis() > end) {
                        IJ.log("UserInput: the status never started with " + statusPrefix + "; Esc not pressed");
                        return;
                    }
                    robot().delay(5);
                }
                IJ.log("UserInput: pressing Esc while the status says: " + ImageJ.getStatusBarText());
                typeKey(KeyEvent.VK_ESCAPE);
            } catch (AWTException | RuntimeException e) {
                IJ.log("UserInput: Esc could not be pressed: " + e);
            }
        }, "user-input-escape");
        presser.setDaemon(true);
        presser.start();
        return "waiting for " + statusPrefix;
    }

    /**
     * Runs a command that is expected to refuse (e.g. an edit on a read-only window) with its error sent to
     * the Log instead of a dialog, outside the macro's thread so that the refusal does not abort the macro;
     * returns what the command logged.
     */
    public static String refused(String command, String options) throws InterruptedException {
        int before = IJ.getLog() == null ? 0 : IJ.getLog().length();
        Thread run = new Thread(() -> {
            IJ.redirectErrorMessages();
            IJ.run(command, options);
        }, "refused-command");
        run.start();
        run.join();
        String log = IJ.getLog() == null ? "" : IJ.getLog();
        return log.substring(Math.min(before, log.length()));
    }

    /**
     * Fills the open dialog titled {@code title}: its choices and text fields in order get the values
     * of {@code values} ("|"-separated; an empty value leaves a field as it is), then presses OK.
     */
    public static String answer(String title, String values) throws Exception {
        Dialog dialog = awaitDialog(title);
        java.util.List<Component> fields = fields(dialog);
        String[] v = values.split("\\|", -1);
        if (v.length > fields.size()) {
            throw new IllegalStateException("dialog \"" + title + "\" has " + fields.size() + " fields, got "
                    + v.length + " values");
        }
        onEventThread(() -> {
            for (int i = 0; i < v.length; i++) {
                if (v[i].isEmpty()) {
                    continue;
                }
                if (fields.get(i) instanceof Choice c) {
                    c.select(v[i]);
                    if (!v[i].equals(c.getSelectedItem())) {
                        throw new IllegalStateException("no choice \"" + v[i] + "\" in dialog \"" + title + "\"");
                    }
                } else {
                    ((TextField) fields.get(i)).setText(v[i]);
                }
            }
        });
        Button ok = find(dialog, "OK");
        // pressed through its listeners: a robot's click on a dialog that the X server (with no window
        // manager) is still mapping is sometimes lost
        onEventThread(() -> {
            for (ActionListener l : ok.getActionListeners()) {
                l.actionPerformed(new ActionEvent(ok, ActionEvent.ACTION_PERFORMED, ok.getLabel()));
            }
        });
        long end = System.currentTimeMillis() + DIALOG_TIMEOUT_MS;
        while (dialog.isShowing() && System.currentTimeMillis() < end) {
            Thread.sleep(50);
        }
        if (dialog.isShowing()) {
            throw new IllegalStateException("dialog \"" + title + "\" did not close on OK");
        }
        robot().waitForIdle();
        return title;
    }

    /**
     * Presses the button labelled {@code label} in the window titled {@code titleStart...} (e.g. the Plan
     * Panel's "Injection..."), through its listeners as {@link #answer} presses OK: a command it starts runs
     * on its own thread, so its dialog stays open for the next calls.
     */
    public static String push(String titleStart, String label) throws Exception {
        Button button = find(frameTitled(titleStart), label);
        onEventThread(() -> {
            for (ActionListener l : button.getActionListeners()) {
                l.actionPerformed(new ActionEvent(button, ActionEvent.ACTION_PERFORMED, button.getLabel()));
            }
        });
        return label;
    }

    /**
     * Presses the button labelled {@code label} of the open dialog titled {@code title}, as a click does, and
     * returns at once: a button that opens a dialog of its own keeps the event thread until that one closes.
     */
    public static String pressButton(String title, String label) throws Exception {
        Button button = find(awaitDialog(title), label);
        EventQueue.invokeLater(() -> {
            for (ActionListener l : button.getActionListeners()) {
                l.actionPerformed(new ActionEvent(button, ActionEvent.ACTION_PERFORMED, button.getLabel()));
            }
        });
        return label;
    }

    /**
     * Types {@code text} into text field {@code index} of the open dialog titled {@code title} (counted as
     * {@link #answer} counts its fields) as a user's typing ends: the field's text replaced, then the text
     * event the dialog's listeners receive.
     */
    public static String type(String title, String index, String text) throws Exception {
        Dialog dialog = awaitDialog(title);
        TextField field = (TextField) fields(dialog).get(Integer.parseInt(index));
        onEventThread(() -> {
            field.setText(text);
            field.dispatchEvent(new TextEvent(field, TextEvent.TEXT_VALUE_CHANGED));
        });
        return text;
    }

    /**
     * Waits until field {@code index} of the open dialog titled {@code title} shows {@code expected}, then
     * returns what all its fields show, "|"-separated.
     *
     * @throws IllegalStateException if it does not within the dialog timeout, with what the fields show
     */
    public static String awaitField(String title, String index, String expected) throws Exception {
        Dialog dialog = awaitDialog(title);
        java.util.List<Component> fields = fields(dialog);
        long end = System.currentTimeMillis() + DIALOG_TIMEOUT_MS;
        while (true) {
            String[] shown = new String[fields.size()];
            onEventThread(() -> {
                for (int i = 0; i < shown.length; i++) {
                    shown[i] = fields.get(i) instanceof Choice c ? c.getSelectedItem()
                            : ((TextField) fields.get(i)).getText();
                }
            });
            if (shown[Integer.parseInt(index)].equals(expected)) {
                return String.join("|", shown);
            }
            if (System.currentTimeMillis() > end) {
                throw new IllegalStateException("field " + index + " of dialog \"" + title + "\" does not show \""
                        + expected + "\"; the fields show " + String.join("|", shown));
            }
            Thread.sleep(50);
        }
    }

    /** The choices and text fields of a dialog, in order. */
    private static java.util.List<Component> fields(Dialog dialog) {
        java.util.List<Component> fields = new ArrayList<>();
        collect(dialog, fields);
        return fields;
    }

    /** Ticks the checkbox of the open dialog titled {@code title} whose label starts with {@code labelStart}. */
    public static String tick(String title, String labelStart) throws Exception {
        Component found = first(awaitDialog(title),
                c -> c instanceof Checkbox b && b.getLabel().startsWith(labelStart));
        if (found == null) {
            throw new IllegalStateException("no checkbox \"" + labelStart + "...\" in dialog \"" + title + "\"");
        }
        Checkbox box = (Checkbox) found;
        onEventThread(() -> {
            box.setState(true);
            for (ItemListener l : box.getItemListeners()) {
                l.itemStateChanged(new ItemEvent(box, ItemEvent.ITEM_STATE_CHANGED, box, ItemEvent.SELECTED));
            }
        });
        return box.getLabel();
    }

    /**
     * What the open dialog titled {@code title} says, one a line: its messages (a multi-line one's lines joined by
     * spaces) and its choices' items, in order.
     */
    public static String texts(String title) throws Exception {
        Dialog dialog = awaitDialog(title);
        java.util.List<String> out = new ArrayList<>();
        onEventThread(() -> texts(dialog, out));
        return String.join("\n", out);
    }

    private static void texts(Container c, java.util.List<String> out) {
        for (Component child : c.getComponents()) {
            if (child instanceof java.awt.Label l) {
                out.add(l.getText());
            } else if (child instanceof MultiLineLabel m) {
                try {
                    Field lines = MultiLineLabel.class.getDeclaredField("lines");
                    lines.setAccessible(true);
                    out.add(String.join(" ", (String[]) lines.get(m)).strip());
                } catch (ReflectiveOperationException e) {
                    throw new IllegalStateException("cannot read a dialog's message", e);
                }
            } else if (child instanceof Choice choice) {
                for (int i = 0; i < choice.getItemCount(); i++) {
                    out.add(choice.getItem(i));
                }
            } else if (child instanceof Container inner) {
                texts(inner, out);
            }
        }
    }

    /** The label of the first button of the open dialog titled {@code title} whose label starts so, or "". */
    public static String buttonLabel(String title, String labelStart) throws Exception {
        Component found = first(awaitDialog(title), c -> c instanceof Button b && b.getLabel().startsWith(labelStart));
        return found == null ? "" : ((Button) found).getLabel();
    }

    /**
     * Clicks the first row of the list of the window titled {@code title...} (e.g. the Plan Panel),
     * then moves the selection down {@code down} rows with the arrow key, as a user picking a row does.
     */
    public static String pickRow(String titleStart, String down) throws Exception {
        List list = find(frameTitled(titleStart), List.class);
        clickHere(hover(list, new Point(list.getWidth() / 3, list.getFont().getSize() / 2 + 3)));
        long end = System.currentTimeMillis() + EVENT_TIMEOUT_MS;
        while (!list.isFocusOwner()) {
            if (System.currentTimeMillis() > end) {
                throw new IllegalStateException("the list of \"" + titleStart + "\" did not get the keyboard "
                        + "focus on a click; the focus owner is "
                        + KeyboardFocusManager.getCurrentKeyboardFocusManager().getFocusOwner());
            }
            robot().delay(10);
        }
        for (int i = 0; i < Integer.parseInt(down); i++) {
            typeKey(KeyEvent.VK_DOWN);
        }
        return list.getSelectedItem();
    }

    /**
     * Drags, with the mouse, the first row starting with {@code fromPrefix} of the Swing list in the
     * window titled {@code titleStart...} (the Plan Panel's session map) onto the first row starting with
     * {@code toPrefix}, and returns the list's first row afterwards.
     */
    public static String dragRow(String titleStart, String fromPrefix, String toPrefix) throws Exception {
        JList<?> list = find(frameTitled(titleStart), JList.class);
        Point from = rowPoint(list, fromPrefix);
        Point a = hover(list, from);
        Point to = rowPoint(list, toPrefix);
        dragFromHere(a, new Point(a.x - from.x + to.x, a.y - from.y + to.y));
        String[] first = new String[1];
        onEventThread(() -> first[0] = String.valueOf(list.getModel().getElementAt(0)));
        return first[0];
    }

    /**
     * Double-clicks, with the mouse, the first row starting with {@code prefix} of the Swing list in the window
     * titled {@code titleStart...} (the Plan Panel's session map): two clicks in quick succession, then waits until
     * both are dispatched.
     */
    public static String doubleClickRow(String titleStart, String prefix) throws Exception {
        JList<?> list = find(frameTitled(titleStart), JList.class);
        Point p = hover(list, rowPoint(list, prefix));
        Robot r = startAction();
        for (int i = 0; i < 2; i++) {
            r.mousePress(InputEvent.BUTTON1_DOWN_MASK);
            r.mouseRelease(InputEvent.BUTTON1_DOWN_MASK);
        }
        String clicked = mouseEvent(MouseEvent.MOUSE_CLICKED, p);
        long end = System.currentTimeMillis() + EVENT_TIMEOUT_MS;
        while (DISPATCHED.stream().filter(clicked::equals).count() < 2) {
            if (System.currentTimeMillis() > end) {
                throw new IllegalStateException("the double-click on \"" + prefix + "\" was not dispatched within "
                        + EVENT_TIMEOUT_MS + " ms; dispatched meanwhile: " + DISPATCHED);
            }
            robot().delay(10);
        }
        awaitEvent(clicked);
        return prefix;
    }

    /**
     * Waits until an open image whose title starts with {@code titleStart} shows frame {@code frame} (opening it
     * from its file may take a while) and returns its title.
     */
    public static String awaitFrame(String titleStart, String frame) throws Exception {
        long end = System.currentTimeMillis() + OPEN_TIMEOUT_MS;
        while (true) {
            int[] ids = WindowManager.getIDList();
            java.util.List<String> shown = new ArrayList<>();
            for (int id : ids == null ? new int[0] : ids) {
                ImagePlus imp = WindowManager.getImage(id);
                if (imp != null && imp.getTitle().startsWith(titleStart) && frameOf(imp).equals(frame)) {
                    return imp.getTitle();
                }
                if (imp != null) {
                    shown.add("\"" + imp.getTitle() + "\" at frame " + frameOf(imp));
                }
            }
            if (System.currentTimeMillis() > end) {
                throw new IllegalStateException("no open image \"" + titleStart + "...\" showed frame " + frame
                        + " within " + OPEN_TIMEOUT_MS + " ms; open: " + shown);
            }
            robot().delay(10);
        }
    }

    /** The rows of the Swing list in the window titled {@code titleStart...} (the Plan Panel's session map). */
    public static String rows(String titleStart) throws Exception {
        JList<?> list = find(frameTitled(titleStart), JList.class);
        StringBuilder rows = new StringBuilder();
        onEventThread(() -> {
            for (int i = 0; i < list.getModel().getSize(); i++) {
                rows.append(list.getModel().getElementAt(i)).append('\n');
            }
        });
        return rows.toString();
    }

    /**
     * The rows of the Swing list in the window titled {@code titleStart...} (the Plan Panel's session map) as drawn,
     * measured on the event thread: a first line {@code "viewport W hscroll shown|hidden window W H screen W H"} (the
     * width of the list's viewport, whether its horizontal scroll bar shows, the window's and the screen's size, in
     * pixels), then one line per row: the width its cell renderer asks for, a tab, its text.
     */
    @SuppressWarnings("unchecked")
    public static String rowWidths(String titleStart) throws Exception {
        Frame frame = frameTitled(titleStart);
        JList<Object> list = (JList<Object>) find(frame, JList.class);
        settledLocation(list);
        StringBuilder out = new StringBuilder();
        onEventThread(() -> {
            JScrollPane scroll = (JScrollPane) SwingUtilities.getAncestorOfClass(JScrollPane.class, list);
            out.append(widthsHeader(scroll.getViewport().getExtentSize().width,
                    scroll.getHorizontalScrollBar().isVisible(), frame));
            ListCellRenderer<Object> renderer = (ListCellRenderer<Object>) list.getCellRenderer();
            for (int i = 0; i < list.getModel().getSize(); i++) {
                Object row = list.getModel().getElementAt(i);
                int width = renderer.getListCellRendererComponent(list, row, i, false, false).getPreferredSize().width;
                out.append(width).append('\t').append(row).append('\n');
            }
        });
        return out.toString();
    }

    /**
     * The rows of the AWT list in the window titled {@code titleStart...} (the Plan Panel's targets and zones) as
     * drawn, measured on the event thread, in the format of {@link #rowWidths}: the "viewport" is the width the
     * list's X11 peer leaves the rows beside its vertical scroll bar (its width less 17 px for the bar and 2 × 3 px
     * margin), "hscroll" shown where a row is wider than that (the peer's rule for its horizontal scroll bar); each
     * row's width is its text's in the list's font.
     */
    public static String listRowWidths(String titleStart) throws Exception {
        Frame frame = frameTitled(titleStart);
        List list = find(frame, List.class);
        settledLocation(list);
        StringBuilder out = new StringBuilder();
        onEventThread(() -> {
            FontMetrics fm = list.getFontMetrics(list.getFont());
            int viewport = list.getWidth() - 17 - 6;
            boolean wider = false;
            StringBuilder rows = new StringBuilder();
            for (String item : list.getItems()) {
                int width = fm.stringWidth(item);
                wider |= width > viewport;
                rows.append(width).append('\t').append(item).append('\n');
            }
            out.append(widthsHeader(viewport, wider, frame)).append(rows);
        });
        return out.toString();
    }

    /** The first line of {@link #rowWidths} and {@link #listRowWidths}. */
    private static String widthsHeader(int viewport, boolean hscroll, Frame frame) {
        Dimension screen = Toolkit.getDefaultToolkit().getScreenSize();
        return String.format(Locale.ROOT, "viewport %d hscroll %s window %d %d screen %d %d%n", viewport,
                hscroll ? "shown" : "hidden", frame.getWidth(), frame.getHeight(), screen.width, screen.height);
    }

    /**
     * The wrapping text area of the window titled {@code titleStart...} (the Plan Panel's findings) as shown:
     * {@code "right visible unwrapped"} in pixels (the right end of its rightmost character, the width of its
     * viewport, the width of its longest line drawn unwrapped), then its text.
     */
    public static String wrappedText(String titleStart) throws Exception {
        JTextArea area = find(frameTitled(titleStart), JTextArea.class);
        settledLocation(area);
        String[] shown = new String[1];
        Exception[] failed = new Exception[1];
        onEventThread(() -> {
            try {
                double right = 0;
                for (int i = 0; i < area.getDocument().getLength(); i++) {
                    right = Math.max(right, area.modelToView2D(i).getMaxX());
                }
                FontMetrics fm = area.getFontMetrics(area.getFont());
                int unwrapped = area.getText().lines().mapToInt(fm::stringWidth).max().orElse(0);
                int visible = SwingUtilities.getAncestorOfClass(JViewport.class, area).getWidth();
                shown[0] = String.format(Locale.ROOT, "%.0f %d %d%n%s", right, visible, unwrapped, area.getText());
            } catch (BadLocationException e) {
                failed[0] = e;
            }
        });
        if (failed[0] != null) {
            throw failed[0];
        }
        return shown[0];
    }

    /** The title of the window titled {@code titleStart...} (the Plan Panel's names the plan's state). */
    public static String title(String titleStart) throws Exception {
        Frame frame = frameTitled(titleStart);
        String[] title = new String[1];
        onEventThread(() -> title[0] = frame.getTitle());
        return title[0];
    }

    /**
     * The point a third of the way into the visible part of the first row of {@code list} starting with
     * {@code prefix} (scrolled into sight first), in the list's pixels.
     */
    private static Point rowPoint(JList<?> list, String prefix) throws Exception {
        Point[] centre = new Point[1];
        onEventThread(() -> {
            for (int i = 0; i < list.getModel().getSize(); i++) {
                if (String.valueOf(list.getModel().getElementAt(i)).startsWith(prefix)) {
                    // the part of the row in sight: a long row runs on past the scroll pane's edge
                    list.ensureIndexIsVisible(i);
                    Rectangle cell = list.getCellBounds(i, i).intersection(list.getVisibleRect());
                    centre[0] = new Point(cell.x + cell.width / 3, cell.y + cell.height / 2);
                    return;
                }
            }
        });
        if (centre[0] == null) {
            throw new IllegalStateException("no row starting with \"" + prefix + "\"");
        }
        return centre[0];
    }

    /** Moves the window titled {@code title} so that its top-left corner is at screen pixel (x, y). */
    public static String place(String title, String x, String y) throws Exception {
        for (Window w : Window.getWindows()) {
            if (w.isShowing() && (w instanceof Frame f && title.equals(f.getTitle())
                    || w instanceof Dialog d && title.equals(d.getTitle()))) {
                onEventThread(() -> w.setLocation(Integer.parseInt(x), Integer.parseInt(y)));
                robot().waitForIdle();
                return title;
            }
        }
        throw new IllegalStateException("no window titled \"" + title + "\"");
    }

    /** The current image's frame: its T position in a displayed hyperstack, else its slice (1-based). */
    public static String frame() {
        return frameOf(WindowManager.getCurrentImage());
    }

    private static String frameOf(ImagePlus imp) {
        return String.valueOf(imp.isDisplayedHyperStack() ? imp.getT() : imp.getCurrentSlice());
    }

    /**
     * The {@code injectionplanner.id}s of the current image's overlay elements shown on its current
     * frame and drawn in {@code r,g,b} (stroke or fill), sorted and comma-separated.
     */
    public static String drawnIn(String rgb) {
        String[] c = rgb.split(",");
        Color colour = new Color(Integer.parseInt(c[0]), Integer.parseInt(c[1]), Integer.parseInt(c[2]));
        ImagePlus imp = WindowManager.getCurrentImage();
        int frame = Integer.parseInt(frame());
        Overlay ov = imp.getOverlay();
        TreeSet<String> ids = new TreeSet<>();
        for (Roi roi : ov == null ? new Roi[0] : ov.toArray()) {
            int at = imp.isDisplayedHyperStack() ? roi.getTPosition() : roi.getPosition();
            boolean shown = at == 0 || at == frame;
            if (shown && roi.getProperty("injectionplanner.id") != null
                    && (colour.equals(roi.getStrokeColor()) || colour.equals(roi.getFillColor()))) {
                ids.add(roi.getProperty("injectionplanner.id"));
            }
        }
        return String.join(",", ids);
    }

    /** What the Macro Recorder has recorded so far. */
    public static String recorded() {
        Recorder recorder = Recorder.getInstance();
        return recorder == null ? "" : recorder.getText();
    }

    /** Presses where the mouse is, at screen point a, moves in small steps to b and releases there. */
    private static void dragFromHere(Point a, Point b) throws AWTException {
        Robot r = startAction();
        r.mousePress(InputEvent.BUTTON1_DOWN_MASK);
        for (int i = 1; i <= STEPS; i++) {
            r.mouseMove(a.x + (b.x - a.x) * i / STEPS, a.y + (b.y - a.y) * i / STEPS);
        }
        r.mouseRelease(InputEvent.BUTTON1_DOWN_MASK);
        awaitEvent(mouseEvent(MouseEvent.MOUSE_RELEASED, b));
    }

    /**
     * Waits until the event {@code expected} has been dispatched and its listeners (ImageJ's tools) have
     * returned, then until the event queue is idle. A modal dialog that opened since the action began (a
     * tool's dialog opened on the press) ends the wait too: it takes the events.
     */
    private static void awaitEvent(String expected) throws AWTException {
        long end = System.currentTimeMillis() + EVENT_TIMEOUT_MS;
        while (!DISPATCHED.contains(expected) && modalDialogsBefore.containsAll(modalDialogs())) {
            if (System.currentTimeMillis() > end) {
                throw new IllegalStateException("no event " + expected + " within " + EVENT_TIMEOUT_MS
                        + " ms; dispatched meanwhile: " + DISPATCHED);
            }
            robot().delay(10);
        }
        awaitIdle();
    }

    /** Waits until the listeners of the events dispatched so far have returned and the event queue is idle. */
    private static void awaitIdle() throws AWTException {
        try {
            onEventThread(() -> { });
        } catch (InterruptedException | InvocationTargetException ex) {
            throw new IllegalStateException(ex);
        }
        robot().waitForIdle();
    }

    /** A mouse event as {@link #DISPATCHED} lists it: its id and screen position. */
    private static String mouseEvent(int id, Point onScreen) {
        return id + "@" + onScreen.x + "," + onScreen.y;
    }

    /** A key event as {@link #DISPATCHED} lists it: its id and key code. */
    private static String keyEvent(int id, int keyCode) {
        return id + "#" + keyCode;
    }

    /** The modal dialogs now showing. */
    private static Set<Dialog> modalDialogs() {
        Set<Dialog> modal = new HashSet<>();
        for (Window w : Window.getWindows()) {
            if (w instanceof Dialog d && d.isModal() && d.isShowing()) {
                modal.add(d);
            }
        }
        return modal;
    }

    /** The last shown window whose title starts with {@code titleStart}. */
    private static Frame frameTitled(String titleStart) {
        Frame frame = null;
        for (Frame f : Frame.getFrames()) {
            if (f.isShowing() && f.getTitle().startsWith(titleStart)) {
                frame = f;
            }
        }
        if (frame == null) {
            throw new IllegalStateException("no window titled \"" + titleStart + "...\"");
        }
        return frame;
    }

    /** The screen position of the image point (x, y) of the current image, from where AWT thinks its canvas is. */
    private static Point onScreen(String x, String y) throws AWTException {
        ImageCanvas canvas = WindowManager.getCurrentImage().getCanvas();
        Point origin = settledLocation(canvas);
        Point at = onCanvas(canvas, x, y);
        return new Point(origin.x + at.x, origin.y + at.y);
    }

    /** The canvas pixel showing the image point (x, y), at the canvas's zoom. */
    private static Point onCanvas(ImageCanvas canvas, String x, String y) {
        double mag = canvas.getMagnification();
        double sx = (Double.parseDouble(x) - canvas.getSrcRect().x) * mag;
        double sy = (Double.parseDouble(y) - canvas.getSrcRect().y) * mag;
        return new Point((int) Math.floor(sx), (int) Math.floor(sy));
    }

    /** {@link #hover}s over the image point (x, y) of the current image and returns the mouse's screen position. */
    private static Point hoverImage(String x, String y) throws AWTException {
        ImageCanvas canvas = WindowManager.getCurrentImage().getCanvas();
        return hover(canvas, onCanvas(canvas, x, y));
    }

    /**
     * Moves the mouse onto the pixel {@code at} of {@code c} (its own pixels) and returns the mouse's screen
     * position once a motion event has been dispatched to {@code c} at that pixel: only then is the mouse
     * known to be there: the position aimed at comes from {@link #settledLocation} (where the X server has
     * the window, see {@link #agreeWithX}), and the event it causes proves it; an event elsewhere (another
     * window over the pixel), or a window that moved meanwhile, means looking again.
     *
     * @throws IllegalStateException if the mouse does not reach the pixel within the event timeout
     */
    private static Point hover(Component c, Point at) throws AWTException {
        long end = System.currentTimeMillis() + EVENT_TIMEOUT_MS;
        MouseEvent there = null;
        while (System.currentTimeMillis() < end) {
            Point origin = settledLocation(c);
            Point p = new Point(origin.x + at.x, origin.y + at.y);
            Robot r = startAction();
            // a step beside p first: a mouse already at p would cause no event
            r.mouseMove(p.x + (at.x > 0 ? -1 : 1), p.y);
            r.mouseMove(p.x, p.y);
            while (lastEventAt(p) == null && c.getLocationOnScreen().equals(origin)
                    && System.currentTimeMillis() < end) {
                r.delay(10);
            }
            awaitIdle();
            there = lastEventAt(p);
            if (there != null && there.getComponent() == c && there.getPoint().equals(at)
                    && there.getID() != MouseEvent.MOUSE_EXITED) {
                return p;
            }
        }
        throw new IllegalStateException("the mouse did not reach pixel " + at.x + "," + at.y + " of " + c.getName()
                + " (now at " + c.getLocationOnScreen() + " on the screen) within " + EVENT_TIMEOUT_MS + " ms; "
                + (there == null ? "no event where it was aimed; dispatched: " + DISPATCHED
                        : "the last event there went to " + there.getComponent().getName()
                                + " at " + there.getPoint()));
    }

    /** The last mouse event dispatched at the screen point p since the current action began, or null. */
    private static MouseEvent lastEventAt(Point p) {
        MouseEvent last = null;
        for (MouseEvent e : MOUSE_DISPATCHED) {
            if (e.getXOnScreen() == p.x && e.getYOnScreen() == p.y) {
                last = e;
            }
        }
        return last;
    }

    /**
     * Where {@code c} is on the screen once its window has settled: where the X server has the window, which
     * AWT's location is made to agree with, and {@code c} not moved between two looks 50 ms apart (a window
     * just opened may still be moved to its place by ImageJ).
     */
    private static Point settledLocation(Component c) throws AWTException {
        Window w = SwingUtilities.getWindowAncestor(c);
        long end = System.currentTimeMillis() + EVENT_TIMEOUT_MS;
        Point before = null;
        Point now = c.getLocationOnScreen();
        while (!(now.equals(before) && agreeWithX(w))) {
            if (System.currentTimeMillis() > end) {
                throw new IllegalStateException("the window \"" + title(w) + "\" did not settle within "
                        + EVENT_TIMEOUT_MS + " ms: AWT has it at " + w.getLocation() + ", the X server at "
                        + xLocation(w));
            }
            robot().delay(50);
            robot().waitForIdle();
            before = now;
            now = c.getLocationOnScreen();
        }
        return now;
    }

    /**
     * Whether AWT has {@code w} where the X server has it; if not, tells AWT (a move to where the window
     * already is). With no window manager (as under Xvfb), AWT takes a frame's location from ConfigureNotify
     * events and never asks the X server again; one for where the frame's window was created, (0, 0), can be
     * handled after ImageJ moved the frame to its place, and AWT then has it at (0, 0) for good while it shows
     * elsewhere: every position computed from AWT's location would miss it.
     */
    private static boolean agreeWithX(Window w) {
        Point x = xLocation(w);
        if (x.equals(w.getLocation())) {
            return true;
        }
        try {
            onEventThread(() -> w.setLocation(x));
        } catch (InterruptedException | InvocationTargetException e) {
            throw new IllegalStateException(e);
        }
        return false;
    }

    /**
     * Where the X server has the top-left corner of {@code w}: its XToolkit peer's translation of (0, 0) to
     * root window coordinates (JDK internals, opened to this class by GuiSession's {@code --add-opens}).
     */
    private static Point xLocation(Window w) {
        try {
            Field peer = Component.class.getDeclaredField("peer");
            peer.setAccessible(true);
            Method toGlobal = Class.forName("sun.awt.X11.XBaseWindow").getDeclaredMethod("toGlobal", int.class,
                    int.class);
            toGlobal.setAccessible(true);
            return (Point) toGlobal.invoke(peer.get(w), 0, 0);
        } catch (ReflectiveOperationException | RuntimeException e) {
            throw new IllegalStateException("cannot ask the X server where window \"" + title(w) + "\" is (a JDK "
                    + "with XToolkit and GuiSession's --add-opens are needed): " + e, e);
        }
    }

    private static String title(Window w) {
        return w instanceof Frame f ? f.getTitle() : w instanceof Dialog d ? d.getTitle() : w.getName();
    }

    private static Dialog awaitDialog(String title) throws InterruptedException {
        long end = System.currentTimeMillis() + DIALOG_TIMEOUT_MS;
        while (System.currentTimeMillis() < end) {
            for (Window w : Window.getWindows()) {
                if (w instanceof Dialog d && d.isShowing() && title.equals(d.getTitle())) {
                    return d;
                }
            }
            Thread.sleep(50);
        }
        throw new IllegalStateException("no dialog \"" + title + "\" opened within " + DIALOG_TIMEOUT_MS + " ms");
    }

    private static void collect(Container c, java.util.List<Component> fields) {
        for (Component child : c.getComponents()) {
            if (child instanceof Choice || child instanceof TextField) {
                fields.add(child);
            } else if (child instanceof Container inner) {
                collect(inner, fields);
            }
        }
    }

    private static Button find(Container c, String label) {
        Component found = first(c, child -> child instanceof Button b && b.getLabel().trim().equals(label));
        if (found == null) {
            throw new IllegalStateException("no button \"" + label + "\" in " + c.getName());
        }
        return (Button) found;
    }

    private static <T extends Component> T find(Container c, Class<T> type) {
        Component found = first(c, type::isInstance);
        if (found == null) {
            throw new IllegalStateException("no " + type.getSimpleName() + " in " + c.getName());
        }
        return type.cast(found);
    }

    /** The first component under {@code c}, depth first, that matches. */
    private static Component first(Container c, Predicate<Component> match) {
        for (Component child : c.getComponents()) {
            if (match.test(child)) {
                return child;
            }
            if (child instanceof Container inner) {
                Component found = first(inner, match);
                if (found != null) {
                    return found;
                }
            }
        }
        return null;
    }

    private static void onEventThread(Runnable r) throws InterruptedException, InvocationTargetException {
        EventQueue.invokeAndWait(r);
    }
}
