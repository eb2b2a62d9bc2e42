package org.injectionplanner.plan;

import java.util.UUID;
import java.util.function.UnaryOperator;
import org.injectionplanner.geometry.PixelPoint;
import org.injectionplanner.geometry.ZoneShape;

/** The edits of a session plan. */
public final class PlanEdits {

    private PlanEdits() {
    }

    private static PlanEdit edit(String description, UnaryOperator<SessionPlan> change) {
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

    /** Moves a target, with its new depth and calibration. */
    public static PlanEdit moveTarget(UUID id, PixelPoint point, Double depthMm, MeasuredCalibration calibration) {
        return edit("Move target", plan -> plan.withTarget(requireTarget(plan, id).movedTo(point, depthMm, calibration)));
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
        return edit("Edit zone " + name, plan -> plan.withZone(requireZone(plan, id).describedAs(kind, name, marginMm)));
    }

    /** Deletes a zone. */
    public static PlanEdit deleteZone(UUID id) {
        return edit("Delete zone", plan -> {
            requireZone(plan, id);
            return plan.withoutZone(id);
        });
    }

    private static String name(Target t) {
        return t.label().isEmpty() ? "T" + t.number() : t.label();
    }

    private static void requireImage(SessionPlan plan, ImageRef ref) {
        if (plan.image(ref.sopInstanceUid()).isEmpty()) {
            throw new IllegalArgumentException("image " + ref.sopInstanceUid() + " is not part of the plan");
        }
    }

    private static Target requireTarget(SessionPlan plan, UUID id) {
        return plan.target(id).orElseThrow(() -> new IllegalArgumentException("no target " + id + " in the plan"));
    }

    private static NerveZone requireZone(SessionPlan plan, UUID id) {
        return plan.zone(id).orElseThrow(() -> new IllegalArgumentException("no zone " + id + " in the plan"));
    }
}
