package org.injectionplanner.plan;

import java.time.OffsetDateTime;

/**
 * A physician's written reason to go ahead despite a safety violation (docs/domain.md §7.2: the physician
 * decides; a violation needs a written reason before sign-off).
 *
 * @param findingKey the key of the finding overridden (see {@code safety.Finding#key}), e.g.
 *        {@code zone-clearance/<target id>/<zone id>} (docs/safety.md §4)
 * @param measured the finding's measured value when it was overridden (e.g. the clearance in mm), or null
 *        where it had none; the override holds only while the finding measures the same, so a path moved
 *        closer to a nerve needs a new reason
 * @param reason the written reason
 * @param author who wrote it
 * @param at when
 */
public record FindingOverride(String findingKey, Double measured, String reason, String author, OffsetDateTime at) {

    public FindingOverride {
        if (findingKey == null || findingKey.isBlank()) {
            throw new IllegalArgumentException("an override names the finding it overrides");
        }
        if (reason == null || reason.isBlank()) {
            throw new IllegalArgumentException("an override needs a written reason");
        }
        if (author == null || author.isBlank() || at == null) {
            throw new IllegalArgumentException("an override needs its author and time");
        }
        PlanText.line(findingKey, "the finding key");
        reason = PlanText.lines(reason, "the override's reason").strip();
        author = PlanText.line(author, "the override's author").strip();
    }
}
