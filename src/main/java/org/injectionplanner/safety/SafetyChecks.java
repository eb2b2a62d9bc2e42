package org.injectionplanner.safety;

import static org.injectionplanner.safety.SafetyCheck.ANAESTHETIC_DOSE;
import static org.injectionplanner.safety.SafetyCheck.CALIBRATION;
import static org.injectionplanner.safety.SafetyCheck.CONCENTRATION;
import static org.injectionplanner.safety.SafetyCheck.DRUG_NAME;
import static org.injectionplanner.safety.SafetyCheck.DUPLICATE_SITE;
import static org.injectionplanner.safety.SafetyCheck.DURA_DEPTH;
import static org.injectionplanner.safety.SafetyCheck.ENTRY_DEPTH;
import static org.injectionplanner.safety.SafetyCheck.INSERTION_ANGLE;
import static org.injectionplanner.safety.SafetyCheck.INTERVAL;
import static org.injectionplanner.safety.SafetyCheck.LATERALITY;
import static org.injectionplanner.safety.SafetyCheck.LEVEL;
import static org.injectionplanner.safety.SafetyCheck.MIDLINE_DEPTH;
import static org.injectionplanner.safety.SafetyCheck.NEEDLE_LENGTH;
import static org.injectionplanner.safety.SafetyCheck.NO_PATH;
import static org.injectionplanner.safety.SafetyCheck.OFF_IMAGE;
import static org.injectionplanner.safety.SafetyCheck.PATH_CALIBRATION;
import static org.injectionplanner.safety.SafetyCheck.PATIENT_WEIGHT;
import static org.injectionplanner.safety.SafetyCheck.SESSION_VOLUME;
import static org.injectionplanner.safety.SafetyCheck.SITE_VOLUME;
import static org.injectionplanner.safety.SafetyCheck.TO_CONFIRM;
import static org.injectionplanner.safety.SafetyCheck.ZONE_CALIBRATION;
import static org.injectionplanner.safety.SafetyCheck.ZONE_CLEARANCE;

import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.regex.Pattern;
import org.injectionplanner.geometry.CalibratedGeometry;
import org.injectionplanner.geometry.MmScale;
import org.injectionplanner.geometry.PixelPoint;
import org.injectionplanner.geometry.Segment;
import org.injectionplanner.plan.AnnotationNames;
import org.injectionplanner.plan.Approach;
import org.injectionplanner.plan.Decimals;
import org.injectionplanner.plan.DrugTable;
import org.injectionplanner.plan.Injection;
import org.injectionplanner.plan.Laterality;
import org.injectionplanner.plan.MeasuredCalibration;
import org.injectionplanner.plan.NeedlePath;
import org.injectionplanner.plan.NerveZone;
import org.injectionplanner.plan.PercentRange;
import org.injectionplanner.plan.PlanImage;
import org.injectionplanner.plan.SafetyLimits;
import org.injectionplanner.plan.SessionPlan;
import org.injectionplanner.plan.Side;
import org.injectionplanner.plan.SpinalLevel;
import org.injectionplanner.plan.Structure;
import org.injectionplanner.plan.StructureCatalogue;
import org.injectionplanner.plan.StructureKind;
import org.injectionplanner.plan.Target;
import org.injectionplanner.plan.ZoneKind;

/**
 * The safety checks of docs/safety.md: they turn a plan into findings. Clearances are measured in the
 * calibration of the target's region, between annotations on the same frame; a measurement that cannot
 * be made in one region is a violation ("cannot certify"), never a guess. Pure and thread-safe.
 */
public final class SafetyChecks {

    /**
     * How far beyond the margin, mm, a zone's bounding box must stay for its exact clearance to be skipped
     * (rounding between the two computations; a clearance equal to the margin passes anyway).
     */
    private static final double BOUNDS_SLACK_MM = 1e-6;

    /** A UUID as a finding key writes its ids. */
    private static final Pattern UUID_TEXT =
            Pattern.compile("[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}");

    private SafetyChecks() {
    }

    /** Every finding of the plan: per site in session order (targets without an injection last), then the session's. */
    public static SafetyReport check(SessionPlan plan, SafetyContext context) {
        return check(plan, context, true);
    }

    /**
     * As {@link #check(SessionPlan, SafetyContext)}; with {@code passOverFarZones} false every target and path
     * is measured against every zone of its frame (what the bounding-box short cut must agree with).
     */
    static SafetyReport check(SessionPlan plan, SafetyContext context, boolean passOverFarZones) {
        List<Finding> out = new ArrayList<>();
        SafetyLimits limits = context.limits();
        List<Finding> duraFindings = new ArrayList<>();
        NoGoDepth noGo = noGoDepth(plan, limits, duraFindings);
        Map<String, Target> sitesSeen = new HashMap<>();
        for (Site site : sites(plan, context.catalogue())) {
            checkDescription(site, sitesSeen, out);
            if (plan.isToConfirm(site.target().id())) {
                checkToConfirm(site, limits, out);
            } else {
                ImageChecks.checkSide(site, out);
                ImageChecks.checkLevel(site, out);
                checkSite(site, limits, noGo, passOverFarZones, out);
            }
            if (site.injection() != null) {
                checkSolution(site, site.injection(), context.drugs(), out);
            }
        }
        checkSession(plan, context, out);
        out.addAll(duraFindings);
        ImageChecks.checkUnknownSides(plan, out);
        return new SafetyReport(out);
    }

    /** The sites in session order, then the targets without an injection; each with its catalogue entry. */
    private static List<Site> sites(SessionPlan plan, StructureCatalogue catalogue) {
        List<Site> sites = new ArrayList<>();
        for (Injection injection : plan.injections()) {
            sites.add(site(plan, plan.targetOf(injection), injection, catalogue));
        }
        for (Target target : plan.targets()) {
            if (plan.injectionAt(target.id()).isEmpty()) {
                sites.add(site(plan, target, null, catalogue));
            }
        }
        return sites;
    }

    private static Site site(SessionPlan plan, Target target, Injection injection, StructureCatalogue catalogue) {
        return new Site(plan, target, injection, structureOf(target, catalogue),
                nameOfSite(plan, target, injection, catalogue.nameOf(target.structureId())));
    }

    /**
     * "Injection 4, T4 "L iliolumbar" (Iliolumbar ligament)": the site's place in the session order, its target's
     * number, its label (where it says more than the number) and the name the catalogue gives its structure
     * ({@code structureName}, where the label does not hold it); what every view of a finding (panel, map,
     * exports, dialogs) shows it by.
     */
    private static String nameOfSite(SessionPlan plan, Target target, Injection injection, String structureName) {
        String name = AnnotationNames.of(target);
        String label = target.label().isBlank() || target.label().equals(name) ? "" : target.label();
        String structure = StructureCatalogue.nameBeside(label, structureName);
        String position = injection == null ? "" : "Injection " + plan.positionOf(injection.id()) + ", ";
        return position + name + (label.isEmpty() ? "" : " \"" + label + "\"")
                + (structure.isEmpty() ? "" : " (" + structure + ")");
    }

    /**
     * The site of a target as its findings name it ({@link Site#name()}: "Injection 4, T4 "L iliolumbar"
     * (Iliolumbar ligament)"), or empty when the plan has no such target.
     */
    public static Optional<String> siteName(SessionPlan plan, StructureCatalogue catalogue, UUID targetId) {
        return plan.target(targetId).map(t -> site(plan, t, plan.injectionAt(t.id()).orElse(null), catalogue).name());
    }

    /**
     * A finding's key (docs/safety.md §4) in words, for a finding that no longer occurs: the sites ({@link
     * #siteName}; an injection's id names its site) and zones it is about, as the plan now holds them, then the
     * check and the kind of finding in words, e.g. "Injection 4, T4 "L iliolumbar" (Iliolumbar ligament) and zone
     * Z2 "cutaneous branch": zone clearance (path)"; "Session: ..." for a key with no ids. An id the plan no
     * longer holds is named as such.
     */
    public static String keyInWords(SessionPlan plan, StructureCatalogue catalogue, String key) {
        String[] parts = key.split("/", -1);
        List<String> subjects = new ArrayList<>();
        List<String> kinds = new ArrayList<>();
        for (int i = 1; i < parts.length; i++) {
            if (!UUID_TEXT.matcher(parts[i]).matches()) {
                kinds.add(parts[i]);
                continue;
            }
            UUID id = UUID.fromString(parts[i]);
            subjects.add(siteName(plan, catalogue, id)
                    .or(() -> plan.injection(id).flatMap(j -> siteName(plan, catalogue, j.targetId())))
                    .or(() -> plan.zone(id).map(SafetyChecks::zoneName))
                    .orElse("a site or zone no longer in the plan"));
        }
        String check = (parts[0] + (kinds.isEmpty() ? "" : " (" + String.join(", ", kinds) + ")")).replace('-', ' ');
        return (subjects.isEmpty() ? "Session" : String.join(" and ", subjects)) + ": " + check;
    }

    private static Structure structureOf(Target target, StructureCatalogue catalogue) {
        return target.structureId() == null ? null : catalogue.find(target.structureId()).orElse(null);
    }

    /**
     * What the target says it is, against the catalogue: a side the structure's laterality does not allow,
     * a spinal level missing or not one the structure can be at, and the same structure, side and level as an
     * earlier target of the session ({@code sitesSeen}, in session order).
     */
    private static void checkDescription(Site site, Map<String, Target> sitesSeen, List<Finding> out) {
        Target target = site.target();
        Structure structure = site.structure();
        if (structure == null) {
            return;
        }
        if (!structure.laterality().allows(target.side())) {
            out.add(site.warning(LATERALITY, LATERALITY.key(target.id()), null, null, null, "",
                    structure.laterality() == Laterality.MIDLINE
                            ? "a midline structure, but the side is " + target.side().label()
                            : "a paired structure, but the side is Midline: choose Left or Right"));
        }
        if (structure.levelled() && target.level() == null) {
            out.add(site.warning(LEVEL, LEVEL.key(target.id()), null, null, null, "",
                    "no spinal level given: the structure takes one"));
        } else if (target.level() != null && !structure.levels().contains(target.level())) {
            out.add(site.warning(LEVEL, LEVEL.key(target.id()), null, null, null, "",
                    structure.levels().isEmpty()
                            ? "the structure takes no spinal level, but " + target.level().label() + " is given"
                            : "the structure is not at " + target.level().label() + " (its levels: "
                                    + String.join(", ", structure.levels().stream().map(SpinalLevel::label).toList())
                                    + ")"));
        }
        String place = structure.id() + "|" + target.side() + "|" + target.level();
        Target first = sitesSeen.putIfAbsent(place, target);
        if (first != null) {
            out.add(site.warning(DUPLICATE_SITE, DUPLICATE_SITE.key(target.id()), null, null, null, "",
                    "the same site as T" + first.number() + " (" + structure.name() + ", " + target.side().label()
                            + (target.level() == null ? "" : ", " + target.level().label())
                            + "): one site planned twice?"));
        }
    }

    /**
     * A site copied from an earlier session and not yet placed on today's images: a violation that no
     * override lifts (its position, depth and clearances are those of the earlier images, so they are not
     * checked until it is placed), and its volume.
     */
    private static void checkToConfirm(Site site, SafetyLimits limits, List<Finding> out) {
        out.add(site.violation(TO_CONFIRM, TO_CONFIRM.key(site.target().id()), null, null, null, "",
                "not yet placed on today's images (copied from session "
                        + site.plan().copiedForward().fromSession() + ")"));
        if (site.injection() != null) {
            checkSiteVolume(site, site.injection(), limits, out);
        }
    }

    /**
     * A site's own checks. A check that lacks what it needs reports that under its own key: overriding the
     * calibration finding never switches off the zone, depth or needle checks (docs/safety.md §5).
     */
    private static void checkSite(Site site, SafetyLimits limits, NoGoDepth noGo, boolean passOverFarZones,
            List<Finding> out) {
        SessionPlan plan = site.plan();
        Target target = site.target();
        Injection injection = site.injection();
        if (!target.calibration().isCalibrated()) {
            out.add(site.violation(CALIBRATION, CALIBRATION.key(target.id()), null, null, null, "",
                    "not calibrated: its position has no mm scale, so depth and clearances cannot be certified"));
        }
        NeedlePath path = injection == null ? null : injection.path();
        Optional<NeedlePath.Measurement> measured = path == null ? Optional.empty() : path.measure(target);
        if (path != null && measured.isEmpty() && target.calibration().isCalibrated()) {
            out.add(site.violation(PATH_CALIBRATION, PATH_CALIBRATION.key(injection.id()), null, null, null, "",
                    path.entryCalibration().isCalibrated()
                            ? "the needle path's entry point and target lie in different ultrasound regions: "
                                    + "its length and clearances cannot be certified"
                            : "the needle path's entry point is not calibrated: its length and clearances cannot "
                                    + "be certified"));
        }
        for (NerveZone zone : plan.zones()) {
            if (zone.image().equals(target.image())) {
                checkClearance(site, zone, path, measured.isPresent(), passOverFarZones, out);
            }
        }
        if (injection != null) {
            checkInjection(site, injection, measured, limits, out);
        }
        checkDepth(site, noGo, out);
    }

    /**
     * A midline or facet target's depth against the patient's marked no-go line (a violation deeper than
     * it); without a line, against the clinic's shallow default (a violation asking for the line); without
     * a depth (uncalibrated, or no skin line), a violation that the depth cannot be certified.
     */
    private static void checkDepth(Site site, NoGoDepth noGo, List<Finding> out) {
        Optional<String> nearTheCanal = nearTheCanal(site);
        if (nearTheCanal.isEmpty()) {
            return;
        }
        Target target = site.target();
        Double depth = target.depthMm();
        if (depth == null) {
            out.add(site.violation(MIDLINE_DEPTH, MIDLINE_DEPTH.key("no-depth", target.id()), null, null,
                    noGo.mm(), "mm", nearTheCanal.get() + ": its depth below the skin cannot be measured ("
                            + (target.calibration().isCalibrated() ? "its calibration has no skin line"
                                    : "not calibrated") + "): cannot be certified clear of the spinal canal"));
        } else if (noGo.zone() != null && depth > noGo.mm()) {
            double beyond = depth - noGo.mm();
            out.add(site.violation(MIDLINE_DEPTH, MIDLINE_DEPTH.key("beyond-line", target.id()), noGo.zone(),
                    beyond, 0.0, "mm", String.format(Locale.ROOT,
                            "%s %s mm deep, deeper than the marked no-go line (%s) by %s mm: the spinal canal "
                                    + "may be reached", nearTheCanal.get(), Decimals.ceilTenth(depth), noGo.source(),
                            Decimals.ceilTenth(beyond))));
        } else if (noGo.zone() == null && depth > noGo.mm()) {
            out.add(site.violation(MIDLINE_DEPTH, MIDLINE_DEPTH.key("no-line", target.id()), null, depth,
                    noGo.mm(), "mm", String.format(Locale.ROOT,
                            "%s %s mm deep, deeper than the clinic's %s mm shallow default, and no dura or "
                                    + "ligamentum flavum line is marked: cannot be certified clear of the spinal "
                                    + "canal; mark the patient's line on a transverse or paramedian frame",
                            nearTheCanal.get(), Decimals.ceilTenth(depth), number(noGo.mm()))));
        }
    }

    /**
     * What a target whose depth is held against the no-go depth is called in messages, empty for the
     * others: a target on the midline by its side or by its structure (a catalogue structure of midline
     * laterality, whatever side it is labelled), a facet target (a joint capsule of the catalogue that takes
     * a spinal level), docs/domain.md §7.2 item 3, and a target that lies within the width of a dura zone
     * of its frame, whatever it is called.
     */
    private static Optional<String> nearTheCanal(Site site) {
        Target target = site.target();
        Structure structure = site.structure();
        if (target.side() == Side.MIDLINE) {
            return Optional.of("midline target");
        }
        if (structure != null && structure.laterality() == Laterality.MIDLINE) {
            return Optional.of("target in a midline structure");
        }
        if (structure != null && structure.kind() == StructureKind.JOINT_CAPSULE && structure.levelled()) {
            return Optional.of("facet target");
        }
        for (NerveZone zone : site.plan().zones()) {
            if (zone.kind() == ZoneKind.DURA && zone.image().equals(target.image())
                    && target.point().x() >= zone.shape().bounds().minX()
                    && target.point().x() <= zone.shape().bounds().maxX()) {
                return Optional.of("target over " + zoneName(zone));
            }
        }
        return Optional.empty();
    }

    /**
     * The depth (mm below the skin line) beyond which a midline or facet target is a violation, the dura
     * zone it comes from (null: the clinic's shallow default) and a description of its source for messages.
     */
    private record NoGoDepth(double mm, NerveZone zone, String source) {
    }

    /**
     * Depths, mm, outside which a marked dura line is probably misplaced: wider than the reported
     * skin-to-dura depths of about 30–80 mm (docs/safety.md).
     */
    static final double PLAUSIBLE_DURA_MIN_MM = 20;
    static final double PLAUSIBLE_DURA_MAX_MM = 100;

    /**
     * The patient's no-go depth: over the plan's calibrated {@link ZoneKind#DURA} zones, on any frame, the
     * smallest of (the zone's shallowest depth below its skin line − its margin), the skin line being the
     * top of the ultrasound region (the image's top row with Pixel Spacing, as for targets); else the
     * clinic's shallow default {@code midlineNoGoDepthMm}. A dura zone that cannot give a depth, or whose
     * depth lies outside the plausible range, gets a session warning.
     */
    private static NoGoDepth noGoDepth(SessionPlan plan, SafetyLimits limits, List<Finding> out) {
        NoGoDepth smallest = null;
        for (NerveZone zone : plan.zones()) {
            if (zone.kind() != ZoneKind.DURA) {
                continue;
            }
            MeasuredCalibration cal = zone.calibration();
            if (cal.scale().isEmpty() || cal.skinLineY() == null) {
                out.add(session(Severity.WARNING, DURA_DEPTH, DURA_DEPTH.key(zone.id()), null, null, "mm",
                        "Session: " + zoneName(zone) + " on " + imageName(plan, zone) + " is not calibrated, so its "
                                + "depth below the skin is unknown: it does not set the patient's no-go depth"));
                continue;
            }
            // its shallowest point is the top of its bounding box (depth depends on y alone)
            double depth = CalibratedGeometry.depthMm(PixelPoint.of(0, zone.shape().bounds().minY()), cal.skinLineY(),
                    cal.scale().orElseThrow());
            if (depth < PLAUSIBLE_DURA_MIN_MM || depth > PLAUSIBLE_DURA_MAX_MM) {
                out.add(session(Severity.WARNING, DURA_DEPTH, DURA_DEPTH.key(zone.id()), depth,
                        depth < PLAUSIBLE_DURA_MIN_MM ? PLAUSIBLE_DURA_MIN_MM : PLAUSIBLE_DURA_MAX_MM, "mm",
                        String.format(Locale.ROOT, "Session: %s on %s lies %s mm deep, outside the plausible "
                                + "%s–%s mm (reported skin-to-dura depths are about 30–80 mm): check the line, it "
                                + "sets the midline no-go depth",
                                zoneName(zone), imageName(plan, zone), Decimals.floorTenth(depth),
                                number(PLAUSIBLE_DURA_MIN_MM),
                                number(PLAUSIBLE_DURA_MAX_MM))));
            }
            double mm = Math.max(0, depth - zone.marginMm());
            if (smallest == null || mm < smallest.mm()) {
                // the line is a limit: printed rounded towards the skin
                smallest = new NoGoDepth(mm, zone, String.format(Locale.ROOT,
                        "%s mm: %s on %s, %s mm deep less its %s mm margin", Decimals.floorTenth(mm), zoneName(zone),
                        imageName(plan, zone), Decimals.floorTenth(depth), number(zone.marginMm())));
            }
        }
        return smallest != null ? smallest : new NoGoDepth(limits.midlineNoGoDepthMm(), null,
                "the clinic's shallow default; no calibrated dura zone is marked");
    }

    /** "frame 5 of "L4-L5 transverse"": the zone's frame and its image's description, where the plan has one. */
    private static String imageName(SessionPlan plan, NerveZone zone) {
        String description = plan.image(zone.image().sopInstanceUid()).map(PlanImage::description)
                .filter(d -> !d.isBlank()).orElse(null);
        return "frame " + zone.image().frame() + (description == null ? "" : " of \"" + description + "\"");
    }

    /**
     * A target inside the zone, or a path through it, is decided in pixels (whatever the scale, and with no
     * scale at all, so that no overflow or underflow of mm can hide it); the margins then in mm, in the
     * target's calibration, which the zone must share. The path's clearance in mm is measured only when
     * {@code pathMeasured} (its entry and the target share a calibration); otherwise it is a violation of its
     * own. Each kind of finding has its own key (docs/safety.md §4).
     */
    private static void checkClearance(Site site, NerveZone zone, NeedlePath path, boolean pathMeasured,
            boolean passOverFarZones, List<Finding> out) {
        Target target = site.target();
        String zoneName = zoneName(zone);
        if (zone.shape().contains(target.point())) {
            out.add(site.violation(ZONE_CLEARANCE, ZONE_CLEARANCE.key("inside", target.id(), zone.id()), zone, 0.0,
                    zone.marginMm(), "mm", "the target lies inside " + zoneName));
            return;
        }
        Segment segment = path == null ? null : Segment.of(path.entry(), target.point());
        if (segment != null && CalibratedGeometry.crosses(segment, zone.shape())) {
            out.add(site.violation(ZONE_CLEARANCE, ZONE_CLEARANCE.key("crosses", target.id(), zone.id()), zone,
                    0.0, zone.marginMm(), "mm", "the needle path crosses " + zoneName));
            return;
        }
        if (!target.calibration().isCalibrated() || !zone.calibration().equals(target.calibration())) {
            out.add(site.violation(ZONE_CALIBRATION, ZONE_CALIBRATION.key(target.id(), zone.id()), zone,
                    null, zone.marginMm(), "mm",
                    (!target.calibration().isCalibrated() ? "not calibrated"
                            : zone.calibration().isCalibrated() ? "lies in another ultrasound region than " + zoneName
                            : zoneName + " is not calibrated") + ": the clearance from " + zoneName
                            + " cannot be certified"));
            return;
        }
        MmScale scale = target.calibration().scale().orElseThrow();
        if (segment != null && !pathMeasured) {
            out.add(site.violation(ZONE_CLEARANCE, ZONE_CLEARANCE.key("path-unmeasured", target.id(), zone.id()),
                    zone, null, zone.marginMm(), "mm", "the needle path's clearance from " + zoneName
                            + " cannot be certified: its entry point is not calibrated in the target's region"));
        }
        Segment reach = pathMeasured ? segment : Segment.of(target.point(), target.point());
        if (passOverFarZones && CalibratedGeometry.boundsClearanceMm(reach, zone.shape(), scale)
                > zone.marginMm() + BOUNDS_SLACK_MM) {
            return; // the target and its path stay farther than the margin from the zone's bounding box
        }
        if (pathMeasured) {
            double pathClearance = CalibratedGeometry.clearanceMm(segment, zone.shape(), scale);
            if (pathClearance < zone.marginMm()) {
                out.add(site.violation(ZONE_CLEARANCE, ZONE_CLEARANCE.key("path", target.id(), zone.id()), zone,
                        pathClearance, zone.marginMm(), "mm", String.format(Locale.ROOT,
                                "the needle path passes %s mm from %s, inside its %s mm margin",
                                Decimals.floorTenth(pathClearance), zoneName, number(zone.marginMm()))));
                return;
            }
        }
        double targetClearance = CalibratedGeometry.clearanceMm(target.point(), zone.shape(), scale);
        if (targetClearance < zone.marginMm()) {
            out.add(site.violation(ZONE_CLEARANCE, ZONE_CLEARANCE.key("target", target.id(), zone.id()), zone,
                    targetClearance, zone.marginMm(), "mm", String.format(Locale.ROOT,
                            "the target lies %s mm from %s, inside its %s mm margin",
                            Decimals.floorTenth(targetClearance), zoneName, number(zone.marginMm()))));
        }
    }

    private static void checkInjection(Site site, Injection injection, Optional<NeedlePath.Measurement> measured,
            SafetyLimits limits, List<Finding> out) {
        if (injection.path() == null) {
            out.add(site.warning(NO_PATH, NO_PATH.key(injection.id()), null, null, null, "",
                    "no needle path planned: the path's clearance from the zones is not checked"));
        }
        if (injection.path() != null && measured.isEmpty() && site.target().calibration().isCalibrated()) {
            out.add(site.warning(NEEDLE_LENGTH, NEEDLE_LENGTH.key("unmeasured", injection.id()), null, null, null,
                    "mm", "the needle path cannot be measured in mm: the needle length cannot be checked"));
        }
        if (measured.isPresent()) {
            NeedlePath.Measurement m = measured.get();
            checkEntry(site, injection, m, limits, out);
            if (injection.path().offImage()) {
                out.add(site.warning(OFF_IMAGE, OFF_IMAGE.key(injection.id()), null, m.offImageMm(), null, "mm",
                        String.format(Locale.ROOT, "%s mm of the path lies outside the image (the entry is beyond "
                                + "the probe's end): zones there cannot be checked; scan the entry site before "
                                + "inserting", Decimals.ceilTenth(m.offImageMm()))));
            }
            double needed = m.skinLengthMm() + limits.needleReserveMm();
            Double needle = injection.needle().lengthMm();
            if (needle == null) {
                out.add(site.warning(NEEDLE_LENGTH, NEEDLE_LENGTH.key("not-entered", injection.id()), null, null,
                        needed, "mm", String.format(Locale.ROOT, "needle length not entered: it cannot be checked "
                                + "against the %s mm path from the skin plus %s mm reserve",
                                Decimals.ceilTenth(m.skinLengthMm()), number(limits.needleReserveMm()))));
            } else if (needle < needed) {
                double shortfall = needed - needle;
                out.add(site.violation(NEEDLE_LENGTH, NEEDLE_LENGTH.key("shortfall", injection.id()), null,
                        shortfall, 0.0, "mm", String.format(Locale.ROOT, "the %s mm needle is %s mm short of the "
                                + "%s mm path from the skin plus %s mm reserve", number(needle),
                                Decimals.ceilTenth(shortfall), Decimals.ceilTenth(m.skinLengthMm()),
                                number(limits.needleReserveMm()))));
            }
            if (injection.approach() == Approach.IN_PLANE && m.angleDeg() > limits.maxInsertionAngleDeg()) {
                out.add(site.warning(INSERTION_ANGLE, INSERTION_ANGLE.key(injection.id()), null, m.angleDeg(),
                        limits.maxInsertionAngleDeg(), "°", String.format(Locale.ROOT,
                                "in-plane insertion at %.0f° to the transducer face, steeper than %s°: the needle "
                                        + "may be hard to see", m.angleDeg(), number(limits.maxInsertionAngleDeg()))));
            }
        }
        checkSiteVolume(site, injection, limits, out);
    }

    /**
     * The entry point on the skin: more than the clinic's tolerance below the skin line is a violation (the
     * needle is measured from the skin line crossing, and the skin there is not where the path was drawn);
     * an entry whose region has no skin line cannot be checked (a warning).
     */
    private static void checkEntry(Site site, Injection injection, NeedlePath.Measurement m, SafetyLimits limits,
            List<Finding> out) {
        Double entryDepth = m.entryDepthMm();
        if (entryDepth == null) {
            out.add(site.warning(ENTRY_DEPTH, ENTRY_DEPTH.key("no-skin-line", injection.id()), null, null,
                    limits.maxEntryBelowSkinMm(), "mm", "the entry point's region has no skin line: whether the "
                            + "entry is on the skin cannot be checked"));
        } else if (entryDepth > limits.maxEntryBelowSkinMm()) {
            out.add(site.violation(ENTRY_DEPTH, ENTRY_DEPTH.key(injection.id()), null, entryDepth,
                    limits.maxEntryBelowSkinMm(), "mm", String.format(Locale.ROOT, "the needle path's entry point "
                            + "lies %s mm below the skin line, more than %s mm: the entry belongs on the skin "
                            + "(the needle is measured from where the path crosses the skin line)",
                            Decimals.ceilTenth(entryDepth), number(limits.maxEntryBelowSkinMm()))));
        }
    }

    private static void checkSiteVolume(Site site, Injection injection, SafetyLimits limits, List<Finding> out) {
        if (injection.volumeMl() > limits.maxSiteVolumeMl()) {
            out.add(site.warning(SITE_VOLUME, SITE_VOLUME.key(injection.id()), null, injection.volumeMl(),
                    limits.maxSiteVolumeMl(), "mL", String.format(Locale.ROOT, "%s mL at one site, more than %s mL",
                            number(injection.volumeMl()), number(limits.maxSiteVolumeMl()))));
        }
    }

    private static void checkSession(SessionPlan plan, SafetyContext context, List<Finding> out) {
        SafetyLimits limits = context.limits();
        double volume = plan.injections().stream().mapToDouble(Injection::volumeMl).sum();
        if (volume > limits.maxSessionVolumeMl()) {
            out.add(session(Severity.WARNING, SESSION_VOLUME, SESSION_VOLUME.key(), volume, limits.maxSessionVolumeMl(),
                    "mL", String.format(Locale.ROOT, "Session: %s mL in all, more than %s mL", number(volume),
                            number(limits.maxSessionVolumeMl()))));
        }
        checkDose(plan, DrugDoses.of(plan, context.drugs()), out);
        if (context.previousSessionDate() == null && plan.sessionNumber() > 1) {
            out.add(session(Severity.WARNING, INTERVAL, INTERVAL.key("unknown"), null,
                    (double) limits.minIntervalDays(), "days", String.format(Locale.ROOT,
                            "Session: session %d, but the previous session's date is not known (no plan store "
                                    + "with the course's history was given): the interval of at least %d days "
                                    + "cannot be checked", plan.sessionNumber(), limits.minIntervalDays())));
        } else if (context.previousSessionDate() != null) {
            long days = ChronoUnit.DAYS.between(context.previousSessionDate(), plan.date());
            if (days < limits.minIntervalDays()) {
                out.add(session(Severity.WARNING, INTERVAL, INTERVAL.key(), (double) days,
                        (double) limits.minIntervalDays(), "days", String.format(Locale.ROOT,
                                "Session: %d days after the previous session (%s), less than %d days", days,
                                context.previousSessionDate(), limits.minIntervalDays())));
            }
        }
    }

    /**
     * What the injection's solution holds, against the drug table: a dextrose or anaesthetic concentration
     * outside the range allowed for injection, and an anaesthetic name the table does not know (its dose
     * cannot be certified). Violations: both guard against toxic or tissue harm.
     */
    private static void checkSolution(Site site, Injection injection, DrugTable drugs, List<Finding> out) {
        Double dextrose = injection.solution().dextrosePercent();
        if (dextrose != null) {
            checkConcentration(site, CONCENTRATION.key(injection.id(), "dextrose"), "dextrose", dextrose,
                    drugs.dextrose(), out);
        }
        String entered = injection.solution().anaesthetic();
        if (entered == null) {
            return;
        }
        Optional<DrugTable.Match> match = drugs.find(entered);
        if (match.isEmpty()) {
            out.add(site.violation(DRUG_NAME, DRUG_NAME.key(injection.id()), null, null, null, "",
                    "cannot be certified: the local anaesthetic \"" + entered + "\" is not in the clinic's drug "
                            + "table, so its dose limit is unknown (add it, or a synonym, in Clinic Settings)"));
            return;
        }
        checkConcentration(site, CONCENTRATION.key(injection.id(), "anaesthetic"), match.get().drug().name(),
                injection.solution().anaestheticPercent(), match.get().drug().concentration(), out);
    }

    private static void checkConcentration(Site site, String key, String what, double percent, PercentRange allowed,
            List<Finding> out) {
        if (!allowed.contains(percent)) {
            double bound = percent > allowed.maxPercent() ? allowed.maxPercent() : allowed.minPercent();
            out.add(site.violation(CONCENTRATION, key, null, percent, bound, "%", what + " " + number(percent)
                    + " % is outside the " + allowed.text() + " the clinic allows for injection"));
        }
    }

    /**
     * The session's anaesthetics against their limits: without the patient's weight none can be certified
     * (a violation); the doses of all the drugs in the table, each as a fraction of its limit, must add up to
     * at most 1 (over it, a violation). Drugs not in the table are the sites' {@code drug-name} violations.
     */
    private static void checkDose(SessionPlan plan, List<DrugDoses.Dose> doses, List<Finding> out) {
        if (doses.isEmpty()) {
            return;
        }
        Double weight = plan.patientWeightKg();
        if (weight == null) {
            out.add(session(Severity.VIOLATION, PATIENT_WEIGHT, PATIENT_WEIGHT.key(), null, null, "kg",
                    "Session: cannot be certified: the patient's weight is not entered, and the local anaesthetic "
                            + "dose limits are per kg (" + String.join(", ", doses.stream().map(d -> String.format(
                                    Locale.ROOT, "%s %.1f mg", d.drug(), d.mg())).toList()) + " planned)"));
        }
        double fraction = 0;
        List<String> parts = new ArrayList<>();
        for (DrugDoses.Dose dose : doses) {
            if (dose.anaesthetic() == null) {
                continue;
            }
            fraction += dose.fraction(weight);
            for (boolean vasoconstrictor : new boolean[] {false, true}) {
                double mg = vasoconstrictor ? dose.vasoconstrictorMg() : dose.plainMg();
                if (mg > 0) {
                    double limit = dose.limitMg(vasoconstrictor, weight);
                    parts.add(String.format(Locale.ROOT, "%s%s %.1f mg of %s mg (%s)", dose.drug(),
                            vasoconstrictor ? " with adrenaline" : "", mg, number(limit),
                            weight == null ? "its maximum; weight not entered"
                                    : dose.anaesthetic().limit(vasoconstrictor).text() + " × " + number(weight)
                                            + " kg"));
                }
            }
        }
        if (fraction > 1) {
            double percent = fraction * 100;
            out.add(session(Severity.VIOLATION, ANAESTHETIC_DOSE, ANAESTHETIC_DOSE.key(), percent, 100.0, "%",
                    String.format(Locale.ROOT, "Session: local anaesthetic at %.1f %% of the limit%s: %s",
                            Math.ceil(percent * 10) / 10, parts.size() > 1 ? " (the drugs' shares added)" : "",
                            String.join(" + ", parts))));
        }
    }

    private static Finding session(Severity severity, SafetyCheck check, String key, Double measured, Double limit,
            String unit, String message) {
        return new Finding(severity, check.checkName(), key, null, null, null, measured, limit, unit, message);
    }

    private static String zoneName(NerveZone zone) {
        return "zone Z" + zone.number() + (zone.name().isBlank() ? "" : " \"" + zone.name() + "\"");
    }

    /** A limit or value as people write it: 5, 0.5, 4.5 (at most three decimals). */
    private static String number(double value) {
        return Decimals.text(value, 3);
    }

    /**
     * A site being checked: its target, its injection (or null), its catalogue entry (or null) and the name its
     * findings start with ({@link SafetyChecks#nameOfSite}, computed once by {@link SafetyChecks#site}).
     */
    record Site(SessionPlan plan, Target target, Injection injection, Structure structure, String name) {

        Finding violation(SafetyCheck check, String key, NerveZone zone, Double measured, Double limit, String unit,
                String message) {
            return finding(Severity.VIOLATION, check, key, zone, measured, limit, unit, message);
        }

        Finding warning(SafetyCheck check, String key, NerveZone zone, Double measured, Double limit, String unit,
                String message) {
            return finding(Severity.WARNING, check, key, zone, measured, limit, unit, message);
        }

        Finding note(SafetyCheck check, String key, String message) {
            return finding(Severity.NOTE, check, key, null, null, null, "", message);
        }

        private Finding finding(Severity severity, SafetyCheck check, String key, NerveZone zone, Double measured,
                Double limit, String unit, String message) {
            return new Finding(severity, check.checkName(), key, target.id(), injection == null ? null : injection.id(),
                    zone == null ? null : zone.id(), measured, limit, unit, name() + ": " + message);
        }
    }
}
