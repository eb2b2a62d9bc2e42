package org.injectionplanner.imagej;

import ij.IJ;
import ij.gui.GenericDialog;
import ij.plugin.PlugIn;
import java.time.OffsetDateTime;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.injectionplanner.plan.Outcomes;
import org.injectionplanner.plan.PlanEdits;
import org.injectionplanner.plan.SessionPlan;

/**
 * Plugins › Injection Planner › Session › Record Outcomes...: what the patient reports at this session, before
 * its injections (docs/domain.md §4.1). Allowed on a signed plan, like the procedure record. A field left empty
 * is not recorded; an out-of-range value is refused with its range. Macro keys: {@code nrs_rest} and
 * {@code nrs_activity} (0–10), {@code odi} (0–100 %) or {@code odi_sections} (ten scores 0–5 separated by
 * spaces, {@code -} for a section not answered), {@code rmdq} (0–24), {@code pgic} (1–7), {@code notes}.
 */
public final class RecordOutcomesCommand implements PlugIn {

    @Override
    public void run(String arg) {
        SessionPlan plan = PluginWorkspace.editor().plan();
        Outcomes now = plan.outcomes();
        GenericDialog gd = new GenericDialog("Record Outcomes");
        gd.addMessage("Session " + plan.sessionNumber() + ", " + plan.date() + ": leave a field empty when not asked");
        gd.addStringField("nrs_rest", text(now == null ? null : now.nrsRest()), 4);
        gd.addStringField("nrs_activity", text(now == null ? null : now.nrsActivity()), 4);
        boolean bySections = now != null && now.odiSections() != null;
        gd.addStringField("odi", now == null || bySections || now.odiPercent() == null ? ""
                : String.format(Locale.ROOT, "%s", now.odiPercent()), 6);
        gd.addStringField("odi_sections", bySections ? sections(now.odiSections()) : "", 24);
        gd.addStringField("rmdq", text(now == null ? null : now.rmdq()), 4);
        gd.addStringField("pgic", text(now == null ? null : now.pgic()), 4);
        gd.addStringField("notes", now == null ? "" : now.notes(), 30);
        gd.showDialog();
        if (gd.wasCanceled()) {
            return;
        }
        try {
            Integer rest = integer(gd.getNextString(), "nrs_rest");
            Integer activity = integer(gd.getNextString(), "nrs_activity");
            String odiText = gd.getNextString().strip();
            String sectionsText = gd.getNextString().strip();
            Integer rmdq = integer(gd.getNextString(), "rmdq");
            Integer pgic = integer(gd.getNextString(), "pgic");
            String notes = gd.getNextString();
            if (!odiText.isEmpty() && !sectionsText.isEmpty()) {
                throw new IllegalArgumentException("odi: give the ODI total or its section scores, not both");
            }
            Double odi = odiText.isEmpty() ? null : decimal(odiText, "odi");
            List<Integer> odiSections = sectionsText.isEmpty() ? null : parseSections(sectionsText);
            Outcomes outcomes = new Outcomes(rest, activity, odi, odiSections, rmdq, pgic, notes,
                    OffsetDateTime.now().truncatedTo(ChronoUnit.MILLIS));
            PluginWorkspace.editor().apply(PlanEdits.outcomes(outcomes));
            IJ.showStatus("Outcomes of session " + plan.sessionNumber() + " recorded");
        } catch (IllegalArgumentException | IllegalStateException e) {
            CommandErrors.show(e.getMessage());
        }
    }

    /** Ten section scores separated by spaces or commas, {@code -} for one not answered. */
    static List<Integer> parseSections(String text) {
        List<Integer> out = new ArrayList<>();
        for (String s : text.replace("[", "").replace("]", "").split("[\\s,;]+")) {
            out.add(s.equals("-") ? null : integer(s, "odi_sections"));
        }
        return out;
    }

    private static String sections(List<Integer> scores) {
        StringBuilder b = new StringBuilder();
        for (Integer s : scores) {
            b.append(b.length() == 0 ? "" : " ").append(s == null ? "-" : s.toString());
        }
        return b.toString();
    }

    private static String text(Integer v) {
        return v == null ? "" : v.toString();
    }

    private static Integer integer(String text, String key) {
        String t = text.strip();
        if (t.isEmpty()) {
            return null;
        }
        try {
            return Integer.valueOf(t);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(key + ": '" + t + "' is not a whole number");
        }
    }

    private static Double decimal(String text, String key) {
        try {
            return Double.valueOf(text);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(key + ": '" + text + "' is not a number");
        }
    }
}
