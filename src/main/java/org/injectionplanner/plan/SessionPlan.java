package org.injectionplanner.plan;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Predicate;

/**
 * The targets and zones of one treatment session, with the images they were placed on. Immutable: every
 * change returns a new plan (through {@link PlanEditor}, which keeps the history).
 *
 * @param id the plan's identity
 * @param courseId the treatment course it belongs to (a series of sessions)
 * @param sessionNumber 1 for the first session of the course
 * @param date the session date
 * @param author who planned it
 * @param status draft (sign-off comes later)
 * @param images images annotated, in the order they were first used
 * @param targets targets, in the order they were added
 * @param zones avoidance zones, in the order they were added
 */
public record SessionPlan(UUID id, UUID courseId, int sessionNumber, LocalDate date, String author,
        PlanStatus status, List<PlanImage> images, List<Target> targets, List<NerveZone> zones) {

    public SessionPlan {
        if (id == null || courseId == null || date == null || status == null) {
            throw new IllegalArgumentException("a session plan needs an id, course, date and status");
        }
        if (sessionNumber < 1) {
            throw new IllegalArgumentException("session numbers start at 1, got " + sessionNumber);
        }
        author = author == null ? "" : author;
        images = List.copyOf(images);
        targets = List.copyOf(targets);
        zones = List.copyOf(zones);
    }

    /** A new empty draft. */
    public static SessionPlan newDraft(UUID courseId, int sessionNumber, LocalDate date, String author) {
        return new SessionPlan(UUID.randomUUID(), courseId, sessionNumber, date, author, PlanStatus.DRAFT,
                List.of(), List.of(), List.of());
    }

    /** The target with this id. */
    public Optional<Target> target(UUID targetId) {
        return targets.stream().filter(t -> t.id().equals(targetId)).findFirst();
    }

    /** The zone with this id. */
    public Optional<NerveZone> zone(UUID zoneId) {
        return zones.stream().filter(z -> z.id().equals(zoneId)).findFirst();
    }

    /** The image with this SOP Instance UID. */
    public Optional<PlanImage> image(String sopInstanceUid) {
        return images.stream().filter(i -> i.sopInstanceUid().equals(sopInstanceUid)).findFirst();
    }

    /** The number for the next target: one more than the highest so far. */
    public int nextTargetNumber() {
        return targets.stream().mapToInt(Target::number).max().orElse(0) + 1;
    }

    /** The number for the next zone. */
    public int nextZoneNumber() {
        return zones.stream().mapToInt(NerveZone::number).max().orElse(0) + 1;
    }

    /** This plan with the image recorded (unchanged if already there). */
    public SessionPlan withImage(PlanImage image) {
        if (image(image.sopInstanceUid()).isPresent()) {
            return this;
        }
        List<PlanImage> all = new ArrayList<>(images);
        all.add(image);
        return new SessionPlan(id, courseId, sessionNumber, date, author, status, all, targets, zones);
    }

    /** This plan with the target added, or replaced if one with its id exists. */
    public SessionPlan withTarget(Target target) {
        return new SessionPlan(id, courseId, sessionNumber, date, author, status, images,
                upsert(targets, target, t -> t.id().equals(target.id())), zones);
    }

    /** This plan without the target. */
    public SessionPlan withoutTarget(UUID targetId) {
        return new SessionPlan(id, courseId, sessionNumber, date, author, status, images,
                targets.stream().filter(t -> !t.id().equals(targetId)).toList(), zones);
    }

    /** This plan with the zone added, or replaced if one with its id exists. */
    public SessionPlan withZone(NerveZone zone) {
        return new SessionPlan(id, courseId, sessionNumber, date, author, status, images, targets,
                upsert(zones, zone, z -> z.id().equals(zone.id())));
    }

    /** This plan without the zone. */
    public SessionPlan withoutZone(UUID zoneId) {
        return new SessionPlan(id, courseId, sessionNumber, date, author, status, images, targets,
                zones.stream().filter(z -> !z.id().equals(zoneId)).toList());
    }

    private static <T> List<T> upsert(List<T> list, T item, Predicate<T> same) {
        List<T> out = new ArrayList<>(list);
        for (int i = 0; i < out.size(); i++) {
            if (same.test(out.get(i))) {
                out.set(i, item);
                return out;
            }
        }
        out.add(item);
        return out;
    }
}
