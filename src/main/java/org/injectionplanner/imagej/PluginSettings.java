package org.injectionplanner.imagej;

import ij.Prefs;
import java.nio.file.Path;
import java.util.Arrays;
import org.injectionplanner.scene.LabelDetail;
import org.injectionplanner.store.PlanStore;

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
}
