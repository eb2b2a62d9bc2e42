package org.injectionplanner.imagej;

import ij.IJ;
import ij.gui.GenericDialog;
import ij.plugin.PlugIn;
import java.util.Locale;
import org.injectionplanner.plan.ClinicSettings;
import org.injectionplanner.plan.Structure;
import org.injectionplanner.plan.StructureKind;
import org.injectionplanner.store.StoreException;

/**
 * Plugins › Injection Planner › Clinic Settings...: the default safety margin of new zones and the
 * structure catalogue (add an entry), stored in the plan store. Macro keys: {@code margin} (mm), and to
 * add a structure {@code new_id new_name new_kind midline levelled}.
 */
public final class ClinicSettingsCommand implements PlugIn {

    @Override
    public void run(String arg) {
        ClinicSettings current = ActivePlan.settings();
        GenericDialog gd = new GenericDialog("Clinic Settings");
        gd.addNumericField("margin", current.defaultMarginMm(), 1, 6, "mm (default safety margin of new zones)");
        gd.addMessage("Catalogue: " + String.join(", ", current.catalogue().ids()));
        gd.addMessage("Add a structure (leave the id empty to add none):");
        gd.addStringField("new_id", "", 24);
        gd.addStringField("new_name", "", 32);
        String[] kinds = new String[StructureKind.values().length];
        for (int i = 0; i < kinds.length; i++) {
            kinds[i] = StructureKind.values()[i].name().toLowerCase(Locale.ROOT);
        }
        gd.addChoice("new_kind", kinds, "ligament");
        gd.addCheckbox("midline", false);
        gd.addCheckbox("levelled", false);
        gd.showDialog();
        if (gd.wasCanceled()) {
            return;
        }
        try {
            double margin = gd.getNextNumber();
            if (gd.invalidNumber()) {
                throw new IllegalArgumentException("the margin must be a number of mm");
            }
            ClinicSettings updated = current.withDefaultMarginMm(margin);
            String id = gd.getNextString().trim();
            String name = gd.getNextString().trim();
            StructureKind kind = StructureKind.valueOf(gd.getNextChoice().toUpperCase(Locale.ROOT));
            boolean midline = gd.getNextBoolean();
            boolean levelled = gd.getNextBoolean();
            if (!id.isEmpty()) {
                updated = updated.withCatalogue(updated.catalogue().with(
                        new Structure(id, name, kind, null, null, midline, levelled, true)));
            }
            ActivePlan.saveSettings(updated);
            IJ.showStatus("Clinic settings saved");
        } catch (StoreException | IllegalArgumentException e) {
            IJ.error(OpenUltrasoundStudyCommand.TITLE, e.getMessage());
        }
    }
}
