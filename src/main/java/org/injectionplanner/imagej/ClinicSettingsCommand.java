package org.injectionplanner.imagej;

import ij.IJ;
import ij.Macro;
import ij.gui.GenericDialog;
import ij.plugin.PlugIn;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.function.Function;
import org.injectionplanner.dicom.PlausibleScale;
import org.injectionplanner.plan.ChecklistItem;
import org.injectionplanner.plan.ClinicSettings;
import org.injectionplanner.plan.CourseDefaults;
import org.injectionplanner.plan.Laterality;
import org.injectionplanner.plan.ProtocolPreset;
import org.injectionplanner.plan.SafetyLimits;
import org.injectionplanner.plan.SpinalLevel;
import org.injectionplanner.plan.Structure;
import org.injectionplanner.plan.StructureKind;
import org.injectionplanner.store.StoreException;

/**
 * Plugins › Injection Planner › Clinic Settings...: the default safety margin of new zones, the safety
 * limits, the structure catalogue (add an entry), the protocol presets and the pre-procedure checklist,
 * stored in the plan store. Macro keys: {@code margin} (mm); the limits {@code reserve} (mm),
 * {@code angle} (°), {@code no_go_depth} (mm), {@code site} and {@code session} (mL), {@code interval}
 * (days), {@code entry_below_skin} (mm); the plausible image scale {@code min_mm_per_pixel} and
 * {@code max_mm_per_pixel} (an ultrasound region or Pixel Spacing outside it leaves the image uncalibrated,
 * for images opened afterwards); the course defaults {@code planned_sessions} and {@code max_interval} (days,
 * the end of the intended interval whose start is {@code interval}) (the anaesthetic limits are the drug
 * table's: {@link DrugTableCommand}); to add a structure
 * {@code new_id new_name new_kind new_laterality levelled spinal_levels} ({@code paired}, {@code midline} or
 * {@code any}; the levels it can be at, e.g. {@code [L4/L5 L5/S1]}; a level is needed when {@code levelled}; the
 * checkbox {@code structure_midline} of recorded macros from before the laterality still means {@code midline});
 * {@code text1}: the presets, one per line {@code name; dextrose %; anaesthetic; anaesthetic %; volume mL;
 * needle; approach} (the first fills new injections); {@code text2}: the checklist, one question per line
 * {@code id; question; blocks} (any answer but yes refuses sign-off) or {@code id; question; flags} (a "no" with
 * its note is flagged as a deviation), a line without the marker taking the default for its id
 * ({@link ChecklistItem#fromLine}); {@code aftercare}: the aftercare advice printed on the session map, its lines
 * separated by {@code |}.
 */
public final class ClinicSettingsCommand implements PlugIn {

    private static final String[] LATERALITIES = Arrays.stream(Laterality.values()).map(Laterality::label)
            .toArray(String[]::new);

    @Override
    public void run(String arg) {
        ClinicSettings current = PluginWorkspace.get().settings();
        SafetyLimits l = current.limits();
        GenericDialog gd = new GenericDialog("Clinic Settings");
        gd.addNumericField("margin", current.defaultMarginMm(), 1, 6, "mm (default safety margin of new zones)");
        gd.addMessage("Safety limits:");
        gd.addNumericField("reserve", l.needleReserveMm(), 1, 6, "mm of needle beyond the path");
        gd.addNumericField("angle", l.maxInsertionAngleDeg(), 1, 6, "° steepest in-plane insertion (warning)");
        gd.addNumericField("no_go_depth", l.midlineNoGoDepthMm(), 1, 6,
                "mm shallow no-go depth of midline and facet targets without a dura line (violation)");
        gd.addNumericField("site", l.maxSiteVolumeMl(), 2, 6, "mL per site (warning)");
        gd.addNumericField("session", l.maxSessionVolumeMl(), 1, 6, "mL per session (warning)");
        gd.addNumericField("interval", l.minIntervalDays(), 0, 6, "days at least since the previous session (warning)");
        gd.addNumericField("entry_below_skin", l.maxEntryBelowSkinMm(), 1, 6,
                "mm an entry point may lie below the skin line (violation)");
        PlausibleScale scale = current.plausibleScale();
        gd.addNumericField("min_mm_per_pixel", scale.minMmPerPixel(), 4, 8,
                "mm per pixel at least, for an image's region or Pixel Spacing to calibrate it");
        gd.addNumericField("max_mm_per_pixel", scale.maxMmPerPixel(), 3, 8, "mm per pixel at most");
        gd.addMessage("Treatment courses (the intended interval runs from 'interval' above to the longest):");
        gd.addNumericField("planned_sessions", current.course().plannedSessions(), 0, 6,
                "sessions a new course plans");
        gd.addNumericField("max_interval", current.course().maxIntervalDays(), 0, 6,
                "days at most between sessions (course warning)");
        gd.addMessage("Catalogue: " + String.join(", ", current.catalogue().names()));
        gd.addMessage("Add a structure (leave the id empty to add none):");
        gd.addStringField("new_id", "", 24);
        gd.addStringField("new_name", "", 32);
        String[] kinds = new String[StructureKind.values().length];
        for (int i = 0; i < kinds.length; i++) {
            kinds[i] = StructureKind.values()[i].name().toLowerCase(Locale.ROOT);
        }
        gd.addChoice("new_kind", kinds, "ligament");
        gd.addChoice("new_laterality", LATERALITIES, Laterality.PAIRED.label());
        gd.addCheckbox("levelled", false);
        gd.addStringField("spinal_levels", "", 32);
        gd.addMessage("Aftercare advice printed on the session map (lines separated by |):");
        gd.addStringField("aftercare", String.join(" | ", current.aftercareText().lines().toList()), 70);
        gd.addMessage("Protocol presets (name; dextrose %; anaesthetic; anaesthetic %; volume mL; needle; approach),\n"
                + "the first fills new injections; and the checklist (id; question; blocks or flags), one per line:\n"
                + "'blocks': sign-off needs yes; 'flags': a no with its note is signed as a flagged deviation");
        gd.addTextAreas(lines(current.presets(), ProtocolPreset::toLine),
                lines(current.checklist(), ChecklistItem::toLine), 8, 70);
        gd.showDialog();
        if (gd.wasCanceled()) {
            return;
        }
        try {
            double margin = gd.getNextNumber();
            SafetyLimits limits = new SafetyLimits(gd.getNextNumber(), gd.getNextNumber(), gd.getNextNumber(),
                    gd.getNextNumber(), gd.getNextNumber(), (int) Math.round(gd.getNextNumber()), gd.getNextNumber());
            double minScale = gd.getNextNumber();
            double maxScale = gd.getNextNumber();
            double plannedSessions = gd.getNextNumber();
            double maxInterval = gd.getNextNumber();
            if (gd.invalidNumber()) {
                throw new IllegalArgumentException(
                        "the margin, the limits, the plausible scale and the course defaults must be numbers");
            }
            CourseDefaults course = new CourseDefaults((int) Math.round(plannedSessions),
                    (int) Math.round(maxInterval));
            ClinicSettings updated = new ClinicSettings(current.catalogue(), margin, current.presets(),
                    current.checklist(), limits, current.orderWeights(), current.drugs(),
                    new PlausibleScale(minScale, maxScale), course, current.aftercareText());
            String id = gd.getNextString().trim();
            String name = gd.getNextString().trim();
            StructureKind kind = StructureKind.valueOf(gd.getNextChoice().toUpperCase(Locale.ROOT));
            Laterality laterality = lateralityOf(gd.getNextChoice(), Macro.getOptions());
            boolean levelled = gd.getNextBoolean();
            String levelLabels = gd.getNextString().trim();
            String aftercare = String.join("\n", Arrays.stream(gd.getNextString().split("\\|"))
                    .map(String::strip).toList());
            if (!id.isEmpty()) {
                List<SpinalLevel> levels = new ArrayList<>();
                for (String label : levelLabels.split("[\\s,;]+")) {
                    SpinalLevel level = SpinalLevel.parse(label);
                    if (level != null) {
                        levels.add(level);
                    }
                }
                updated = updated.withCatalogue(updated.catalogue().with(
                        new Structure(id, name, kind, null, null, laterality, levelled, levels, true)));
            }
            updated = updated.withPresets(parse(gd.getNextText(), ProtocolPreset::fromLine))
                    .withChecklist(parse(gd.getNextText(), ChecklistItem::fromLine)).withAftercareText(aftercare);
            PluginWorkspace.get().saveSettings(updated);
            IJ.showStatus("Clinic settings saved");
        } catch (StoreException | IllegalArgumentException e) {
            CommandErrors.show(e.getMessage());
        }
    }

    /**
     * The laterality chosen; a macro ({@code macroOptions}, null when not run by one) recorded before the
     * choice existed ticked {@code structure_midline} for a midline structure, and is read as it meant.
     */
    static Laterality lateralityOf(String choice, String macroOptions) {
        if (macroOptions != null) {
            // the option keys, without the [bracketed] values that may hold any words
            List<String> keys = Arrays.stream(macroOptions.replaceAll("\\[[^\\]]*\\]", " ").trim().split("\\s+"))
                    .map(option -> option.split("=", 2)[0]).toList();
            if (keys.contains("structure_midline") && !keys.contains("new_laterality")) {
                return Laterality.MIDLINE;
            }
        }
        return Laterality.parse(choice);
    }

    private static <T> String lines(List<T> items, Function<T, String> line) {
        return String.join("\n", items.stream().map(line).toList());
    }

    private static <T> List<T> parse(String text, Function<String, T> parser) {
        List<T> out = new ArrayList<>();
        for (String line : text.split("\\R")) {
            if (!line.isBlank()) {
                out.add(parser.apply(line));
            }
        }
        return out;
    }
}
