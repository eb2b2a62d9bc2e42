package org.injectionplanner.imagej;

import ij.Prefs;
import ij.gui.GenericDialog;
import org.injectionplanner.plan.Side;
import org.injectionplanner.plan.SpinalLevel;
import org.injectionplanner.plan.Structure;
import org.injectionplanner.plan.StructureCatalogue;

/**
 * The descriptive fields of a target as dialogs ask for them (structure, side, level, label), with the
 * last choice preselected (kept in ImageJ's preferences).
 */
record TargetFields(Structure structure, Side side, SpinalLevel level, String label) {

    private static final String LAST_STRUCTURE = "injectionplanner.lastStructure";
    private static final String LAST_SIDE = "injectionplanner.lastSide";
    private static final String LAST_LEVEL = "injectionplanner.lastLevel";

    /** The last choices, or the catalogue's first structure, midline, L4/L5. */
    static TargetFields last() {
        StructureCatalogue catalogue = PluginWorkspace.get().settings().catalogue();
        Structure structure = catalogue.find(Prefs.get(LAST_STRUCTURE, ""))
                .orElse(catalogue.structures().get(0));
        Side side = Side.parse(Prefs.get(LAST_SIDE, "midline"));
        SpinalLevel level = SpinalLevel.parse(Prefs.get(LAST_LEVEL, "L4/L5"));
        return new TargetFields(structure, side, level, "");
    }

    /**
     * Adds structure, side, level and label fields (macro keys structure, side, level, label). The structures are
     * offered by name; a macro may give a structure's id or its name.
     */
    static void addTo(GenericDialog gd, TargetFields defaults, String defaultLabel) {
        StructureCatalogue catalogue = PluginWorkspace.get().settings().catalogue();
        gd.addChoice("structure", catalogue.names().toArray(new String[0]), defaults.structure().name());
        gd.addChoice("side", AddInjectionTargetCommand.sides(), AddInjectionTargetCommand.sideName(defaults.side()));
        gd.addChoice("level", AddInjectionTargetCommand.levels(),
                defaults.level() == null ? "none" : defaults.level().label());
        gd.addStringField("label", defaults.label().isEmpty() ? defaultLabel : defaults.label(), 20);
    }

    /** Reads the fields in the order {@link #addTo} added them. */
    static TargetFields readFrom(GenericDialog gd) {
        Structure structure = PluginWorkspace.get().settings().catalogue().require(gd.getNextChoice());
        Side side = Side.parse(gd.getNextChoice());
        SpinalLevel level = SpinalLevel.parse(gd.getNextChoice());
        String label = gd.getNextString().trim();
        return new TargetFields(structure, side, level, label);
    }

    /** Remembers these choices as the next defaults. */
    void remember() {
        Prefs.set(LAST_STRUCTURE, structure.id());
        Prefs.set(LAST_SIDE, side.name());
        Prefs.set(LAST_LEVEL, level == null ? "none" : level.label());
    }
}
