package org.injectionplanner.imagej;

import ij.IJ;
import ij.gui.GenericDialog;
import ij.plugin.PlugIn;
import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;
import org.injectionplanner.scene.LabelDetail;
import org.injectionplanner.store.ClinicianProfile;
import org.injectionplanner.store.StoreException;

/**
 * Plugins › Injection Planner › Injection Planner Options...: the memory budget for cines (macro key
 * {@code memory}, MB), the plan store folder (macro key {@code store}) and how much the plan's labels on the
 * images say (macro key {@code labels}: {@code number}, {@code name} or {@code full}; open images are redrawn),
 * and this workstation user's clinician profile (macro keys {@code clinician}, {@code role},
 * {@code registration}): the default author and signer, whose signer key is the keyed signature
 * (store.ClinicianProfile). An empty name leaves the profile as it is.
 */
public final class InjectionPlannerOptionsCommand implements PlugIn {

    @Override
    public void run(String arg) {
        GenericDialog gd = new GenericDialog("Injection Planner Options");
        gd.addNumericField("Memory budget for cines", PluginSettings.memoryBudgetMb(), 0, 8, "MB");
        gd.addMessage("Cines whose decoded frames need more memory than this open as virtual stacks\n"
                + "that decode frames on demand (default: a quarter of ImageJ's memory, "
                + PluginSettings.defaultMemoryBudgetMb() + " MB).");
        gd.addDirectoryField("store", PluginSettings.storeRoot().toString(), 40);
        gd.addMessage("Plan store: the folder where session plans are saved (revisions, autosaves, clinic settings).");
        String[] details = Arrays.stream(LabelDetail.values()).map(d -> d.name().toLowerCase(Locale.ROOT))
                .toArray(String[]::new);
        gd.addChoice("labels", details, PluginSettings.labelDetail().name().toLowerCase(Locale.ROOT));
        gd.addMessage("Labels on the images: number only (#1 T3), number and name, or full (depth, findings,\n"
                + "margins, needle path length and angle).");
        Optional<ClinicianProfile> profile = PluginSettings.clinician();
        gd.addStringField("clinician", profile.map(ClinicianProfile::name).orElse(""), 24);
        gd.addStringField("role", profile.map(ClinicianProfile::role).orElse(""), 24);
        gd.addStringField("registration", profile.map(ClinicianProfile::registrationNumber).orElse(""), 24);
        gd.addMessage("Clinician profile of this workstation user (kept in the home folder, not in the store):\n"
                + "the default author of plans and overrides and the default signer.");
        gd.showDialog();
        if (gd.wasCanceled()) {
            return;
        }
        double mb = gd.getNextNumber();
        if (!gd.invalidNumber() && mb >= 1) {
            PluginSettings.setMemoryBudgetMb((long) mb);
        }
        PluginSettings.setStoreRoot(gd.getNextString());
        PluginSettings.setLabelDetail(LabelDetail.valueOf(gd.getNextChoice().toUpperCase(Locale.ROOT)));
        PluginWorkspace.refreshOverlays();
        String name = gd.getNextString();
        String role = gd.getNextString();
        String registration = gd.getNextString();
        if (name.isBlank()) {
            return;
        }
        try {
            ClinicianProfile chosen = new ClinicianProfile(name, role, registration);
            chosen.write(ClinicianProfile.workstationFile());
            IJ.showStatus("Clinician profile: " + chosen.description());
        } catch (StoreException | IllegalArgumentException e) {
            CommandErrors.show(e.getMessage());
        }
    }
}
