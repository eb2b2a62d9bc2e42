package org.injectionplanner.plan;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.injectionplanner.geometry.PixelPoint;

/**
 * Starting a session's plan from an earlier session of its course, and settling the copied sites
 * (docs/plan-format.md §2.3). A copy keeps each site's identity (its target UUID), number, label,
 * structure, side, level, notes and, for its injection, approach, needle, solution, volume and lock, in
 * the same session order; the injections get new ids and are planned afresh (no needle path: a path was
 * drawn on the earlier image, and no procedure record). Zones are not copied: they mark the patient's
 * anatomy on the earlier images and are marked again on today's.
 *
 * <p>Every copied target stays on its earlier image, "to confirm" ({@link CopiedForward#toConfirm()}),
 * until it is {@link #place placed} on a current image; until then a violation blocks sign-off
 * (docs/safety.md). A copied site can be {@link #drop dropped} with a reason, which the plan keeps.
 */
public final class CopyForward {

    private CopyForward() {
    }

    /**
     * The edit that fills an empty draft from {@code prior}, an earlier session of the same course.
     *
     * @throws IllegalArgumentException (when applied) if the plan is not an empty draft, is of another course,
     *     or is not later than {@code prior}
     */
    public static PlanEdit copyFrom(SessionPlan prior) {
        return PlanEdits.edit("Copy forward session " + prior.sessionNumber(), plan -> from(prior, plan));
    }

    /** {@code draft} filled from {@code prior} (see {@link #copyFrom}). */
    public static SessionPlan from(SessionPlan prior, SessionPlan draft) {
        if (draft.status() != PlanStatus.DRAFT || !draft.targets().isEmpty() || !draft.zones().isEmpty()
                || draft.copiedForward() != null) {
            throw new IllegalArgumentException("session " + draft.sessionNumber() + " already has targets or zones "
                    + "(or was copied forward already): copy forward into a new, empty session plan");
        }
        if (!prior.courseId().equals(draft.courseId())) {
            throw new IllegalArgumentException("session " + prior.sessionNumber() + " of " + prior.date()
                    + " belongs to another treatment course");
        }
        if (prior.sessionNumber() >= draft.sessionNumber()) {
            throw new IllegalArgumentException("session " + prior.sessionNumber() + " is not earlier than session "
                    + draft.sessionNumber());
        }
        Map<String, PlanImage> images = new LinkedHashMap<>();
        draft.images().forEach(i -> images.put(i.sopInstanceUid(), i));
        List<UUID> sites = new ArrayList<>();
        SessionPlan plan = draft;
        for (Target t : prior.targets()) {
            PlanImage image = prior.image(t.image().sopInstanceUid()).orElseThrow(() -> new IllegalArgumentException(
                    "session " + prior.sessionNumber() + " does not record the image of " + AnnotationNames.of(t)));
            plan = plan.withImage(image).withTarget(t);
            sites.add(t.id());
        }
        for (Injection i : prior.injections()) {
            plan = plan.withInjection(new Injection(UUID.randomUUID(), i.targetId(), i.locked(), i.approach(),
                    i.needle(), i.solution(), i.volumeMl(), null, ProcedureRecord.PLANNED));
        }
        return plan.withCopiedForward(new CopiedForward(prior.id(), prior.sessionNumber(), prior.date(), sites,
                sites, List.of()));
    }

    /**
     * Places a target on a frame of a current image: the target moves to {@code point} of {@code frame}
     * measured with {@code calibration} and is confirmed. Its injection's needle path, drawn on the image it
     * leaves, is removed; the earlier image leaves the plan's images when nothing else is on it.
     *
     * @param image the image showing {@code frame} (recorded in the plan if new)
     * @throws IllegalArgumentException (when applied) if the plan has no such target, or the frame is the one
     *     the target is on
     */
    public static PlanEdit place(UUID targetId, PlanImage image, ImageRef frame, PixelPoint point,
            MeasuredCalibration calibration) {
        if (!image.sopInstanceUid().equals(frame.sopInstanceUid())) {
            throw new IllegalArgumentException("frame " + frame + " is not of image " + image.sopInstanceUid());
        }
        return PlanEdits.edit("Place target on today's image", plan -> {
            Target target = plan.target(targetId).orElseThrow(() -> new IllegalArgumentException(
                    "no target " + targetId + " in the plan"));
            if (plan.isToConfirm(targetId) && target.image().sopInstanceUid().equals(frame.sopInstanceUid())) {
                throw new IllegalArgumentException(AnnotationNames.of(target) + " is still on the image of session "
                        + plan.copiedForward().fromSession() + ": place it on an image of today's study");
            }
            SessionPlan out = plan.withImage(image).withTarget(target.placedOn(frame, point, calibration));
            if (!target.image().equals(frame)) {
                out = plan.injectionAt(targetId).map(i -> i.path() == null ? null : i.withPath(null))
                        .map(out::withInjection).orElse(out);
            }
            if (out.copiedForward() != null) {
                out = out.withCopiedForward(out.copiedForward().confirmed(targetId));
            }
            return withoutUnusedImage(out, target.image().sopInstanceUid(), plan);
        });
    }

    /**
     * Drops a site copied from the earlier session: the target and its injection leave the plan, which records
     * the site with the reason.
     *
     * @param note free text; required for {@link DropReason#OTHER}
     * @throws IllegalArgumentException (when applied) if the target was not copied from an earlier session
     */
    public static PlanEdit drop(UUID targetId, DropReason reason, String note) {
        return PlanEdits.edit("Drop copied site (" + reason.label() + ")", plan -> {
            Target target = plan.target(targetId).orElseThrow(() -> new IllegalArgumentException(
                    "no target " + targetId + " in the plan"));
            CopiedForward copied = plan.copiedForward();
            if (copied == null || !copied.sites().contains(targetId)) {
                throw new IllegalArgumentException(AnnotationNames.of(target) + " was not copied from an earlier "
                        + "session: delete it instead (Delete Plan Annotation...)");
            }
            DroppedSite site = new DroppedSite(targetId, target.number(), target.label(), reason, note);
            SessionPlan without = plan.withoutTarget(targetId);
            SessionPlan out = without.withCopiedForward(without.copiedForward().withDropped(site));
            return withoutUnusedImage(out, target.image().sopInstanceUid(), plan);
        });
    }

    /**
     * {@code plan} without the image {@code sopInstanceUid} if no target or zone is on it any more and it came
     * with the copy (it is not an image {@code before} had annotations of this session on besides copied ones).
     */
    private static SessionPlan withoutUnusedImage(SessionPlan plan, String sopInstanceUid, SessionPlan before) {
        boolean used = plan.targets().stream().anyMatch(t -> t.image().sopInstanceUid().equals(sopInstanceUid))
                || plan.zones().stream().anyMatch(z -> z.image().sopInstanceUid().equals(sopInstanceUid));
        boolean copied = before.targets().stream().filter(t -> t.image().sopInstanceUid().equals(sopInstanceUid))
                .allMatch(t -> before.isToConfirm(t.id()));
        return used || !copied ? plan : plan.withoutImage(sopInstanceUid);
    }

}
