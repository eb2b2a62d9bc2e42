package org.injectionplanner.imagej;

import ij.IJ;
import ij.gui.GenericDialog;
import ij.plugin.PlugIn;
import java.awt.Choice;
import java.awt.TextField;
import java.util.ArrayList;
import java.util.List;
import org.injectionplanner.plan.AnnotationNames;
import org.injectionplanner.plan.Approach;
import org.injectionplanner.plan.Decimals;
import org.injectionplanner.plan.Injection;
import org.injectionplanner.plan.Needle;
import org.injectionplanner.plan.PlanEdits;
import org.injectionplanner.plan.ProtocolPreset;
import org.injectionplanner.plan.SessionPlan;
import org.injectionplanner.plan.Solution;

/**
 * Plugins › Injection Planner › Edit Injection...: what an injection gives and how. Macro keys:
 * {@code injection} (T3 or #2), {@code preset} (a clinic preset's name, or "(fields below)"),
 * {@code approach} (in-plane, out-of-plane), {@code needle} (e.g. 25G 38mm, 22G 3.5in), {@code dextrose}
 * (%, empty for none), {@code anaesthetic} (name, empty for none), {@code concentration} (% of the
 * anaesthetic), {@code volume} (mL). A preset, when chosen, fills every field.
 */
public final class EditInjectionCommand implements PlugIn {

    private static final String FIELDS = "(fields below)";

    @Override
    public void run(String arg) {
        SessionPlan plan = PluginWorkspace.editor().plan();
        Injection current;
        try {
            current = InjectionActions.named(plan, "injection");
        } catch (IllegalArgumentException e) {
            CommandErrors.show(e.getMessage());
            return;
        }
        if (current == null) {
            CommandErrors.show("The plan has no injections: place a target first.");
            return;
        }
        List<String> presets = new ArrayList<>();
        presets.add(FIELDS);
        PluginWorkspace.get().settings().presets().forEach(p -> presets.add(p.name()));
        Solution s = current.solution();
        GenericDialog gd = new GenericDialog("Edit Injection");
        gd.addStringField("injection", AnnotationNames.of(plan, current), 8);
        gd.addChoice("preset", presets.toArray(new String[0]), FIELDS);
        gd.addChoice("approach", new String[] {"in-plane", "out-of-plane"}, current.approach().label());
        gd.addStringField("needle", current.needle().toText(), 14);
        gd.addStringField("dextrose (%)", s.dextrosePercent() == null ? "" : Decimals.text(s.dextrosePercent(), 6), 8);
        gd.addStringField("anaesthetic", s.anaesthetic() == null ? "" : s.anaesthetic(), 14);
        gd.addStringField("concentration (% of the anaesthetic)",
                s.anaestheticPercent() == null ? "" : Decimals.text(s.anaestheticPercent(), 6), 8);
        gd.addNumericField("volume", current.volumeMl(), 2, 8, "mL");
        InjectionActions.followName(gd, field(gd.getStringFields(), 0), plan, i -> show(gd, i));
        gd.showDialog();
        if (gd.wasCanceled()) {
            return;
        }
        try {
            Injection injection = AnnotationNames.resolveInjection(plan, gd.getNextString());
            String preset = gd.getNextChoice();
            Approach approach = Approach.parse(gd.getNextChoice());
            Needle needle = Needle.parse(gd.getNextString());
            Double dextrose = Decimals.parseOptional(gd.getNextString(), "dextrose");
            String anaesthetic = gd.getNextString().strip();
            Double concentration = Decimals.parseOptional(gd.getNextString(), "concentration");
            double volume = gd.getNextNumber();
            if (gd.invalidNumber()) {
                throw new IllegalArgumentException("volume must be a number of mL");
            }
            Solution solution;
            if (preset.equals(FIELDS)) {
                solution = new Solution(dextrose, anaesthetic.isEmpty() ? null : anaesthetic,
                        anaesthetic.isEmpty() ? null : concentration);
            } else {
                ProtocolPreset p = PluginWorkspace.get().settings().preset(preset)
                        .orElseThrow(() -> new IllegalArgumentException("no protocol preset '" + preset + "'"));
                approach = p.approach();
                needle = p.needle();
                solution = p.solution();
                volume = p.volumeMl();
            }
            PluginWorkspace.editor().apply(PlanEdits.prescribe(injection.id(), approach, needle, solution, volume));
            IJ.showStatus(AnnotationNames.of(plan, injection) + ": " + solution.description() + ", "
                    + Decimals.text(volume, 3) + " mL, " + needle.description() + ", " + approach.label());
        } catch (IllegalArgumentException | IllegalStateException e) {
            CommandErrors.show(e.getMessage());
        }
    }

    /** Fills the dialog's fields (after the name) with what {@code injection} gives and how. */
    private static void show(GenericDialog gd, Injection injection) {
        Solution s = injection.solution();
        ((Choice) gd.getChoices().get(1)).select(injection.approach().label());
        field(gd.getStringFields(), 1).setText(injection.needle().toText());
        field(gd.getStringFields(), 2).setText(s.dextrosePercent() == null ? ""
                : Decimals.text(s.dextrosePercent(), 6));
        field(gd.getStringFields(), 3).setText(s.anaesthetic() == null ? "" : s.anaesthetic());
        field(gd.getStringFields(), 4).setText(s.anaestheticPercent() == null ? ""
                : Decimals.text(s.anaestheticPercent(), 6));
        // as the dialog first shows a number field: two decimals
        field(gd.getNumericFields(), 0).setText(IJ.d2s(injection.volumeMl(), 2));
    }

    private static TextField field(List<?> fields, int index) {
        return (TextField) fields.get(index);
    }
}
