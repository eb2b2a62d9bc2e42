package org.injectionplanner.imagej;

import ij.IJ;
import ij.Prefs;
import java.nio.file.Path;
import java.util.Arrays;
import org.injectionplanner.scene.LabelDetail;
import java.util.Optional;
import org.injectionplanner.plan.SessionPlan;
import org.injectionplanner.store.ClinicianProfile;
import org.injectionplanner.store.PlanStore;
import org.injectionplanner.store.StoreException;

/** The plugin's ImageJ preferences (all keys share the {@code injectionplanner.} prefix). */
final class PluginSettings {

    private static final String MEMORY_BUDGET_MB = "injectionplanner.memoryBudgetMB";
    private static final String LAST_PATH = "injectionplanner.lastPath";
    private static final String STORE_DIR = "injectionplanner.storeDir";
    private static final String LABEL_DETAIL = "injectionplanner.labelDetail";

    private PluginSettings() {
    }

    /** Default budget: a quarter of the Java heap, at least 64 MB. */
    static long defaultMemoryBudgetMb() {
        return Math.max(64, Runtime.getRuntime().maxMemory() / 4 / (1024 * 1024));
    }

    /** Cines whose decoded frames need more than this many MB open as virtual stacks. */
    static long memoryBudgetMb() {
        return (long) Prefs.get(MEMORY_BUDGET_MB, defaultMemoryBudgetMb());
    }

    static void setMemoryBudgetMb(long mb) {
        Prefs.set(MEMORY_BUDGET_MB, Math.max(1, mb));
    }

    /** The plan store folder (default {@code ~/InjectionPlanner}). */
    static Path storeRoot() {
        String dir = Prefs.get(STORE_DIR, "");
        return dir.isBlank() ? PlanStore.defaultRoot() : Path.of(dir);
    }

    static void setStoreRoot(String dir) {
        Prefs.set(STORE_DIR, dir == null ? "" : dir.trim());
    }

    /** How much the plan's labels on the images say (default: full). */
    static LabelDetail labelDetail() {
        String name = Prefs.get(LABEL_DETAIL, LabelDetail.FULL.name());
        return Arrays.stream(LabelDetail.values()).filter(d -> d.name().equals(name)).findFirst()
                .orElse(LabelDetail.FULL);
    }

    static void setLabelDetail(LabelDetail detail) {
        Prefs.set(LABEL_DETAIL, detail.name());
    }

    static String lastPath() {
        return Prefs.get(LAST_PATH, "");
    }

    static void setLastPath(String path) {
        Prefs.set(LAST_PATH, path);
    }

    /**
     * This workstation user's clinician profile (store.ClinicianProfile, beside the signer keys in the home
     * folder), or empty where none is chosen yet or the file cannot be read (said in the Log).
     */
    static Optional<ClinicianProfile> clinician() {
        try {
            return ClinicianProfile.read(ClinicianProfile.workstationFile());
        } catch (StoreException e) {
            IJ.log("Injection Planner: " + e.getMessage());
            return Optional.empty();
        }
    }

    /** The default author and signer: the clinician profile's name, else the operating-system user. */
    static String defaultAuthor() {
        return clinician().map(ClinicianProfile::name).orElse(System.getProperty("user.name", ""));
    }

    /** The default author of an override and signer of {@code plan}: the clinician profile's name, else its author. */
    static String defaultAuthor(SessionPlan plan) {
        return clinician().map(ClinicianProfile::name).orElse(plan.author());
    }
}
