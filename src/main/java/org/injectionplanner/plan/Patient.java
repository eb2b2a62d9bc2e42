package org.injectionplanner.plan;

import java.time.LocalDate;

/**
 * Who the images show, as their DICOM headers say: Patient ID (0010,0020), Patient's Name (0010,0010) and
 * Patient's Birth Date (0010,0030). A plan's patient is its images' patient ({@link SessionPlan#patient()});
 * a treatment course groups the sessions of one Patient ID. These values are protected health information:
 * never logged, left out of de-identified exports.
 *
 * @param id the Patient ID, "" when the images carry none
 * @param name the name in DICOM person-name form ({@code Family^Given^Middle^Prefix^Suffix}), "" if none
 * @param birthDate the birth date, or null when absent or unreadable
 */
public record Patient(String id, String name, LocalDate birthDate) {

    public Patient {
        id = id == null ? "" : PlanText.line(id.strip(), "the Patient ID");
        name = name == null ? "" : PlanText.line(name.strip(), "the patient's name");
    }

    /** The name for reading: "Family, Given Middle" from the person-name form, or "" if none. */
    public String displayName() {
        String[] parts = name.split("=", -1)[0].split("\\^", -1);
        String family = parts[0].strip();
        StringBuilder given = new StringBuilder();
        for (int i = 1; i < Math.min(parts.length, 3); i++) {
            if (!parts[i].isBlank()) {
                given.append(given.length() == 0 ? "" : " ").append(parts[i].strip());
            }
        }
        if (given.length() == 0) {
            return family;
        }
        return family.isEmpty() ? given.toString() : family + ", " + given;
    }

    /** Whether two records name the same patient: equal, non-empty Patient IDs. */
    public boolean sameIdAs(Patient other) {
        return !id.isEmpty() && id.equals(other.id);
    }
}
