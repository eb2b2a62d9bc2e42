package org.injectionplanner.imagej;

import ij.Prefs;

/** The plugin's ImageJ preferences (all keys share the {@code injectionplanner.} prefix). */
final class PluginSettings {

    private static final String MEMORY_BUDGET_MB = "injectionplanner.memoryBudgetMB";
    private static final String LAST_PATH = "injectionplanner.lastPath";

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

    static String lastPath() {
        return Prefs.get(LAST_PATH, "");
    }

    static void setLastPath(String path) {
        Prefs.set(LAST_PATH, path);
    }
}
