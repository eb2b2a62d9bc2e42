package org.injectionplanner.plan;

import java.util.List;

/**
 * A question of the clinic's pre-procedure checklist, phrased so that "yes" is the expected answer.
 *
 * @param id stable key (lower-case letters, digits and '-')
 * @param question the question as asked
 */
public record ChecklistItem(String id, String question) {

    /**
     * The id of the question whether the patient's weight is entered: its answer follows the plan's weight
     * field ({@link SessionPlan#withPatientWeightKg}) and cannot be "yes" without a weight.
     */
    public static final String WEIGHT = "weight";

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

    /**
     * Parses one line {@code id; question}.
     *
     * @throws IllegalArgumentException naming the line
     */
    public static ChecklistItem fromLine(String line) {
        int semicolon = line.indexOf(';');
        if (semicolon < 0) {
            throw new IllegalArgumentException("checklist line '" + line.strip() + "': expected 'id; question'");
        }
        return new ChecklistItem(line.substring(0, semicolon).strip(), line.substring(semicolon + 1));
    }

    /** This item as the line {@link #fromLine} reads. */
    public String toLine() {
        return id + "; " + question;
    }

    /** The checklist of docs/domain.md §3.1 and §7.2 item 10. */
    public static List<ChecklistItem> defaults() {
        return List.of(
                new ChecklistItem("indication", "Indication confirmed; red flags (cancer-related pain, "
                        + "inflammatory back pain) screened"),
                new ChecklistItem("no-infection", "No active infection, cellulitis or skin infection at the sites"),
                new ChecklistItem("no-local-contraindication", "No recent fracture, unexplained swelling "
                        + "or acute gout"),
                new ChecklistItem("anticoagulants", "Anticoagulant and antiplatelet status checked; any pause agreed "
                        + "with the prescriber"),
                new ChecklistItem("nsaids-paused", "NSAIDs paused 3–7 days before; oral corticosteroids discussed"),
                new ChecklistItem("no-allergy", "No allergy to the local anaesthetic or other components"),
                new ChecklistItem("pregnancy", "Pregnancy excluded or discussed"),
                new ChecklistItem("diabetes", "Diabetes status known"),
                new ChecklistItem("prosthesis", "Prosthetic joints or valves: antibiotic prophylaxis advice checked"),
                new ChecklistItem(WEIGHT, "Weight entered for the anaesthetic dose limit"),
                new ChecklistItem("consent", "Written consent signed (pain flare, bruising, bleeding, nerve injury, "
                        + "infection, allergy, no improvement, spinal cord injury)"),
                new ChecklistItem("site-marking", "Patient, procedure, side and levels verified; sites marked"),
                new ChecklistItem("time-out", "Time-out done just before starting"));
    }
}
