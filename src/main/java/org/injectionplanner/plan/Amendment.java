package org.injectionplanner.plan;

import java.time.OffsetDateTime;

/**
 * A change of a signed plan: opened with a reason, it returns the plan to draft until it is signed again.
 * The signed revision stays in the store unchanged; the amendment keeps the signature it amends.
 *
 * @param reason why the signed plan changes
 * @param author who opened the amendment
 * @param at when
 * @param amended the signature being amended (as it stands in the signed revision)
 */
public record Amendment(String reason, String author, OffsetDateTime at, Signature amended) {

    public Amendment {
        if (reason == null || reason.isBlank()) {
            throw new IllegalArgumentException("an amendment needs a reason");
        }
        if (author == null || author.isBlank() || at == null) {
            throw new IllegalArgumentException("an amendment needs its author and time");
        }
        if (amended == null) {
            throw new IllegalArgumentException("an amendment names the signature it amends");
        }
        reason = PlanText.lines(reason, "the amendment's reason").strip();
        author = PlanText.line(author, "the amendment's author").strip();
    }
}
