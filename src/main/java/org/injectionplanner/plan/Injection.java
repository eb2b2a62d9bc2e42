package org.injectionplanner.plan;

import java.util.UUID;

/**
 * The injection planned at one target. A plan's injections are kept in session order: the first is
 * injected first.
 *
 * @param id stable identity
 * @param targetId the target injected (one injection per target)
 * @param locked whether an order proposal keeps this injection at its position
 * @param approach in-plane or out-of-plane
 * @param needle gauge and length
 * @param solution what is injected
 * @param volumeMl planned volume, mL (more than 0, at most 50)
 * @param path the planned needle path, or null while none is drawn
 * @param record what happened during the procedure
 */
public record Injection(UUID id, UUID targetId, boolean locked, Approach approach, Needle needle, Solution solution,
        double volumeMl, NeedlePath path, ProcedureRecord record) {

    public Injection {
        if (id == null || targetId == null || approach == null || needle == null || solution == null
                || record == null) {
            throw new IllegalArgumentException("an injection needs an id, target, approach, needle, solution "
                    + "and record");
        }
        if (!(volumeMl > 0 && volumeMl <= 50)) {
            throw new IllegalArgumentException("the volume must be more than 0 and at most 50 mL, got " + volumeMl);
        }
    }

    /** A new planned injection at the target, filled from a protocol preset. */
    public static Injection fromPreset(UUID targetId, ProtocolPreset preset) {
        return new Injection(UUID.randomUUID(), targetId, false, preset.approach(), preset.needle(),
                preset.solution(), preset.volumeMl(), null, ProcedureRecord.PLANNED);
    }

    /** This injection with another path (null removes it). */
    public Injection withPath(NeedlePath newPath) {
        return new Injection(id, targetId, locked, approach, needle, solution, volumeMl, newPath, record);
    }

    /** This injection with other planned fields. */
    public Injection prescribed(Approach newApproach, Needle newNeedle, Solution newSolution, double newVolumeMl) {
        return new Injection(id, targetId, locked, newApproach, newNeedle, newSolution, newVolumeMl, path, record);
    }

    /** This injection locked at, or released from, its position. */
    public Injection withLocked(boolean newLocked) {
        return new Injection(id, targetId, newLocked, approach, needle, solution, volumeMl, path, record);
    }

    /** This injection with another procedure record. */
    public Injection recorded(ProcedureRecord newRecord) {
        return new Injection(id, targetId, locked, approach, needle, solution, volumeMl, path, newRecord);
    }
}
