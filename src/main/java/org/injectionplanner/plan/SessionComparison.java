package org.injectionplanner.plan;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;

/**
 * Two sessions of one patient compared site by site (docs/domain.md §4.1): a site is a target, the same site
 * in both when its UUID is the same (copying a session forward keeps it). Each site of either plan is added
 * (only in the later), dropped (only in the earlier), changed or unchanged; and the outcomes' change.
 *
 * <p>Compared per site: the injection's volume, solution and needle, and the target's structure, level,
 * side and position. The position is compared in mm only where both targets lie on calibrated images of
 * the same view: images with the same non-blank description (the series description, which names the view,
 * e.g. "Transverse L4-L5"); there it is changed when it moved more than {@link #POSITION_TOLERANCE_MM}.
 * Structures are named as the clinic's catalogue names them (a structure it lacks by its id).
 *
 * @param earlier the earlier session's plan id
 * @param later the later session's plan id
 * @param earlierSession the earlier session's number
 * @param laterSession the later session's number
 * @param added sites only in the later plan
 * @param dropped sites only in the earlier plan, with the reason
 * @param changed sites in both whose compared fields differ
 * @param unchanged sites in both alike
 * @param outcomes how the outcomes changed
 */
public record SessionComparison(UUID earlier, UUID later, int earlierSession, int laterSession, List<Site> added,
        List<Site> dropped, List<Site> changed, List<Site> unchanged, OutcomeChange outcomes) {

    /** A move of at most this many mm counts as the same position (placing by hand on another study). */
    public static final double POSITION_TOLERANCE_MM = 2.0;

    /** The reason of a dropped site the later plan gives none for. */
    public static final String REASON_NOT_RECORDED = "not recorded";

    /**
     * One site.
     *
     * @param targetId the target's UUID, shared by the sessions
     * @param label its label in the later plan (the earlier one's when dropped)
     * @param changes what differs, empty unless changed
     * @param positionNote why the position was not compared, or "" when it was (or the site is in one plan)
     * @param droppedReason why a dropped site was dropped, "" otherwise
     * @param structure the name of its target's structure in the later plan (the earlier one's when dropped),
     *        "" for none
     */
    public record Site(UUID targetId, String label, List<FieldChange> changes, String positionNote,
            String droppedReason, String structure) {

        public Site {
            changes = List.copyOf(changes);
        }

        /** What the site is, for reading: "L iliolumbar · Iliolumbar ligament" (its label and structure). */
        public String description() {
            return StructureCatalogue.labelWithName(label, structure);
        }
    }

    /**
     * One field that differs.
     *
     * @param field {@code volumeMl}, {@code solution}, {@code needle}, {@code structure}, {@code level},
     *        {@code side} or {@code position}
     * @param before the earlier value as text (a structure by its name)
     * @param after the later value as text
     * @param distanceMm for the position, how far it moved, mm; null otherwise
     */
    public record FieldChange(String field, String before, String after, Double distanceMm) {
    }

    public SessionComparison {
        added = List.copyOf(added);
        dropped = List.copyOf(dropped);
        changed = List.copyOf(changed);
        unchanged = List.copyOf(unchanged);
    }

    /**
     * Compares two plans of one patient; the earlier is the one with the earlier date (then the lower
     * session number), whichever order they are given in. {@code catalogue} names the structures.
     *
     * @throws IllegalArgumentException if their images show different Patient IDs
     */
    public static SessionComparison of(SessionPlan a, SessionPlan b, StructureCatalogue catalogue) {
        String idA = a.patient().map(Patient::id).orElse("");
        String idB = b.patient().map(Patient::id).orElse("");
        if (!idA.isEmpty() && !idB.isEmpty() && !idA.equals(idB)) {
            throw new IllegalArgumentException("the plans are of different patients (Patient ID " + idA + " and "
                    + idB + "): only sessions of one patient can be compared");
        }
        Comparator<SessionPlan> byTime = Comparator.comparing(SessionPlan::date)
                .thenComparingInt(SessionPlan::sessionNumber);
        SessionPlan earlier = byTime.compare(a, b) <= 0 ? a : b;
        SessionPlan later = earlier == a ? b : a;
        List<Site> added = new ArrayList<>();
        List<Site> dropped = new ArrayList<>();
        List<Site> changed = new ArrayList<>();
        List<Site> unchanged = new ArrayList<>();
        for (Target before : earlier.targets()) {
            Optional<Target> after = later.target(before.id());
            if (after.isEmpty()) {
                dropped.add(new Site(before.id(), before.label(), List.of(), "", droppedReason(later, before.id()),
                        catalogue.nameOf(before.structureId())));
                continue;
            }
            List<FieldChange> changes = new ArrayList<>();
            String note = compare(earlier, before, later, after.get(), catalogue, changes);
            Site site = new Site(before.id(), after.get().label(), changes, note, "",
                    catalogue.nameOf(after.get().structureId()));
            (changes.isEmpty() ? unchanged : changed).add(site);
        }
        for (Target t : later.targets()) {
            if (earlier.target(t.id()).isEmpty()) {
                added.add(new Site(t.id(), t.label(), List.of(), "", "", catalogue.nameOf(t.structureId())));
            }
        }
        return new SessionComparison(earlier.id(), later.id(), earlier.sessionNumber(), later.sessionNumber(), added,
                dropped, changed, unchanged, OutcomeChange.between(earlier.outcomes(), later.outcomes()));
    }

    /**
     * One fact of the comparison for reading: a site or an outcome.
     *
     * @param kind {@code added}, {@code dropped}, {@code changed}, {@code unchanged}, or the outcome's key
     *        ({@code nrsRest}, …, {@code pgic})
     * @param text what it says, e.g. "R L4/5 facet · Facet joint capsule: volumeMl 0.5 → 0.8"
     */
    public record Entry(String kind, String text) {
    }

    /** "Session 1 → session 2: 1 added, 1 dropped, 0 changed, 2 unchanged". */
    public String summary() {
        return "Session " + earlierSession + " → session " + laterSession + ": " + added.size() + " added, "
                + dropped.size() + " dropped, " + changed.size() + " changed, " + unchanged.size() + " unchanged";
    }

    /** The facts in reading order: each site (added, dropped, changed, unchanged), then the outcomes. */
    public List<Entry> entries() {
        List<Entry> out = new ArrayList<>();
        added.forEach(s -> out.add(new Entry("added", s.description())));
        dropped.forEach(s -> out.add(new Entry("dropped", s.description() + " (reason: " + s.droppedReason()
                + ")")));
        for (Site s : changed) {
            List<String> fields = new ArrayList<>();
            for (FieldChange f : s.changes()) {
                fields.add(f.field() + " " + f.before() + " → " + f.after() + (f.distanceMm() == null ? ""
                        : String.format(Locale.ROOT, " (moved %.1f mm)", f.distanceMm())));
            }
            out.add(new Entry("changed", s.description() + ": " + String.join("; ", fields)));
        }
        unchanged.forEach(s -> out.add(new Entry("unchanged", s.description()
                + (s.positionNote().isEmpty() ? "" : " (position " + s.positionNote() + ")"))));
        for (OutcomeChange.MeasureChange m : outcomes.changes()) {
            out.add(new Entry(m.measure().key(), String.format(Locale.ROOT, "%s → %s (%+.1f%s): %s",
                    number(m.before()), number(m.after()), m.change(), m.percent() == null ? ""
                            : String.format(Locale.ROOT, ", %+.0f %%", m.percent()), m.verdict().label())));
        }
        if (outcomes.pgic() != null) {
            out.add(new Entry("pgic", String.valueOf(outcomes.pgic())));
        }
        return out;
    }

    /** The comparison as lines for reading: the {@link #summary()}, then one line per {@link #entries() entry}. */
    public List<String> lines() {
        List<String> out = new ArrayList<>();
        out.add(summary());
        entries().forEach(e -> out.add(String.format(Locale.ROOT, "%-11s %s", e.kind(), e.text())));
        return out;
    }

    /**
     * This comparison without free text (for a de-identified export): a dropped site's reason without the note
     * written with it ("other", not "other: moved away").
     */
    public SessionComparison withoutNotes() {
        List<Site> plain = dropped.stream().map(s -> new Site(s.targetId(), s.label(), s.changes(), s.positionNote(),
                s.droppedReason().split(": ", 2)[0], s.structure())).toList();
        return new SessionComparison(earlier, later, earlierSession, laterSession, added, plain, changed, unchanged,
                outcomes);
    }

    /**
     * Why the later plan dropped a site of the earlier: the reason its copy forward recorded ("resolved", "not
     * tolerated", or "other: note", with the note where one was written), else {@link #REASON_NOT_RECORDED} (a
     * plan not copied forward, or a copied site deleted without a reason).
     */
    static String droppedReason(SessionPlan later, UUID targetId) {
        if (later.copiedForward() == null) {
            return REASON_NOT_RECORDED;
        }
        return later.copiedForward().dropped().stream().filter(d -> d.targetId().equals(targetId)).findFirst()
                .map(d -> d.reason().label() + (d.note().isEmpty() ? "" : ": " + d.note()))
                .orElse(REASON_NOT_RECORDED);
    }

    /** Adds the differences of two targets (and their injections); returns why the position was not compared. */
    private static String compare(SessionPlan earlier, Target before, SessionPlan later, Target after,
            StructureCatalogue catalogue, List<FieldChange> out) {
        Optional<Injection> ib = earlier.injectionAt(before.id());
        Optional<Injection> ia = later.injectionAt(after.id());
        field(out, "volumeMl", ib.map(i -> number(i.volumeMl())).orElse(""),
                ia.map(i -> number(i.volumeMl())).orElse(""));
        field(out, "solution", ib.map(i -> i.solution().description()).orElse(""),
                ia.map(i -> i.solution().description()).orElse(""));
        field(out, "needle", ib.map(i -> i.needle().description()).orElse(""),
                ia.map(i -> i.needle().description()).orElse(""));
        field(out, "structure", catalogue.nameOf(before.structureId()), catalogue.nameOf(after.structureId()));
        field(out, "level", before.level() == null ? "" : before.level().label(),
                after.level() == null ? "" : after.level().label());
        field(out, "side", before.side().name().toLowerCase(Locale.ROOT), after.side().name().toLowerCase(Locale.ROOT));
        String viewBefore = earlier.image(before.image().sopInstanceUid()).map(PlanImage::description).orElse("");
        String viewAfter = later.image(after.image().sopInstanceUid()).map(PlanImage::description).orElse("");
        if (!before.calibration().isCalibrated() || !after.calibration().isCalibrated()) {
            return "not compared: not both on calibrated images";
        }
        if (viewBefore == null || viewBefore.isBlank() || !viewBefore.strip().equalsIgnoreCase(
                viewAfter == null ? "" : viewAfter.strip())) {
            return "not compared: not the same view";
        }
        double[] p = mm(before);
        double[] q = mm(after);
        double distance = Math.hypot(q[0] - p[0], q[1] - p[1]);
        if (distance > POSITION_TOLERANCE_MM) {
            out.add(new FieldChange("position", point(p), point(q), distance));
        }
        return "";
    }

    /** A target's position in mm: across from the image's left edge, down from the skin line (or the top). */
    private static double[] mm(Target t) {
        MeasuredCalibration c = t.calibration();
        double top = c.skinLineY() == null ? 0 : c.skinLineY();
        return new double[] {t.point().x() * c.mmPerPixelX(), (t.point().y() - top) * c.mmPerPixelY()};
    }

    private static void field(List<FieldChange> out, String field, String before, String after) {
        if (!before.equals(after)) {
            out.add(new FieldChange(field, before, after, null));
        }
    }

    private static String point(double[] mm) {
        return String.format(Locale.ROOT, "(%.1f, %.1f) mm", mm[0], mm[1]);
    }

    private static String number(double v) {
        return v == Math.rint(v) ? String.valueOf((long) v) : String.valueOf(v);
    }
}
