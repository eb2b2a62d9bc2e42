package org.injectionplanner.plan;

import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * A question of the clinic's pre-procedure checklist, phrased so that "yes" is the expected answer.
 *
 * @param id stable key (lower-case letters, digits and '-')
 * @param question the question as asked
 * @param blocksSignOff whether the clinic requires "yes" before sign-off: any other answer (no, n/a) then
 *        refuses it; otherwise a "no" is a deviation flagged in the session map, signed with its note
 *        (docs/safety.md §6)
 */
public record ChecklistItem(String id, String question, boolean blocksSignOff) {

    /**
     * The id of the question whether the patient's weight is entered: its answer follows the plan's weight
     * field ({@link SessionPlan#withPatientWeightKg}) and cannot be "yes" without a weight.
     */
    public static final String WEIGHT = "weight";

    /**
     * The ids of the default checklist whose answer must be "yes" unless the clinic decides otherwise: the
     * items that guard against nerve, dural, bleeding, infective or toxic harm or a wrong site (docs/safety.md
     * §6 gives each reason).
     */
    public static final Set<String> BLOCKING_BY_DEFAULT = Set.of("no-infection", "anticoagulants", WEIGHT, "consent",
            "site-marking", "time-out");

    /** The marker ending a line ({@link #toLine}) of an item that blocks sign-off. */
    public static final String BLOCKS = "blocks";
    /** The marker ending a line of an item whose "no" is only flagged as a deviation. */
    public static final String FLAGS = "flags";

    public ChecklistItem {
        if (id == null || !id.matches("[a-z0-9]+(-[a-z0-9]+)*")) {
            throw new IllegalArgumentException("checklist item ids are lower-case words joined by '-', got '"
                    + id + "'");
        }
        if (question == null || question.isBlank()) {
            throw new IllegalArgumentException("checklist item '" + id + "' needs its question");
        }
        question = PlanText.line(question, "checklist question '" + id + "'").strip();
    }

    /** A question whose "no" is flagged as a deviation but does not block sign-off. */
    public ChecklistItem(String id, String question) {
        this(id, question, false);
    }

    /** The question with the default for its id: blocking for {@link #BLOCKING_BY_DEFAULT}. */
    public static ChecklistItem withDefaultBlocking(String id, String question) {
        return new ChecklistItem(id, question, blocksByDefault(id));
    }

    /** Whether an item with this id blocks sign-off when the clinic has not said (settings written before). */
    public static boolean blocksByDefault(String id) {
        return id != null && BLOCKING_BY_DEFAULT.contains(id);
    }

    /**
     * Parses one line {@code id; question; blocks} or {@code id; question; flags}. A line without the marker
     * (as written before it existed) takes the default for its id ({@link #blocksByDefault}); the question may
     * hold semicolons, and only a last part that is exactly {@code blocks} or {@code flags} is the marker.
     *
     * @throws IllegalArgumentException naming the line
     */
    public static ChecklistItem fromLine(String line) {
        int semicolon = line.indexOf(';');
        if (semicolon < 0) {
            throw new IllegalArgumentException("checklist line '" + line.strip()
                    + "': expected 'id; question; blocks' or 'id; question; flags'");
        }
        String id = line.substring(0, semicolon).strip();
        String rest = line.substring(semicolon + 1);
        int last = rest.lastIndexOf(';');
        String marker = last < 0 ? "" : rest.substring(last + 1).strip().toLowerCase(Locale.ROOT);
        if (marker.equals(BLOCKS) || marker.equals(FLAGS)) {
            return new ChecklistItem(id, rest.substring(0, last), marker.equals(BLOCKS));
        }
        return withDefaultBlocking(id, rest);
    }

    /** This item as the line {@link #fromLine} reads, always with its marker. */
    public String toLine() {
        return id + "; " + question + "; " + (blocksSignOff ? BLOCKS : FLAGS);
    }

    /** The checklist of docs/domain.md §3.1 and §7.2 item 10. */
    public static List<ChecklistItem> defaults() {
        return List.of(
                withDefaultBlocking("indication", "Indication confirmed; red flags (cancer-related pain, "
                        + "inflammatory back pain) screened"),
                withDefaultBlocking("no-infection", "No active infection, cellulitis or skin infection at the sites"),
                withDefaultBlocking("no-local-contraindication", "No recent fracture, unexplained swelling "
                        + "or acute gout"),
                withDefaultBlocking("anticoagulants", "Anticoagulant and antiplatelet status checked; any pause agreed "
                        + "with the prescriber"),
                withDefaultBlocking("nsaids-paused", "NSAIDs paused 3–7 days before; oral corticosteroids discussed"),
                withDefaultBlocking("no-allergy", "No allergy to the local anaesthetic or other components"),
                withDefaultBlocking("pregnancy", "Pregnancy excluded or discussed"),
                withDefaultBlocking("diabetes", "Diabetes status known"),
                withDefaultBlocking("prosthesis", "Prosthetic joints or valves: antibiotic prophylaxis advice checked"),
                withDefaultBlocking(WEIGHT, "Weight entered for the anaesthetic dose limit"),
                withDefaultBlocking("consent", "Written consent signed (pain flare, bruising, bleeding, nerve injury, "
                        + "infection, allergy, no improvement, spinal cord injury)"),
                withDefaultBlocking("site-marking", "Patient, procedure, side and levels verified; sites marked"),
                withDefaultBlocking("time-out", "Time-out done just before starting"));
    }
}
