package org.injectionplanner.plan;

import java.util.List;

/**
 * What verifying a plan's signature found (docs/plan-format.md §2.1). Only {@link State#VALID} counts as
 * signed; an {@link State#INVALID} signature is shown as "signature not valid — treated as a draft".
 *
 * @param state the verdict
 * @param problems why the signature is not valid (empty unless {@link State#INVALID}), or, for
 *        {@link State#UNKEYED}, the note that it could not be verified
 */
public record SignatureStatus(State state, List<String> problems) {

    /** The verdicts. */
    public enum State {
        /** The plan carries no signature. */
        UNSIGNED,
        /** Signed with a key the store's keyring trusts; content, ids, settings and conditions all check out. */
        VALID,
        /** Signed by a build before keyed signatures: its content hash matches, but nothing proves the signer. */
        UNKEYED,
        /** The signature cannot be verified or its conditions do not hold: the plan is treated as a draft. */
        INVALID
    }

    /** What {@link State#UNKEYED} says. */
    public static final String UNKEYED_NOTE = "signed before keyed signatures: the signer cannot be verified";

    public SignatureStatus {
        problems = List.copyOf(problems);
        if ((state == State.INVALID) == problems.isEmpty()) {
            throw new IllegalArgumentException("an invalid signature, and only it, lists its problems");
        }
    }

    /** No signature. */
    public static final SignatureStatus UNSIGNED = new SignatureStatus(State.UNSIGNED, List.of());

    /** A valid signature. */
    public static final SignatureStatus VALID = new SignatureStatus(State.VALID, List.of());

    /** A signature from before keyed signatures. */
    public static final SignatureStatus UNKEYED = new SignatureStatus(State.UNKEYED, List.of());

    /** An invalid signature, for {@code problems} (at least one). */
    public static SignatureStatus invalid(List<String> problems) {
        return new SignatureStatus(State.INVALID, problems);
    }

    /** True only for a valid signature: the one state shown as signed. */
    public boolean trusted() {
        return state == State.VALID;
    }
}
