package org.injectionplanner.plan;

import java.util.UUID;

/**
 * A site of the previous session left out of this one, with the physician's reason.
 *
 * @param targetId the site's identity (the target id it had in the previous session)
 * @param number its target number there (not given to a new target of this session)
 * @param label its label there
 * @param reason why it is left out
 * @param note free text; not blank when the reason is {@link DropReason#OTHER}
 */
public record DroppedSite(UUID targetId, int number, String label, DropReason reason, String note) {

    public DroppedSite {
        if (targetId == null || reason == null) {
            throw new IllegalArgumentException("a dropped site needs its target id and a reason");
        }
        label = label == null ? "" : PlanText.line(label, "the dropped site's label");
        note = note == null ? "" : PlanText.lines(note, "the reason's note");
        if (reason == DropReason.OTHER && note.isBlank()) {
            throw new IllegalArgumentException("a site dropped for another reason needs a note saying why");
        }
    }
}
