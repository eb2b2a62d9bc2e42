package org.injectionplanner.plan;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.function.Predicate;
import java.util.stream.Collectors;

/**
 * One treatment session's plan: the targets and zones with the images they were placed on, the injections
 * in session order, the pre-procedure checklist, override reasons, and the sign-off. Immutable: every
 * change returns a new plan (through {@link PlanEditor}, which keeps the history).
 *
 * @param id the plan's identity
 * @param courseId the treatment course it belongs to (a series of sessions)
 * @param sessionNumber 1 for the first session of the course
 * @param date the session date
 * @param author who planned it
 * @param status draft or signed; a signed plan has a signature
 * @param patientWeightKg the patient's weight in kg for the anaesthetic dose limit, or null when not entered
 * @param images images annotated, in the order they were first used
 * @param targets targets, in the order they were added
 * @param zones avoidance zones, in the order they were added
 * @param injections one per target at most, in session order (the first is injected first)
 * @param checklist the pre-procedure checklist as asked in this session
 * @param overrides written reasons to go ahead despite violations
 * @param signature the sign-off; present exactly when the plan is signed
 * @param amendments amendments of earlier signatures, oldest first
 * @param outcomes what the patient reported at this session ({@link Outcomes}), or null when none are recorded;
 *        like the procedure record they are not part of the signed planned content
 * @param copiedForward where the plan's sites came from when it was started from an earlier session
 *     ({@link CopyForward}), or null
 */
public record SessionPlan(UUID id, UUID courseId, int sessionNumber, LocalDate date, String author,
        PlanStatus status, Double patientWeightKg, List<PlanImage> images, List<Target> targets,
        List<NerveZone> zones, List<Injection> injections, List<ChecklistEntry> checklist,
        List<FindingOverride> overrides, Signature signature, List<Amendment> amendments,
        Outcomes outcomes, CopiedForward copiedForward) {

    public SessionPlan {
        if (id == null || courseId == null || date == null || status == null) {
            throw new IllegalArgumentException("a session plan needs an id, course, date and status");
        }
        if (sessionNumber < 1) {
            throw new IllegalArgumentException("session numbers start at 1, got " + sessionNumber);
        }
        if (patientWeightKg != null && !(patientWeightKg > 0 && patientWeightKg <= 500)) {
            throw new IllegalArgumentException("the patient's weight must be more than 0 and at most 500 kg, got "
                    + patientWeightKg);
        }
        if ((status == PlanStatus.SIGNED) != (signature != null)) {
            throw new IllegalArgumentException("a signed plan has a signature and a draft has none");
        }
        author = author == null ? "" : PlanText.line(author, "the plan's author");
        images = List.copyOf(images);
        targets = List.copyOf(targets);
        zones = List.copyOf(zones);
        injections = List.copyOf(injections);
        checklist = List.copyOf(checklist);
        overrides = List.copyOf(overrides);
        amendments = List.copyOf(amendments);
        requireConsistentInjections(targets, injections);
        requireOnePatient(images);
        requireCopiedSites(targets, copiedForward);
        Set<String> items = new HashSet<>();
        for (ChecklistEntry e : checklist) {
            if (!items.add(e.item().id())) {
                throw new IllegalArgumentException("checklist item '" + e.item().id() + "' appears twice");
            }
        }
    }

    /** A new empty draft without checklist questions. */
    public static SessionPlan newDraft(UUID courseId, int sessionNumber, LocalDate date, String author) {
        return newDraft(courseId, sessionNumber, date, author, List.of());
    }

    /** A new empty draft with the given checklist questions unanswered. */
    public static SessionPlan newDraft(UUID courseId, int sessionNumber, LocalDate date, String author,
            List<ChecklistItem> checklist) {
        return new SessionPlan(UUID.randomUUID(), courseId, sessionNumber, date, author, PlanStatus.DRAFT, null,
                List.of(), List.of(), List.of(), List.of(),
                checklist.stream().map(ChecklistEntry::unanswered).toList(), List.of(), null, List.of(), null, null);
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

    /** The injection with this id. */
    public Optional<Injection> injection(UUID injectionId) {
        return injections.stream().filter(i -> i.id().equals(injectionId)).findFirst();
    }

    /** The injection planned at this target. */
    public Optional<Injection> injectionAt(UUID targetId) {
        return injections.stream().filter(i -> i.targetId().equals(targetId)).findFirst();
    }

    /** The target an injection is planned at (it always exists: the plan keeps them consistent). */
    public Target targetOf(Injection injection) {
        return target(injection.targetId()).orElseThrow();
    }

    /** The 1-based position of an injection in the session order. */
    public int positionOf(UUID injectionId) {
        for (int i = 0; i < injections.size(); i++) {
            if (injections.get(i).id().equals(injectionId)) {
                return i + 1;
            }
        }
        throw new IllegalArgumentException("no injection " + injectionId + " in the plan");
    }

    /** The override of the finding with this key. */
    public Optional<FindingOverride> override(String findingKey) {
        return overrides.stream().filter(o -> o.findingKey().equals(findingKey)).findFirst();
    }

    /** The checklist entries not yet answered. */
    public List<ChecklistEntry> unansweredChecklist() {
        return checklist.stream().filter(e -> e.answer() == null).toList();
    }

    /** The number for the next target: one more than the highest so far (a dropped site's number counts). */
    public int nextTargetNumber() {
        int dropped = copiedForward == null ? 0
                : copiedForward.dropped().stream().mapToInt(DroppedSite::number).max().orElse(0);
        return Math.max(dropped, targets.stream().mapToInt(Target::number).max().orElse(0)) + 1;
    }

    /** The number for the next zone. */
    public int nextZoneNumber() {
        return zones.stream().mapToInt(NerveZone::number).max().orElse(0) + 1;
    }

    /**
     * What a signature covers: this plan with every procedure record back to planned, no signature and
     * draft status. Two plans with equal planned content differ only in their procedure record.
     */
    public SessionPlan plannedContent() {
        return new SessionPlan(id, courseId, sessionNumber, date, author, PlanStatus.DRAFT, patientWeightKg, images,
                targets, zones, injections.stream().map(i -> i.recorded(ProcedureRecord.PLANNED)).toList(), checklist,
                overrides, null, amendments, null, copiedForward);
    }

    /**
     * The patient the plan's images show: the first image that records one (all that record an ID agree),
     * or empty when no image records a patient.
     */
    public Optional<Patient> patient() {
        return images.stream().map(PlanImage::patient).filter(p -> p != null).findFirst();
    }

    private static void requireOnePatient(List<PlanImage> images) {
        Patient first = null;
        for (PlanImage image : images) {
            Patient p = image.patient();
            if (p == null || p.id().isEmpty()) {
                continue;
            }
            if (first != null && !first.id().equals(p.id())) {
                throw new IllegalArgumentException("image " + image.sopInstanceUid()
                        + " shows another patient (Patient ID " + p.id() + ") than the plan's other images ("
                        + first.id() + ")");
            }
            first = first == null ? p : first;
        }
    }

    /** This plan with the image recorded (unchanged if already there). */
    public SessionPlan withImage(PlanImage image) {
        if (image(image.sopInstanceUid()).isPresent()) {
            return this;
        }
        List<PlanImage> all = new ArrayList<>(images);
        all.add(image);
        return new SessionPlan(id, courseId, sessionNumber, date, author, status, patientWeightKg, all, targets,
                zones, injections, checklist, overrides, signature, amendments, outcomes, copiedForward);
    }

    /** This plan with the image's sides set (null: not known); the image must be in the plan. */
    SessionPlan withImageSides(String sopInstanceUid, ImageSides sides) {
        PlanImage image = image(sopInstanceUid).orElseThrow(
                () -> new IllegalArgumentException("image " + sopInstanceUid + " is not part of the plan"));
        return new SessionPlan(id, courseId, sessionNumber, date, author, status, patientWeightKg,
                images.stream().map(i -> i == image ? i.withSides(sides) : i).toList(), targets, zones, injections,
                checklist, overrides, signature, amendments, outcomes, copiedForward);
    }

    /** This plan without the image (package-private: only for an image no annotation is on). */
    SessionPlan withoutImage(String sopInstanceUid) {
        return new SessionPlan(id, courseId, sessionNumber, date, author, status, patientWeightKg,
                images.stream().filter(i -> !i.sopInstanceUid().equals(sopInstanceUid)).toList(), targets, zones,
                injections, checklist, overrides, signature, amendments, outcomes, copiedForward);
    }

    /** This plan with the target added, or replaced if one with its id exists. */
    public SessionPlan withTarget(Target target) {
        return withTargets(upsert(targets, target, t -> t.id().equals(target.id())), injections);
    }

    /** This plan without the target and its injection. */
    public SessionPlan withoutTarget(UUID targetId) {
        return withTargets(targets.stream().filter(t -> !t.id().equals(targetId)).toList(),
                injections.stream().filter(i -> !i.targetId().equals(targetId)).toList());
    }

    /** This plan with the zone added, or replaced if one with its id exists. */
    public SessionPlan withZone(NerveZone zone) {
        return withZones(upsert(zones, zone, z -> z.id().equals(zone.id())));
    }

    /** This plan without the zone. */
    public SessionPlan withoutZone(UUID zoneId) {
        return withZones(zones.stream().filter(z -> !z.id().equals(zoneId)).toList());
    }

    /** This plan with the injection replaced, or added at the end of the order if new. */
    public SessionPlan withInjection(Injection injection) {
        return withTargets(targets, upsert(injections, injection, i -> i.id().equals(injection.id())));
    }

    /** This plan without the injection (its target stays). */
    public SessionPlan withoutInjection(UUID injectionId) {
        return withTargets(targets, injections.stream().filter(i -> !i.id().equals(injectionId)).toList());
    }

    /**
     * This plan with its injections in the given order.
     *
     * @param order the ids of all of the plan's injections, each once
     */
    public SessionPlan withInjectionOrder(List<UUID> order) {
        if (order.size() != injections.size() || !new HashSet<>(order).equals(
                new HashSet<>(injections.stream().map(Injection::id).toList()))) {
            throw new IllegalArgumentException("a new order must list each of the plan's " + injections.size()
                    + " injections once");
        }
        return withTargets(targets, order.stream().map(id -> injection(id).orElseThrow()).toList());
    }

    /**
     * This plan with the patient's weight, kg (null: not entered). The checklist's weight question
     * ({@link ChecklistItem#WEIGHT}) follows: answered yes with a weight, and a yes made unanswered without one.
     */
    public SessionPlan withPatientWeightKg(Double kg) {
        List<ChecklistEntry> entries = checklist.stream().map(e -> !e.item().id().equals(ChecklistItem.WEIGHT) ? e
                : kg != null ? new ChecklistEntry(e.item(), ChecklistAnswer.YES, e.note())
                : e.answer() == ChecklistAnswer.YES ? new ChecklistEntry(e.item(), null, e.note()) : e).toList();
        return new SessionPlan(id, courseId, sessionNumber, date, author, status, kg, images, targets, zones,
                injections, entries, overrides, signature, amendments, outcomes, copiedForward);
    }

    /**
     * This plan with the checklist entry for its item replaced, or added if the item is new.
     *
     * @throws IllegalArgumentException for a "yes" to the weight question while no weight is entered
     */
    public SessionPlan withChecklistEntry(ChecklistEntry entry) {
        if (entry.item().id().equals(ChecklistItem.WEIGHT) && entry.answer() == ChecklistAnswer.YES
                && patientWeightKg == null) {
            throw new IllegalArgumentException("checklist item '" + ChecklistItem.WEIGHT + "' cannot be answered yes: "
                    + "no weight is entered (enter it, and the answer follows)");
        }
        return new SessionPlan(id, courseId, sessionNumber, date, author, status, patientWeightKg, images, targets,
                zones, injections, upsert(checklist, entry, e -> e.item().id().equals(entry.item().id())), overrides,
                signature, amendments, outcomes, copiedForward);
    }

    /** This plan with these outcomes (null removes them). */
    public SessionPlan withOutcomes(Outcomes newOutcomes) {
        return new SessionPlan(id, courseId, sessionNumber, date, author, status, patientWeightKg, images, targets,
                zones, injections, checklist, overrides, signature, amendments, newOutcomes, copiedForward);
    }

    /** This plan with the override, replacing any of the same finding. */
    public SessionPlan withOverride(FindingOverride override) {
        return new SessionPlan(id, courseId, sessionNumber, date, author, status, patientWeightKg, images, targets,
                zones, injections, checklist,
                upsert(overrides, override, o -> o.findingKey().equals(override.findingKey())), signature, amendments,
                outcomes, copiedForward);
    }

    /** This plan without the override of that finding. */
    public SessionPlan withoutOverride(String findingKey) {
        return new SessionPlan(id, courseId, sessionNumber, date, author, status, patientWeightKg, images, targets,
                zones, injections, checklist,
                overrides.stream().filter(o -> !o.findingKey().equals(findingKey)).toList(), signature, amendments,
                outcomes, copiedForward);
    }

    /** This draft signed. */
    public SessionPlan signed(Signature newSignature) {
        if (status == PlanStatus.SIGNED) {
            throw new IllegalStateException("session " + sessionNumber + " is already signed");
        }
        return new SessionPlan(id, courseId, sessionNumber, date, author, PlanStatus.SIGNED, patientWeightKg, images,
                targets, zones, injections, checklist, overrides, newSignature, amendments, outcomes, copiedForward);
    }

    /** This signed plan opened for an amendment: a draft again, with the amendment recorded. */
    public SessionPlan amended(Amendment amendment) {
        if (status != PlanStatus.SIGNED || !amendment.amended().equals(signature)) {
            throw new IllegalStateException("only a signed plan can be amended, naming its own signature");
        }
        List<Amendment> all = new ArrayList<>(amendments);
        all.add(amendment);
        return new SessionPlan(id, courseId, sessionNumber, date, author, PlanStatus.DRAFT, patientWeightKg, images,
                targets, zones, injections, checklist, overrides, null, all, outcomes, copiedForward);
    }

    private SessionPlan withTargets(List<Target> newTargets, List<Injection> newInjections) {
        CopiedForward copied = copiedForward == null ? null
                : copiedForward.keeping(newTargets.stream().map(Target::id).collect(Collectors.toSet()));
        return new SessionPlan(id, courseId, sessionNumber, date, author, status, patientWeightKg, images, newTargets,
                zones, newInjections, checklist, overrides, signature, amendments, outcomes, copied);
    }

    /** This plan with another record of where its sites came from. */
    SessionPlan withCopiedForward(CopiedForward newCopiedForward) {
        return new SessionPlan(id, courseId, sessionNumber, date, author, status, patientWeightKg, images, targets,
                zones, injections, checklist, overrides, signature, amendments, outcomes, newCopiedForward);
    }

    /** Whether the target was copied from an earlier session and still waits to be placed on a current image. */
    public boolean isToConfirm(UUID targetId) {
        return copiedForward != null && copiedForward.isToConfirm(targetId);
    }

    private static void requireCopiedSites(List<Target> targets, CopiedForward copied) {
        if (copied == null) {
            return;
        }
        Set<UUID> targetIds = targets.stream().map(Target::id).collect(Collectors.toSet());
        for (UUID id : copied.toConfirm()) {
            if (!targetIds.contains(id)) {
                throw new IllegalArgumentException("site " + id + " to confirm is not a target of the plan");
            }
        }
        for (DroppedSite d : copied.dropped()) {
            if (targetIds.contains(d.targetId())) {
                throw new IllegalArgumentException("dropped site " + d.targetId() + " is still a target of the plan");
            }
        }
    }

    private SessionPlan withZones(List<NerveZone> newZones) {
        return new SessionPlan(id, courseId, sessionNumber, date, author, status, patientWeightKg, images, targets,
                newZones, injections, checklist, overrides, signature, amendments, outcomes, copiedForward);
    }

    private static void requireConsistentInjections(List<Target> targets, List<Injection> injections) {
        Set<UUID> targetIds = new HashSet<>();
        targets.forEach(t -> targetIds.add(t.id()));
        Set<UUID> ids = new HashSet<>();
        Set<UUID> injected = new HashSet<>();
        for (Injection i : injections) {
            if (!ids.add(i.id())) {
                throw new IllegalArgumentException("injection " + i.id() + " appears twice");
            }
            if (!targetIds.contains(i.targetId())) {
                throw new IllegalArgumentException("injection " + i.id() + " refers to target " + i.targetId()
                        + ", which is not in the plan");
            }
            if (!injected.add(i.targetId())) {
                throw new IllegalArgumentException("target " + i.targetId() + " has more than one injection");
            }
        }
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
