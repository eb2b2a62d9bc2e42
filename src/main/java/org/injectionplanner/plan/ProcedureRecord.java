package org.injectionplanner.plan;

import java.time.OffsetDateTime;

/**
 * What happened to an injection during the procedure.
 *
 * @param state planned, done or skipped
 * @param at when it was done or skipped (with the workstation's offset); null while planned
 * @param note for a skipped injection the reason (required); otherwise free text
 */
public record ProcedureRecord(InjectionState state, OffsetDateTime at, String note) {

    /** Not yet done. */
    public static final ProcedureRecord PLANNED = new ProcedureRecord(InjectionState.PLANNED, null, "");

    public ProcedureRecord {
        if (state == null) {
            throw new IllegalArgumentException("a procedure record needs a state");
        }
        note = note == null ? "" : PlanText.lines(note, "the procedure note").strip();
        if (state == InjectionState.PLANNED && at != null) {
            throw new IllegalArgumentException("a planned injection has no time yet");
        }
        if (state != InjectionState.PLANNED && at == null) {
            throw new IllegalArgumentException("a " + state.name().toLowerCase(java.util.Locale.ROOT)
                    + " injection needs the time");
        }
        if (state == InjectionState.SKIPPED && note.isEmpty()) {
            throw new IllegalArgumentException("a skipped injection needs the reason");
        }
    }

    /** Done at {@code at}. */
    public static ProcedureRecord done(OffsetDateTime at, String note) {
        return new ProcedureRecord(InjectionState.DONE, at, note);
    }

    /** Skipped at {@code at} for {@code reason}. */
    public static ProcedureRecord skipped(OffsetDateTime at, String reason) {
        return new ProcedureRecord(InjectionState.SKIPPED, at, reason);
    }
}
