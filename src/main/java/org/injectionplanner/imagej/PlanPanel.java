package org.injectionplanner.imagej;

import ij.IJ;
import ij.ImagePlus;
import ij.WindowManager;
import ij.plugin.frame.PlugInFrame;
import java.awt.BorderLayout;
import java.awt.Button;
import java.awt.EventQueue;
import java.awt.Font;
import java.awt.List;
import java.awt.Panel;
import java.awt.event.WindowEvent;
import java.util.ArrayList;
import java.util.Locale;
import java.util.UUID;
import org.injectionplanner.plan.NerveZone;
import org.injectionplanner.plan.PlanEditor;
import org.injectionplanner.plan.SessionPlan;
import org.injectionplanner.plan.Target;

/**
 * The Plan Panel: lists the targets and zones of the active plan; selecting one shows its frame and
 * highlights it; buttons edit, delete, undo and redo through the same commands as the menu (so they
 * record macro lines too).
 */
final class PlanPanel extends PlugInFrame implements PlanEditor.Listener, ActivePlan.SelectionListener {

    private static PlanPanel instance;

    private final List list = new List(18, false);
    private final java.util.List<UUID> rows = new ArrayList<>();
    private final PlanEditor editor;

    private PlanPanel(PlanEditor editor) {
        super("Plan Panel");
        this.editor = editor;
        setLayout(new BorderLayout());
        list.setFont(new Font(Font.MONOSPACED, Font.PLAIN, 12));
        list.addItemListener(e -> selectRow(list.getSelectedIndex()));
        add(list, BorderLayout.CENTER);
        Panel buttons = new Panel();
        buttons.add(button("Edit...", "Edit Plan Annotation..."));
        buttons.add(button("Delete", "Delete Plan Annotation..."));
        buttons.add(button("Undo", "Undo Plan Edit"));
        buttons.add(button("Redo", "Redo Plan Edit"));
        add(buttons, BorderLayout.SOUTH);
        editor.addListener(this);
        ActivePlan.addSelectionListener(this);
        fill();
        pack();
        setSize(Math.max(getWidth(), 560), getHeight());
    }

    /** Shows the panel of the active plan (one at a time). */
    static synchronized void showPanel() {
        PlanEditor editor = ActivePlan.editor();
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
            UUID selected = ActivePlan.selected();
            if (command.startsWith("Delete")) {
                if (selected == null) {
                    IJ.showStatus("Select a target or zone in the list first");
                    return;
                }
                String name = PlanActions.nameOf(editor.plan(), selected);
                DeletePlanAnnotationCommand.delete(selected);
                ToolSupport.record(command, "annotation=" + name);
            } else {
                IJ.doCommand(command);
            }
        });
        return b;
    }

    private void fill() {
        SessionPlan plan = editor.plan();
        list.removeAll();
        rows.clear();
        for (Target t : plan.targets()) {
            String depth = t.depthMm() == null ? "uncalibrated" : String.format(Locale.ROOT, "%5.1f mm", t.depthMm());
            list.add(String.format(Locale.ROOT, "T%-3d %-28s %-7s %-6s frame %-3d %s", t.number(),
                    ActivePlan.settings().catalogue().find(t.structureId()).map(s -> s.name()).orElse(t.structureId()),
                    t.side().label(), t.level() == null ? "" : t.level().label(), t.image().frame(), depth));
            rows.add(t.id());
        }
        for (NerveZone z : plan.zones()) {
            list.add(String.format(Locale.ROOT, "Z%-3d %-28s %-7s margin %.1f mm  frame %-3d%s", z.number(), z.name(),
                    z.kind().name().toLowerCase(Locale.ROOT), z.marginMm(), z.image().frame(),
                    z.calibration().isCalibrated() ? "" : "  uncalibrated"));
            rows.add(z.id());
        }
        UUID selected = ActivePlan.selected();
        int index = selected == null ? -1 : rows.indexOf(selected);
        if (index >= 0) {
            list.select(index);
        }
        setTitle("Plan Panel: session " + plan.sessionNumber() + ", " + plan.targets().size() + " targets, "
                + plan.zones().size() + " zones");
    }

    private void selectRow(int index) {
        if (index < 0 || index >= rows.size()) {
            return;
        }
        UUID id = rows.get(index);
        ActivePlan.select(id);
        jumpTo(id);
    }

    /** Shows the frame an annotation is on, in an open image of that DICOM instance. */
    private void jumpTo(UUID id) {
        var ref = PlanActions.imageOf(editor.plan(), id);
        int[] ids = WindowManager.getIDList();
        if (ids == null) {
            return;
        }
        for (int imageId : ids) {
            ImagePlus imp = WindowManager.getImage(imageId);
            if (AnnotatedImages.isAnnotatable(imp)) {
                int slice = AnnotatedImages.sliceOf(imp, ref);
                if (slice > 0) {
                    if (imp.isHyperStack()) {
                        imp.setT(slice);
                    } else {
                        imp.setSlice(slice);
                    }
                    if (imp.getWindow() != null) {
                        imp.getWindow().toFront();
                    }
                    return;
                }
            }
        }
        IJ.showStatus("The image of " + PlanActions.nameOf(editor.plan(), id) + " is not open");
    }

    @Override
    public void planChanged(PlanEditor.Change change) {
        EventQueue.invokeLater(this::fill);
    }

    @Override
    public void selectionChanged(UUID selected) {
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
        ActivePlan.removeSelectionListener(this);
        synchronized (PlanPanel.class) {
            if (instance == this) {
                instance = null;
            }
        }
        super.close();
    }
}
