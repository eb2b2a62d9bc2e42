package org.injectionplanner.plan;

import java.time.OffsetDateTime;

/**
 * A sign-off of a session plan.
 *
 * @param signer who signed
 * @param signedAt when, with the workstation's offset
 * @param contentSha256 SHA-256 (64 lower-case hex digits) of the plan's planned content as signed
 *        (docs/plan-format.md: the plan written without its procedure record and signature)
 * @param seal the signer's keyed signature with the settings it was given under, or null for a signature
 *        made before keyed signatures (docs/plan-format.md §2.1)
 */
public record Signature(String signer, OffsetDateTime signedAt, String contentSha256, Seal seal) {

    /** A signature without a seal, as builds before keyed signatures wrote. */
    public Signature(String signer, OffsetDateTime signedAt, String contentSha256) {
        this(signer, signedAt, contentSha256, null);
    }

    public Signature {
        if (signer == null || signer.isBlank()) {
            throw new IllegalArgumentException("a signature needs the signer's name");
        }
        if (signedAt == null) {
            throw new IllegalArgumentException("a signature needs its time");
        }
        if (contentSha256 == null || !contentSha256.matches("[0-9a-f]{64}")) {
            throw new IllegalArgumentException("a signature needs a SHA-256 of 64 lower-case hex digits");
        }
        signer = PlanText.line(signer, "the signer's name").strip();
    }
}
