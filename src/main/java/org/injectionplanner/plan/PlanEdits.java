package org.injectionplanner.plan;

import java.util.List;
import java.util.UUID;
import java.util.function.UnaryOperator;
import org.injectionplanner.geometry.PixelPoint;
import org.injectionplanner.geometry.ZoneShape;

/** The edits of a session plan. */
public final class PlanEdits {

    private PlanEdits() {
    }

    /** An edit named {@code description} that applies {@code change}. */
    static PlanEdit edit(String description, UnaryOperator<SessionPlan> change) {
        return new PlanEdit() {
            @Override
            public String description() {
                return description;
            }

            @Override
            public SessionPlan applyTo(SessionPlan plan) {
                return change.apply(plan);
            }

            @Override
            public String toString() {
                return description;
            }
        };
    }

    /** Records an image the plan's annotations are placed on (no-op if it is known). */
    public static PlanEdit addImage(PlanImage image) {
        return edit("Add image " + image.description(), plan -> plan.withImage(image));
    }

    /**
     * Sets which way an image's edges face in the patient (null: not known), recording the image first if the
     * plan does not hold it yet.
     */
    public static PlanEdit setImageSides(PlanImage image, ImageSides sides) {
        return edit(sides == null ? "Clear image orientation" : "Set image orientation "
                + sides.leftEdge().marker() + "/" + sides.rightEdge().marker(),
                plan -> plan.withImage(image).withImageSides(image.sopInstanceUid(), sides));
    }

    /** Adds a target (its image must have been added). */
    public static PlanEdit addTarget(Target target) {
        return edit("Add target " + name(target), plan -> {
            requireImage(plan, target.image());
            if (plan.target(target.id()).isPresent()) {
                throw new IllegalArgumentException("target " + target.id() + " is already in the plan");
            }
            return plan.withTarget(target);
        });
    }

    /** Moves a target to a point measured with this calibration; its depth follows from them. */
    public static PlanEdit moveTarget(UUID id, PixelPoint point, MeasuredCalibration calibration) {
        return edit("Move target", plan -> {
            Target target = requireTarget(plan, id);
            if (plan.isToConfirm(id)) {
                throw new IllegalArgumentException(name(target) + " is still on the image of session "
                        + plan.copiedForward().fromSession() + ": place it on an image of today's study");
            }
            return plan.withTarget(target.movedTo(point, calibration));
        });
    }

    /** Changes a target's label, structure, side, level and notes. */
    public static PlanEdit describeTarget(UUID id, String label, String structureId, Side side, SpinalLevel level,
            String notes) {
        return edit("Edit target " + label,
                plan -> plan.withTarget(requireTarget(plan, id).describedAs(label, structureId, side, level, notes)));
    }

    /** Deletes a target. */
    public static PlanEdit deleteTarget(UUID id) {
        return edit("Delete target", plan -> {
            requireTarget(plan, id);
            return plan.withoutTarget(id);
        });
    }

    /** Adds a zone (its image must have been added). */
    public static PlanEdit addZone(NerveZone zone) {
        return edit("Add zone " + zone.name(), plan -> {
            requireImage(plan, zone.image());
            if (plan.zone(zone.id()).isPresent()) {
                throw new IllegalArgumentException("zone " + zone.id() + " is already in the plan");
            }
            return plan.withZone(zone);
        });
    }

    /** Changes a zone's shape (e.g. a moved vertex), with its calibration. */
    public static PlanEdit reshapeZone(UUID id, ZoneShape shape, MeasuredCalibration calibration) {
        return edit("Reshape zone", plan -> plan.withZone(requireZone(plan, id).reshaped(shape, calibration)));
    }

    /** Changes a zone's kind, name and margin. */
    public static PlanEdit describeZone(UUID id, ZoneKind kind, String name, double marginMm) {
        return edit("Edit zone " + name,
                plan -> plan.withZone(requireZone(plan, id).describedAs(kind, name, marginMm)));
    }

    /** Deletes a zone. */
    public static PlanEdit deleteZone(UUID id) {
        return edit("Delete zone", plan -> {
            requireZone(plan, id);
            return plan.withoutZone(id);
        });
    }

    /** Adds an injection at the end of the session order (its target must exist and have none yet). */
    public static PlanEdit addInjection(Injection injection) {
        return edit("Add injection", plan -> {
            Target target = requireTarget(plan, injection.targetId());
            if (plan.injectionAt(target.id()).isPresent()) {
                throw new IllegalArgumentException(name(target) + " already has an injection");
            }
            return plan.withInjection(injection);
        });
    }

    /** Changes what an injection gives and how. */
    public static PlanEdit prescribe(UUID injectionId, Approach approach, Needle needle, Solution solution,
            double volumeMl) {
        return edit("Edit injection", plan -> plan.withInjection(
                requireInjection(plan, injectionId).prescribed(approach, needle, solution, volumeMl)));
    }

    /** Sets (or with null removes) an injection's needle path. */
    public static PlanEdit planPath(UUID injectionId, NeedlePath path) {
        return edit(path == null ? "Remove needle path" : "Plan needle path",
                plan -> plan.withInjection(requireInjection(plan, injectionId).withPath(path)));
    }

    /** Deletes an injection; its target stays. */
    public static PlanEdit deleteInjection(UUID injectionId) {
        return edit("Delete injection", plan -> {
            requireInjection(plan, injectionId);
            return plan.withoutInjection(injectionId);
        });
    }

    /** Puts the injections in a new session order (all of them, each once). */
    public static PlanEdit reorder(String description, List<UUID> order) {
        return edit(description, plan -> plan.withInjectionOrder(order));
    }

    /** Locks an injection at its position, or releases it. */
    public static PlanEdit lock(UUID injectionId, boolean locked) {
        return edit(locked ? "Lock injection position" : "Unlock injection position",
                plan -> plan.withInjection(requireInjection(plan, injectionId).withLocked(locked)));
    }

    /** Records an injection as done, skipped or planned again (allowed on a signed plan). */
    public static PlanEdit record(UUID injectionId, ProcedureRecord record) {
        return edit("Mark injection " + record.state().name().toLowerCase(java.util.Locale.ROOT),
                plan -> plan.withInjection(requireInjection(plan, injectionId).recorded(record)));
    }

    /**
     * Records the patient's outcomes for the session (null removes them). Allowed on a signed plan, like the
     * procedure record: the questionnaires are often completed at the visit, after the plan was signed ahead.
     */
    public static PlanEdit outcomes(Outcomes outcomes) {
        return edit(outcomes == null ? "Remove outcomes" : "Record outcomes", plan -> plan.withOutcomes(outcomes));
    }

    /** Answers a checklist question of the plan. */
    public static PlanEdit answer(String itemId, ChecklistAnswer answer, String note) {
        return edit("Answer checklist item " + itemId, plan -> {
            ChecklistEntry entry = plan.checklist().stream().filter(e -> e.item().id().equals(itemId)).findFirst()
                    .orElseThrow(() -> new IllegalArgumentException("no checklist item '" + itemId + "' in the plan"));
            return plan.withChecklistEntry(new ChecklistEntry(entry.item(), answer, note));
        });
    }

    /** Enters (or with null clears) the patient's weight, kg. */
    public static PlanEdit patientWeight(Double kg) {
        return edit("Set patient weight", plan -> plan.withPatientWeightKg(kg));
    }

    /** Records a written reason to go ahead despite a violation. */
    public static PlanEdit override(FindingOverride override) {
        return edit("Override finding", plan -> plan.withOverride(override));
    }

    /** Withdraws the override of a finding. */
    public static PlanEdit withdrawOverride(String findingKey) {
        return edit("Withdraw override", plan -> {
            if (plan.override(findingKey).isEmpty()) {
                throw new IllegalArgumentException("no override of finding " + findingKey);
            }
            return plan.withoutOverride(findingKey);
        });
    }

    /** Opens an amendment of a signed plan: a draft again, with the reason recorded. */
    public static PlanEdit amend(Amendment amendment) {
        return edit("Amend signed plan", plan -> plan.amended(amendment));
    }

    private static String name(Target t) {
        return t.label().isEmpty() ? AnnotationNames.of(t) : t.label();
    }

    private static void requireImage(SessionPlan plan, ImageRef ref) {
        if (plan.image(ref.sopInstanceUid()).isEmpty()) {
            throw new IllegalArgumentException("image " + ref.sopInstanceUid() + " is not part of the plan");
        }
    }

    private static Target requireTarget(SessionPlan plan, UUID id) {
        return plan.target(id).orElseThrow(() -> new IllegalArgumentException("no target " + id + " in the plan"));
    }

    private static Injection requireInjection(SessionPlan plan, UUID id) {
        return plan.injection(id)
                .orElseThrow(() -> new IllegalArgumentException("no injection " + id + " in the plan"));
    }

    private static NerveZone requireZone(SessionPlan plan, UUID id) {
        return plan.zone(id).orElseThrow(() -> new IllegalArgumentException("no zone " + id + " in the plan"));
    }
}
