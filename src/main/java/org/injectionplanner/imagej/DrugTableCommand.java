package org.injectionplanner.imagej;

import ij.IJ;
import ij.gui.GenericDialog;
import ij.plugin.PlugIn;
import java.util.ArrayList;
import java.util.List;
import org.injectionplanner.plan.Anaesthetic;
import org.injectionplanner.plan.ClinicSettings;
import org.injectionplanner.plan.DrugTable;
import org.injectionplanner.plan.PercentRange;
import org.injectionplanner.store.StoreException;

/**
 * Plugins › Injection Planner › Settings › Drug Table...: the clinic's drug table (docs/safety.md §3), stored
 * with the clinic settings. Macro keys: {@code dextrose_min} and {@code dextrose_max} (the final dextrose
 * concentrations allowed, %); {@code text1}: the local anaesthetics, one per line {@code name; synonyms;
 * mg/kg; max mg; mg/kg with adrenaline; max mg with adrenaline; lowest %; highest %}, the synonyms
 * separated by ','. An anaesthetic left out of the table is a violation wherever it is planned.
 */
public final class DrugTableCommand implements PlugIn {

    @Override
    public void run(String arg) {
        ClinicSettings current = PluginWorkspace.get().settings();
        DrugTable drugs = current.drugs();
        GenericDialog gd = new GenericDialog("Drug Table");
        gd.addNumericField("dextrose_min", drugs.dextrose().minPercent(), 1, 6, "% lowest final dextrose");
        gd.addNumericField("dextrose_max", drugs.dextrose().maxPercent(), 1, 6, "% highest final dextrose");
        gd.addMessage("Local anaesthetics, one per line (name; synonyms, comma-separated; mg/kg; max mg;\n"
                + "mg/kg with adrenaline; max mg with adrenaline; lowest %; highest %):");
        gd.addTextAreas(String.join("\n", drugs.anaesthetics().stream().map(Anaesthetic::toLine).toList()), null,
                10, 90);
        gd.showDialog();
        if (gd.wasCanceled()) {
            return;
        }
        try {
            double min = gd.getNextNumber();
            double max = gd.getNextNumber();
            if (gd.invalidNumber()) {
                throw new IllegalArgumentException("dextrose_min and dextrose_max must be numbers of %");
            }
            List<Anaesthetic> anaesthetics = new ArrayList<>();
            for (String line : gd.getNextText().split("\\R")) {
                if (!line.isBlank()) {
                    anaesthetics.add(Anaesthetic.fromLine(line));
                }
            }
            PluginWorkspace.get().saveSettings(current.withDrugs(new DrugTable(anaesthetics,
                    new PercentRange(min, max))));
            IJ.showStatus("Drug table saved");
        } catch (StoreException | IllegalArgumentException e) {
            IJ.error(OpenUltrasoundStudyCommand.TITLE, e.getMessage());
        }
    }
}
