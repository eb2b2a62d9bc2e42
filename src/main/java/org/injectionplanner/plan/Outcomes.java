package org.injectionplanner.plan;

import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;

/**
 * What the patient reports at a session, recorded before that session's injections (docs/domain.md §4.1):
 * pain on the 0–10 numeric rating scale at rest and on activity, the Oswestry Disability Index, optionally
 * the Roland-Morris Disability Questionnaire, and the patient's global impression of change. Every measure
 * may be left out (null); what is given must lie in its range, else the record is refused naming the range.
 *
 * @param nrsRest pain at rest, 0 (none) to 10 (worst imaginable), or null
 * @param nrsActivity pain on activity, 0–10, or null
 * @param odiPercent Oswestry Disability Index, 0–100 %, or null; with section scores it is derived from them
 *        ({@link #odiFromSections}) and a value given must agree with them within {@link #ODI_TOLERANCE}
 * @param odiSections the ten ODI section scores in questionnaire order, each 0–5 or null (not answered),
 *        or null when only the total was entered
 * @param rmdq Roland-Morris Disability Questionnaire, 0–24 points, or null
 * @param pgic patient global impression of change, 1 (very much improved) to 7 (very much worse), or null
 * @param notes free text
 * @param recordedAt when the outcomes were recorded (the workstation's offset)
 */
public record Outcomes(Integer nrsRest, Integer nrsActivity, Double odiPercent, List<Integer> odiSections,
        Integer rmdq, Integer pgic, String notes, OffsetDateTime recordedAt) {

    /** ODI sections of the questionnaire. */
    public static final int ODI_SECTIONS = 10;

    /** Fewest ODI sections answered for a total (docs/domain.md §4.1: at most two left out). */
    public static final int ODI_MIN_ANSWERED = 8;

    /** How far, percentage points, a given ODI total may differ from the one its sections give. */
    public static final double ODI_TOLERANCE = 1e-6;

    public Outcomes {
        if (recordedAt == null) {
            throw new IllegalArgumentException("outcomes need the time they were recorded");
        }
        inRange(nrsRest, 0, 10, "pain at rest (NRS)");
        inRange(nrsActivity, 0, 10, "pain on activity (NRS)");
        inRange(rmdq, 0, 24, "the Roland-Morris score (RMDQ)");
        inRange(pgic, 1, 7, "the global impression of change (PGIC)");
        if (odiSections != null) {
            if (odiSections.size() != ODI_SECTIONS) {
                throw new IllegalArgumentException("the Oswestry Disability Index has " + ODI_SECTIONS
                        + " sections, got " + odiSections.size() + " scores");
            }
            for (int i = 0; i < ODI_SECTIONS; i++) {
                inRange(odiSections.get(i), 0, 5, "ODI section " + (i + 1));
            }
            odiSections = Collections.unmodifiableList(new ArrayList<>(odiSections));
            double derived = odiFromSections(odiSections);
            if (odiPercent != null && Math.abs(odiPercent - derived) > ODI_TOLERANCE) {
                throw new IllegalArgumentException(String.format(Locale.ROOT, "the ODI total %s %% disagrees with "
                        + "its section scores, which give %s %%", odiPercent, derived));
            }
            odiPercent = derived;
        } else if (odiPercent != null && !(odiPercent >= 0 && odiPercent <= 100)) {
            throw new IllegalArgumentException("the Oswestry Disability Index (ODI) must be 0–100 %, got "
                    + odiPercent);
        }
        notes = notes == null ? "" : PlanText.lines(notes, "the outcome notes").strip();
    }

    /**
     * The ODI total of section scores, % (Fairbank and Pynsent 2000): the sum of the answered sections over
     * 5 × the number answered, × 100; unanswered sections leave the denominator.
     *
     * @param sections ten scores, each 0–5 or null
     * @throws IllegalArgumentException when fewer than {@link #ODI_MIN_ANSWERED} sections are answered
     */
    public static double odiFromSections(List<Integer> sections) {
        int sum = 0;
        int answered = 0;
        for (Integer s : sections) {
            if (s != null) {
                sum += s;
                answered++;
            }
        }
        if (answered < ODI_MIN_ANSWERED) {
            throw new IllegalArgumentException("the ODI needs at least " + ODI_MIN_ANSWERED + " of its "
                    + ODI_SECTIONS + " sections answered, got " + answered);
        }
        return 100.0 * sum / (5.0 * answered);
    }

    private static void inRange(Integer value, int min, int max, String what) {
        if (value != null && (value < min || value > max)) {
            throw new IllegalArgumentException(what + " must be " + min + "–" + max + ", got " + value);
        }
    }
}
