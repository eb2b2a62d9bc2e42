package org.injectionplanner.imagej;

import ij.IJ;
import ij.ImagePlus;
import ij.WindowManager;
import ij.plugin.frame.PlugInFrame;
import java.awt.BorderLayout;
import java.awt.Button;
import java.awt.Dimension;
import java.awt.EventQueue;
import java.awt.Font;
import java.awt.FontMetrics;
import java.awt.GridLayout;
import java.awt.List;
import java.awt.Panel;
import java.awt.event.MouseAdapter;
import java.awt.event.MouseEvent;
import java.awt.event.WindowEvent;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Locale;
import java.util.UUID;
import javax.swing.DefaultListModel;
import javax.swing.JList;
import javax.swing.JScrollPane;
import javax.swing.JTextArea;
import javax.swing.ListSelectionModel;
import javax.swing.ScrollPaneConstants;
import org.injectionplanner.plan.AnnotationNames;
import org.injectionplanner.plan.Decimals;
import org.injectionplanner.plan.ImageRef;
import org.injectionplanner.plan.Injection;
import org.injectionplanner.plan.NerveZone;
import org.injectionplanner.plan.PlanEditor;
import org.injectionplanner.plan.PlanImage;
import org.injectionplanner.plan.SessionPlan;
import org.injectionplanner.plan.SignatureStatus;
import org.injectionplanner.plan.StructureCatalogue;
import org.injectionplanner.plan.Target;
import org.injectionplanner.sessionmap.SessionMap;
import org.injectionplanner.workspace.PlanWorkspace;

/**
 * The Plan Panel: lists the targets and zones of the active plan, one short row each (a target's label and
 * structure, side and level, depth, and its image by its place among the plan's images, "image 1 fr 3"; a zone's
 * name and kind, margin and image), and below them the session map, one short row each ({@link SessionMap#rows()},
 * as wide as the map at the panel's default size): the injections in session
 * order with a status mark, the session's findings, checklist, totals and sign-off; under the map, what the row
 * selected there stands for in full (an injection's whole line and findings; without a row, every finding and
 * every row cut to fit; for the target or zone last selected in the list, its row in full with its image's
 * description), wrapped at the panel's width; at the bottom, the plan compared with an earlier session
 * of its course ({@link ComparisonPane}). The map takes the height the panel gains. Selecting a row shows its
 * frame and highlights it; dragging an injection onto another's row moves it to that place in the order; buttons
 * run the same commands as the menu (so they record macro lines too).
 */
final class PlanPanel extends PlugInFrame implements PlanEditor.Listener, PlanWorkspace.Listener {

    private static PlanPanel instance;

    private final List list = new List(7, false);
    private final java.util.List<UUID> rows = new ArrayList<>();
    /** Per row of the targets and zones: what it stands for in full (its image by its description). */
    private final java.util.List<String> rowDetails = new ArrayList<>();
    /**
     * The characters of a target's label and structure (a zone's name and kind) in its row, cut with "…" where
     * longer: the row, at most 105 characters, then fits the list, as wide as the map's {@link SessionMap#ROW_CHARS}
     * at the panel's default size.
     */
    private static final int NAME_CHARS = 60;
    private final DefaultListModel<String> mapModel = new DefaultListModel<>();
    private final JList<String> sessionMap = new JList<>(mapModel);
    /**
     * What the row selected in the session map stands for in full (without one, all the map leaves out), or the
     * target or zone last selected in the list above it, wrapped.
     */
    private final JTextArea findings = new JTextArea(4, 60);
    /** The session-map rows in sight at the default size: a 10-site plan's with its session rows. */
    private static final int MAP_ROWS = 18;
    /** What starts each finding in the findings area. */
    private static final String BULLET = "• ";
    /** The session map the rows show. */
    private SessionMap shownMap;
    private boolean filling;
    private int dragFrom = -1;
    private final PlanEditor editor;
    private final ComparisonPane comparison = new ComparisonPane();

    private PlanPanel(PlanEditor editor) {
        super("Plan Panel");
        this.editor = editor;
        setLayout(new BorderLayout());
        list.setFont(new Font(Font.MONOSPACED, Font.PLAIN, 12));
        list.addItemListener(e -> selectRow(list.getSelectedIndex()));
        // a double-click (or Enter) on a row opens its image where it is not open, at its frame
        list.addActionListener(e -> {
            int index = list.getSelectedIndex();
            if (index >= 0 && index < rows.size()) {
                openAt(rows.get(index));
            }
        });
        sessionMap.setFont(list.getFont());
        FontMetrics metrics = sessionMap.getFontMetrics(sessionMap.getFont());
        // the renderer's border adds a pixel above and below each row
        sessionMap.setFixedCellHeight(metrics.getHeight() + 2);
        sessionMap.setVisibleRowCount(MAP_ROWS);
        sessionMap.setSelectionMode(ListSelectionModel.SINGLE_SELECTION);
        sessionMap.addListSelectionListener(e -> {
            if (!e.getValueIsAdjusting() && !filling) {
                selectMapRow(sessionMap.getSelectedIndex());
            }
        });
        MouseAdapter drag = new MouseAdapter() {
            @Override
            public void mousePressed(MouseEvent e) {
                dragFrom = sessionMap.locationToIndex(e.getPoint());
            }

            @Override
            public void mouseReleased(MouseEvent e) {
                dropAt(sessionMap.locationToIndex(e.getPoint()));
            }

            @Override
            public void mouseClicked(MouseEvent e) {
                int index = sessionMap.locationToIndex(e.getPoint());
                if (e.getClickCount() == 2 && mapTarget(index) != null) {
                    openAt(mapTarget(index));
                }
            }
        };
        sessionMap.addMouseListener(drag);
        Panel annotations = new Panel(new BorderLayout());
        annotations.add(list, BorderLayout.CENTER);
        Panel buttons = new Panel();
        buttons.add(button("Edit...", "Edit Plan Annotation..."));
        buttons.add(button("Delete", "Delete Plan Annotation..."));
        buttons.add(button("Undo", "Undo Plan Edit"));
        buttons.add(button("Redo", "Redo Plan Edit"));
        annotations.add(buttons, BorderLayout.SOUTH);
        Panel map = new Panel(new BorderLayout());
        // wide enough for the rows' most characters beside the vertical scroll bar: no row needs scrolling sideways
        JScrollPane scroll = new JScrollPane(sessionMap, ScrollPaneConstants.VERTICAL_SCROLLBAR_ALWAYS,
                ScrollPaneConstants.HORIZONTAL_SCROLLBAR_AS_NEEDED);
        int rowWidth = metrics.charWidth('m') * SessionMap.ROW_CHARS;
        scroll.setPreferredSize(new Dimension(rowWidth + scroll.getVerticalScrollBar().getPreferredSize().width + 12,
                sessionMap.getFixedCellHeight() * MAP_ROWS + 4));
        // the rows in full, wrapped at the panel's width: the map keeps one short row per injection for dragging
        findings.setFont(list.getFont());
        findings.setEditable(false);
        findings.setLineWrap(true);
        findings.setWrapStyleWord(true);
        JScrollPane findingsScroll = new JScrollPane(findings, ScrollPaneConstants.VERTICAL_SCROLLBAR_AS_NEEDED,
                ScrollPaneConstants.HORIZONTAL_SCROLLBAR_NEVER);
        findingsScroll.setPreferredSize(new Dimension(rowWidth, 120));
        Panel mapAndFindings = new Panel(new BorderLayout());
        mapAndFindings.add(scroll, BorderLayout.CENTER);
        mapAndFindings.add(findingsScroll, BorderLayout.SOUTH);
        map.add(mapAndFindings, BorderLayout.CENTER);
        Panel mapButtons = new Panel(new GridLayout(2, 6));
        mapButtons.add(moveButton("Move up", -1));
        mapButtons.add(moveButton("Move down", +1));
        mapButtons.add(commandButton("Lock...", "Lock Injection Position..."));
        mapButtons.add(commandButton("Propose order", "Propose Injection Order"));
        mapButtons.add(commandButton("Injection...", "Edit Injection..."));
        mapButtons.add(commandButton("Record...", "Record Injection..."));
        mapButtons.add(commandButton("Checklist...", "Pre-procedure Checklist..."));
        mapButtons.add(commandButton("Override...", "Override Safety Finding..."));
        mapButtons.add(commandButton("Finalize...", "Finalize Session Plan..."));
        mapButtons.add(commandButton("Amend...", "Amend Session Plan..."));
        mapButtons.add(commandButton("Export...", "Export Session Plan..."));
        map.add(mapButtons, BorderLayout.SOUTH);
        // the targets and zones keep their few rows; the map takes the rest of the panel's height
        add(annotations, BorderLayout.NORTH);
        add(map, BorderLayout.CENTER);
        add(comparison, BorderLayout.SOUTH);
        editor.addListener(this);
        PluginWorkspace.get().addListener(this);
        fill();
        pack();
        setSize(Math.max(getWidth(), 760), getHeight());
    }

    /** Shows the panel of the active plan (one at a time). */
    static synchronized void showPanel() {
        PlanEditor editor = PluginWorkspace.editor();
        if (instance != null && instance.editor != editor) {
            instance.close();
        }
        if (instance == null) {
            instance = new PlanPanel(editor);
        }
        instance.setVisible(true);
        instance.toFront();
    }

    /**
     * A button running a menu command as if chosen from the menu (so the Recorder records it); Delete
     * acts on the selected annotation at once and records its line itself.
     */
    private Button button(String label, String command) {
        Button b = new Button(label);
        b.addActionListener(e -> {
            UUID selected = PluginWorkspace.get().selected();
            if (command.startsWith("Delete")) {
                if (selected == null) {
                    IJ.showStatus("Select a target or zone in the list first");
                    return;
                }
                String name = AnnotationNames.of(editor.plan(), selected);
                DeletePlanAnnotationCommand.delete(selected);
                ToolSupport.record(command, "annotation=" + name);
            } else {
                IJ.doCommand(command);
            }
        });
        return b;
    }

    private Button commandButton(String label, String command) {
        Button b = new Button(label);
        b.addActionListener(e -> IJ.doCommand(command));
        return b;
    }

    /** Moves the selected injection one place up or down, recording the Move Injection... line. */
    private Button moveButton(String label, int step) {
        Button b = new Button(label);
        b.addActionListener(e -> {
            SessionPlan plan = editor.plan();
            Injection injection = InjectionActions.selected(plan);
            if (injection == null) {
                IJ.showStatus("Select an injection in the session map first");
                return;
            }
            int position = plan.positionOf(injection.id()) + step;
            if (position >= 1 && position <= plan.injections().size()) {
                MoveInjectionCommand.moveRecorded(injection, position);
            }
        });
        return b;
    }

    private void fill() {
        SessionPlan plan = editor.plan();
        fillSessionMap(plan);
        comparison.display(plan);
        list.removeAll();
        rows.clear();
        rowDetails.clear();
        StructureCatalogue catalogue = PluginWorkspace.get().settings().catalogue();
        for (Target t : plan.targets()) {
            String name = catalogue.withName(t.label(), t.structureId());
            String depth = Decimals.depthText(t.depthMm());
            String where = where(plan, t.image());
            list.add(String.format(Locale.ROOT, "T%-3d %-" + NAME_CHARS + "s %-8s %13s  %s", t.number(),
                    SessionMap.truncate(name, NAME_CHARS), SessionMap.sideLevel(t.side(), t.level()), depth,
                    where));
            rowDetails.add(String.format(Locale.ROOT, "%s %s, %s%s, %s, %s: \"%s\" frame %d",
                    AnnotationNames.of(t), name, t.side().label(), t.level() == null ? "" : " " + t.level().label(),
                    depth, where, SessionMap.imageName(plan, t.image()), t.image().frame()));
            rows.add(t.id());
        }
        for (NerveZone z : plan.zones()) {
            String name = StructureCatalogue.labelWithName(z.name(), z.kind().name().toLowerCase(Locale.ROOT));
            String margin = String.format(Locale.ROOT, "margin %.1f mm", z.marginMm());
            String uncalibrated = z.calibration().isCalibrated() ? "" : "  uncalibrated";
            String where = where(plan, z.image());
            list.add(String.format(Locale.ROOT, "Z%-3d %-" + NAME_CHARS + "s %s  %s%s", z.number(),
                    SessionMap.truncate(name, NAME_CHARS), margin, where, uncalibrated));
            rowDetails.add(String.format(Locale.ROOT, "%s %s, %s, %s: \"%s\" frame %d%s", AnnotationNames.of(z),
                    name, margin, where, SessionMap.imageName(plan, z.image()), z.image().frame(), uncalibrated));
            rows.add(z.id());
        }
        UUID selected = PluginWorkspace.get().selected();
        int index = selected == null ? -1 : rows.indexOf(selected);
        if (index >= 0) {
            list.select(index);
        }
        String state = PluginWorkspace.get().signatureStatus(plan).state() == SignatureStatus.State.INVALID
                ? "signature not valid — treated as a draft" : plan.status().name().toLowerCase(Locale.ROOT);
        setTitle("Plan Panel: " + SessionMap.identity(plan, comparison.course()) + " (" + state + "), "
                + plan.targets().size() + " targets, " + plan.zones().size() + " zones");
    }

    /** "image 2 fr 14": an annotation's image by its place among the plan's images, and its frame. */
    private static String where(SessionPlan plan, ImageRef image) {
        return "image " + SessionMap.imageNumber(plan, image) + " fr " + image.frame();
    }

    /** The session map ({@link SessionMap}) of the plan, its findings and the clinic settings. */
    private void fillSessionMap(SessionPlan plan) {
        filling = true;
        mapModel.clear();
        PlanWorkspace ws = PluginWorkspace.get();
        shownMap = SessionMap.of(plan, ws.report(), ws.settings(), ws.signatureStatus(plan));
        for (SessionMap.Row row : shownMap.rows()) {
            // each row is already short (SessionMap.ROW_CHARS): the map is as wide as the longest at the default size
            mapModel.addElement(row.text());
        }
        UUID selected = PluginWorkspace.get().selected();
        int index = -1;
        for (int i = shownMap.rows().size() - 1; i >= 0; i--) {
            index = selected != null && selected.equals(mapTarget(i)) ? i : index;
        }
        if (index >= 0) {
            sessionMap.setSelectedIndex(index);
        }
        showFindings(index);
        filling = false;
    }

    /**
     * Shows in the findings area what session-map row {@code index} stands for in full
     * ({@link SessionMap.Row#details}) or, for a row without details (or none selected), all the map leaves out
     * ({@link SessionMap#details()}).
     */
    private void showFindings(int index) {
        SessionMap.Row row = mapRow(index);
        java.util.List<String> lines = row != null && !row.details().isEmpty() ? row.details() : shownMap.details();
        // a bullet starts each line: its wrapped lines do not
        String text = lines.isEmpty() ? "No findings."
                : String.join("\n", lines.stream().map(l -> BULLET + l).toList());
        findings.setText(text);
        findings.setCaretPosition(0);
    }

    /**
     * Ends a drag in the session map: the injection dragged from moves to the position of the injection
     * dropped on (as Move Injection..., recorded for the Macro Recorder).
     */
    private void dropAt(int to) {
        int from = dragFrom;
        dragFrom = -1;
        UUID fromInjection = mapRow(from) == null ? null : mapRow(from).injectionId();
        UUID toInjection = mapRow(to) == null ? null : mapRow(to).injectionId();
        if (fromInjection == null || toInjection == null || fromInjection.equals(toInjection)) {
            return;
        }
        SessionPlan plan = editor.plan();
        Injection moved = plan.injection(fromInjection).orElse(null);
        if (moved == null) {
            return;
        }
        MoveInjectionCommand.moveRecorded(moved, plan.positionOf(toInjection));
    }

    private void selectMapRow(int index) {
        showFindings(index);
        UUID target = mapTarget(index);
        if (target == null) {
            return;
        }
        PluginWorkspace.select(target);
        jumpTo(target);
    }

    /** Session-map row {@code index} as shown, or null where there is none. */
    private SessionMap.Row mapRow(int index) {
        return shownMap == null || index < 0 || index >= shownMap.rows().size() ? null : shownMap.rows().get(index);
    }

    /** The target session-map row {@code index} is about, or null. */
    private UUID mapTarget(int index) {
        SessionMap.Row row = mapRow(index);
        return row == null ? null : row.targetId();
    }

    private void selectRow(int index) {
        if (index < 0 || index >= rows.size()) {
            return;
        }
        findings.setText(BULLET + rowDetails.get(index));
        findings.setCaretPosition(0);
        UUID id = rows.get(index);
        PluginWorkspace.select(id);
        jumpTo(id);
    }

    /**
     * Shows the frame an annotation is on; where no open image shows it, opens the image from the file the plan
     * recorded (Open Ultrasound Study...) first.
     */
    private void openAt(UUID id) {
        if (jumpTo(id)) {
            return;
        }
        var ref = PlanActions.imageOf(editor.plan(), id);
        String path = editor.plan().image(ref.sopInstanceUid()).map(PlanImage::path).orElse(null);
        if (path == null || !Files.isRegularFile(Path.of(path))) {
            IJ.showStatus("The image of " + AnnotationNames.of(editor.plan(), id) + " is not open, and its file "
                    + (path == null ? "is not recorded" : path + " is not there"));
            return;
        }
        // off the event thread: opening decodes the image
        new Thread(() -> {
            IJ.run("Open Ultrasound Study...", "path=[" + path + "]");
            EventQueue.invokeLater(() -> jumpTo(id));
        }, "Plan Panel: open image").start();
    }

    /** Shows the frame an annotation is on, in an open image of that DICOM instance; false if none shows it. */
    private boolean jumpTo(UUID id) {
        var ref = PlanActions.imageOf(editor.plan(), id);
        int[] ids = WindowManager.getIDList();
        if (ids == null) {
            return false;
        }
        // the current image first: where it shows the instance, no other window need come forward
        java.util.List<ImagePlus> images = new ArrayList<>();
        images.add(WindowManager.getCurrentImage());
        for (int imageId : ids) {
            images.add(WindowManager.getImage(imageId));
        }
        for (ImagePlus imp : images) {
            if (AnnotatedImages.isAnnotatable(imp)) {
                int slice = AnnotatedImages.sliceOf(imp, ref);
                if (slice > 0) {
                    if (imp.isHyperStack()) {
                        imp.setT(slice);
                    } else {
                        imp.setSlice(slice);
                    }
                    // as in the ROI Manager, the panel keeps the keyboard, so the arrow keys walk the rows;
                    // only an image other than the current one is brought to the front (and takes the keyboard)
                    if (imp.getWindow() != null && imp != WindowManager.getCurrentImage()) {
                        imp.getWindow().toFront();
                    }
                    return true;
                }
            }
        }
        IJ.showStatus("The image of " + AnnotationNames.of(editor.plan(), id) + " is not open: double-click to open"
                + " it");
        return false;
    }

    @Override
    public void planChanged(PlanEditor.Change change) {
        EventQueue.invokeLater(this::fill);
    }

    @Override
    public void workspaceChanged(PlanWorkspace.Change change) {
        if (change != PlanWorkspace.Change.SELECTION) {
            return;
        }
        UUID selected = PluginWorkspace.get().selected();
        EventQueue.invokeLater(() -> {
            int index = selected == null ? -1 : rows.indexOf(selected);
            if (index >= 0 && list.getSelectedIndex() != index) {
                list.select(index);
            }
        });
    }

    @Override
    public void windowClosing(WindowEvent e) {
        close();
    }

    @Override
    public void close() {
        editor.removeListener(this);
        PluginWorkspace.get().removeListener(this);
        comparison.dispose();
        synchronized (PlanPanel.class) {
            if (instance == this) {
                instance = null;
            }
        }
        super.close();
    }
}
