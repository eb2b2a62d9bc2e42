package org.injectionplanner.imagej.gui;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.injectionplanner.dicom.DataSet;
import org.injectionplanner.dicom.DicomFile;
import org.injectionplanner.dicom.Tag;
import org.injectionplanner.export.SessionMapPdf;
import org.injectionplanner.export.dicom.DicomTools;
import org.injectionplanner.order.CostModel;
import org.injectionplanner.order.SessionOrder;
import org.injectionplanner.plan.Approach;
import org.injectionplanner.plan.ClinicSettings;
import org.injectionplanner.plan.FindingOverride;
import org.injectionplanner.plan.Injection;
import org.injectionplanner.plan.NerveZone;
import org.injectionplanner.plan.PlanStatus;
import org.injectionplanner.plan.SessionPlan;
import org.injectionplanner.plan.Target;
import org.injectionplanner.safety.DrugDoses;
import org.injectionplanner.safety.Finding;
import org.injectionplanner.safety.SafetyChecks;
import org.injectionplanner.safety.SafetyContext;
import org.injectionplanner.safety.SafetyReport;
import org.injectionplanner.safety.Severity;
import org.injectionplanner.sessionmap.SessionMap;
import org.injectionplanner.store.PlanStore;
import org.injectionplanner.store.SignOff;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 15's proof: the 10-site plan on the session-1 sample studies rebuilt by a macro with the default clinic
 * presets, as a physician plans it in ImageJ: 10 targets on the three images (the transverse L4-L5 image, the
 * longitudinal sacroiliac image and frame 12 of the transverse cine), four zones, ten needle paths (eight in-plane
 * from the skin beyond the probe's end, one in-plane from the skin just beside its target, one out-of-plane),
 * the proposed order, the checklist all as usual, one override and the signature. Every number of every site
 * (depth, path length, angle, part off the image, clearance, volume, dose) is computed here from the coordinates
 * the macro gives and the mm per pixel of each file's Ultrasound Region, read from the file's header, and the
 * plugin's must equal them; the only warnings left are the ones listed in {@link #expectedWarnings}, each with what
 * the physician does about it.
 */
@org.junit.jupiter.api.Tag("gui")
@ExtendWith(GuiSession.Ready.class)
class TenSitePlanIT {

    /** The in-plane approach the paths from beyond the probe's end are planned at, degrees. */
    private static final double APPROACH_DEG = 25;
    /** The sample files, by series number. */
    private static final Map<Integer, String> FILES = Map.of(1, "01-transverse-L4-L5.dcm",
            2, "02-longitudinal-posterior-sacroiliac.dcm", 3, "03-cine-transverse-L4-L5.dcm");

    /**
     * The patient direction each image's left and right edges face, as the physician sets them before placing the
     * sites: the sample's transverse views show the patient's left on the image's left (T2, the left facet, lies
     * left of the spinous process), its sacroiliac view runs cranial to caudal (S3 left of S4).
     */
    private static final Map<Integer, String[]> SIDES = Map.of(1, new String[] {"L", "R"},
            2, new String[] {"CRAN", "CAUD"}, 3, new String[] {"L", "R"});

    /** How a site's needle enters: from beyond the probe's left or right end, or from the skin above the target. */
    private enum Entry { BEYOND_LEFT, BEYOND_RIGHT, BESIDE_IN_PLANE, ABOVE_OUT_OF_PLANE }

    /** A target as the macro places it (image pixels of its file) and how its needle enters. */
    private record Site(int number, int series, int frame, String label, String structure, String side,
            String level, double x, double y, Entry entry) {
    }

    /** A nerve zone as the macro draws it: an ellipse, pixels. */
    private record Zone(int number, int series, int frame, String kind, String name, double cx, double cy, double rx,
            double ry, double marginMm) {
    }

    /**
     * The B-mode region of a sample file as its header gives it: pixels x0–x1, y0–y1 (inclusive; the skin line is
     * row y0), mm per pixel in x and y (the physical deltas in cm × 10).
     */
    private record Region(int x0, int y0, int x1, int y1, double mmX, double mmY) {
    }

    private static final List<Site> SITES = List.of(
            new Site(1, 1, 1, "L4/5 supraspinous", "supraspinous", "midline", "L4/L5", 400, 95, Entry.BESIDE_IN_PLANE),
            new Site(2, 1, 1, "L4/5 L facet", "facet-capsule", "left", "L4/L5", 300, 330, Entry.BEYOND_LEFT),
            new Site(3, 1, 1, "L4/5 R facet", "facet-capsule", "right", "L4/L5", 500, 330, Entry.BEYOND_RIGHT),
            new Site(4, 2, 1, "LPSL S3", "long-posterior-sacroiliac", "right", "S3", 260, 160, Entry.BEYOND_LEFT),
            new Site(5, 2, 1, "LPSL S4", "long-posterior-sacroiliac", "right", "S4", 450, 170, Entry.BEYOND_RIGHT),
            new Site(6, 2, 1, "SPSL S1", "short-posterior-sacroiliac", "right", "S1", 330, 300, Entry.BEYOND_LEFT),
            new Site(7, 3, 12, "L IL L4/5", "iliolumbar", "left", "L4/L5", 240, 260, Entry.BEYOND_LEFT),
            new Site(8, 3, 12, "R IL L4/5", "iliolumbar", "right", "L4/L5", 560, 260, Entry.BEYOND_RIGHT),
            new Site(9, 3, 12, "L TLF L4/5", "thoracolumbar-fascia", "left", "L4/L5", 260, 120,
                    Entry.ABOVE_OUT_OF_PLANE),
            new Site(10, 3, 12, "R TLF L4/5", "thoracolumbar-fascia", "right", "L4/L5", 540, 120, Entry.BEYOND_RIGHT));

    /**
     * The zones: the dura line and the L4 medial branch on the transverse image, the S2 lateral branch on the
     * sacroiliac image, and a cluneal branch on the cine that T10's path passes about 3.2 mm from (inside its 5 mm
     * margin): the one violation, overridden.
     */
    private static final List<Zone> ZONES = List.of(
            new Zone(1, 1, 1, "dura", "dura", 400, 500, 150, 10, 0),
            new Zone(2, 1, 1, "nerve", "L4 medial branch", 230, 380, 12, 8, 5),
            new Zone(3, 2, 1, "nerve", "S2 lateral branch", 420, 340, 14, 8, 5),
            new Zone(4, 3, 12, "nerve", "cluneal branch", 590, 50, 8, 6, 5));

    /** T1's entry lies on the skin this many pixels right of the target: in-plane, steeper than 30°. */
    private static final double BESIDE_PX = 25;
    private static final String OVERRIDE_REASON = "branch seen clear of the needle on the live scan";

    @TempDir
    Path dir;

    /** A site's needle path as computed here: entry (pixels), and what the plugin must measure. */
    private record Expected(double entryX, double entryY, double offsetMm, double depthMm, double lengthMm,
            double angleDeg, double offImageMm, Double clearanceMm) {
    }

    @Test
    void theTenSitePlanKeepsEveryNumberAndWarnsOnlyWhereThePhysicianActs() throws Exception {
        Map<Integer, Region> regions = new HashMap<>();
        for (var file : FILES.entrySet()) {
            regions.put(file.getKey(), region(GuiSession.STUDY.resolve(file.getValue())));
        }
        Map<Integer, Expected> expected = new HashMap<>();
        for (Site s : SITES) {
            expected.put(s.number(), expect(s, regions.get(s.series())));
        }
        Path store = dir.resolve("store");
        Path pdf = dir.resolve("ten-site-plan.pdf");
        GuiSession.Result r = GuiSession.run(macro(store, expected, pdf), null,
                GuiSession.screenshot("ten-site-plan.png"));
        assertThat(r.log()).doesNotContain("Injection Planner:");

        SessionPlan plan = GuiSession.newestRevision(store).plan();
        PlanStore planStore = new PlanStore(store);
        ClinicSettings settings = planStore.settings();
        assertThat(settings).as("the clinic's presets are the defaults").isEqualTo(ClinicSettings.defaults());
        SafetyReport report = SafetyChecks.check(plan, SafetyContext.of(settings, null));
        SessionMap map = SessionMap.of(plan, report, settings, planStore.signatureStatus(plan));

        assertThat(plan.status()).isEqualTo(PlanStatus.SIGNED);
        assertThat(plan.author()).as("the author from the clinician profile").isEqualTo("Dr Test");
        assertThat(SignOff.intact(plan)).isTrue();
        assertThat(plan.targets()).hasSize(10);
        assertThat(plan.zones()).hasSize(4);
        for (Zone z : ZONES) {
            NerveZone drawn = plan.zones().get(z.number() - 1);
            assertThat(drawn.number()).isEqualTo(z.number());
            assertThat(drawn.name()).isEqualTo(z.name());
            assertThat(drawn.marginMm()).isEqualTo(z.marginMm());
            assertThat(drawn.image().frame()).isEqualTo(z.frame());
        }
        assertThat(plan.images()).hasSize(3);
        String[] panel = r.output().split("=====\n");
        assertThat(panel[0].lines()).as("the Plan Panel shows the session map")
                .containsExactlyElementsOf(map.lines());
        assertRowsFitTheMap(panel[1]);
        // the targets and zones above the map: one short row each, none wider than the list at the default size
        assertRowsFitTheMap(panel[2]);
        List<String> listRows = panel[2].lines().skip(1).map(row -> row.split("\t", 2)[1]).toList();
        assertThat(listRows).hasSize(14);
        for (Zone z : ZONES) {
            assertThat(listRows.get(10 + z.number() - 1)).startsWith(String.format(Locale.ROOT, "Z%-3d %s",
                    z.number(), z.name())).contains(String.format(Locale.ROOT, "margin %.1f mm  image ", z.marginMm()))
                    .endsWith(" fr " + z.frame());
        }

        // every number of every site, against the values computed above from the coordinates and the regions
        assertThat(map.injections()).hasSize(10);
        for (SessionMap.InjectionEntry e : map.injections()) {
            Site s = SITES.get(e.targetNumber() - 1);
            Expected x = expected.get(s.number());
            String site = "T" + s.number() + " " + s.label();
            assertThat(e.label()).isEqualTo(s.label());
            assertThat(e.image().frame()).as(site).isEqualTo(s.frame());
            assertThat(e.depthMm()).as(site + " depth").isCloseTo(x.depthMm(), within(1e-9));
            assertThat(e.path().entry().x()).as(site + " entry x").isCloseTo(x.entryX(), within(1e-9));
            assertThat(e.path().entry().y()).as(site + " entry y").isCloseTo(x.entryY(), within(1e-9));
            assertThat(e.pathLengthMm()).as(site + " path length").isCloseTo(x.lengthMm(), within(1e-9));
            assertThat(e.angleDeg()).as(site + " angle").isCloseTo(x.angleDeg(), within(1e-9));
            Target t = plan.targets().get(s.number() - 1);
            assertThat(e.path().measure(t).orElseThrow().offImageMm()).as(site + " off the image")
                    .isCloseTo(x.offImageMm(), within(1e-9));
            // the plugin measures to a polygon inscribed in each ellipse within 0.001 mm; here the ellipse is sampled
            assertThat(e.minClearanceMm()).as(site + " clearance").isCloseTo(x.clearanceMm(), within(0.003));
            assertThat(e.volumeMl()).as(site + " volume (the Hackett-Hemwall preset)").isEqualTo(0.5);
            assertThat(e.needle().toText()).as(site + " needle").isEqualTo("22G 90mm");
            assertThat(e.solution().description()).isEqualTo("dextrose 15 % + lidocaine 0.2 %");
            assertThat(e.approach()).isEqualTo(s.entry() == Entry.ABOVE_OUT_OF_PLANE ? Approach.OUT_OF_PLANE
                    : Approach.IN_PLANE);
            assertThat(listRows.get(s.number() - 1)).as(site + " in the list of targets").startsWith(
                    String.format(Locale.ROOT, "T%-3d %s", s.number(), s.label())).contains(String.format(Locale.ROOT,
                    "%s mm deep  image %d fr %d", ceilTenth(x.depthMm()), SessionMap.imageNumber(plan, e.image()),
                    s.frame()));
            assertThat(rowOf(map, s.number()).details().get(0)).as(site + " row in full").contains(
                    String.format(Locale.ROOT, "path %s mm %.0f°", ceilTenth(x.lengthMm()), x.angleDeg()));
        }
        // the dose: 0.2 % lidocaine is 2 mg per mL, 1.0 mg in each 0.5 mL site, 10 mg in the session
        double mgPerSite = 0.2 * 10 * 0.5;
        List<DrugDoses.Dose> doses = DrugDoses.of(plan, settings.drugs());
        assertThat(doses).hasSize(1);
        assertThat(doses.get(0).drug()).isEqualTo("lidocaine");
        assertThat(doses.get(0).plainMg()).isCloseTo(10 * mgPerSite, within(1e-9));
        assertThat(doses.get(0).vasoconstrictorMg()).isZero();
        assertThat(doses.get(0).volumeMl()).isCloseTo(5.0, within(1e-9));
        assertThat(map.lines()).contains("Totals: 10 injections, 5.00 mL; lidocaine 10.0 mg in 5.00 mL");

        // the one violation: T10's path inside the cluneal branch's margin, overridden with the clearance measured
        assertThat(report.violations()).hasSize(1);
        Finding violation = report.violations().get(0);
        Target t10 = plan.targets().get(9);
        NerveZone cluneal = plan.zones().get(3);
        assertThat(violation.key()).isEqualTo("zone-clearance/path/" + t10.id() + "/" + cluneal.id());
        assertThat(violation.measured()).isCloseTo(expected.get(10).clearanceMm(), within(0.003));
        assertThat(expected.get(10).clearanceMm()).isLessThan(5.0);
        assertThat(report.openViolations(plan)).isEmpty();
        FindingOverride override = plan.overrides().get(0);
        assertThat(plan.overrides()).hasSize(1);
        assertThat(override.findingKey()).isEqualTo(violation.key());
        assertThat(override.reason()).isEqualTo(OVERRIDE_REASON);
        assertThat(map.findingLines(null)).anyMatch(l -> l.contains("overridden (reason: " + OVERRIDE_REASON + ")"));
        assertThat(rowOf(map, 10).text()).as("T10's row marks the override, not a violation").contains(" overridden")
                .doesNotContain("VIOLATION");

        // the warning budget: no needle without a length, steep-angle remarks on steep in-plane paths only, and
        // every warning one the physician acts on
        assertThat(report.findings()).extracting(Finding::check).doesNotContain("needle-length");
        assertThat(map.lines()).noneMatch(l -> l.contains("not entered"));
        assertThat(map.details()).noneMatch(l -> l.contains("not entered"));
        double steepest = settings.limits().maxInsertionAngleDeg();
        Set<Integer> steep = SITES.stream().filter(s -> s.entry() != Entry.ABOVE_OUT_OF_PLANE)
                .filter(s -> expected.get(s.number()).angleDeg() > steepest).map(Site::number)
                .collect(Collectors.toSet());
        assertThat(steep).containsExactly(1);
        assertThat(expected.get(9).angleDeg()).as("T9, out-of-plane, straight down").isEqualTo(90);
        Map<String, Integer> numberOf = new HashMap<>();
        plan.targets().forEach(t -> numberOf.put(t.id().toString(), t.number()));
        List<String> warnings = report.warnings().stream().map(f -> f.check() + " T" + numberOf.get(
                f.targetId().toString())).sorted().toList();
        assertThat(warnings).containsExactlyElementsOf(expectedWarnings(steep));
        assertThat(report.warnings()).allMatch(f -> f.severity() == Severity.WARNING);
        // each image's sides set by the physician, every left or right site on its own half, every level one its
        // series names: not even a note
        assertThat(plan.images()).allSatisfy(i -> assertThat(i.sides()).as(i.description()).isNotNull());
        assertThat(report.findings()).filteredOn(f -> f.severity() == Severity.NOTE).isEmpty();
        for (Finding f : report.warnings()) {
            if (f.check().equals("off-image")) {
                int number = numberOf.get(f.targetId().toString());
                assertThat(f.measured()).as("T" + number + " off the image").isCloseTo(
                        expected.get(number).offImageMm(), within(1e-9));
            }
        }

        // the printed map: signed (no DRAFT), every site in the table; its last page (the end of the table, totals,
        // drawing-up list, checklist, findings, sign-off) rendered by poppler as the committed picture of the map
        int pages;
        try (PDDocument doc = Loader.loadPDF(pdf.toFile())) {
            pages = doc.getNumberOfPages();
            String text = new PDFTextStripper().getText(doc);
            assertThat(text).contains("Signed by Dr Test").doesNotContain(SessionMapPdf.DRAFT);
            for (Site s : SITES) {
                assertThat(text).as("T" + s.number() + " in the PDF map").contains(s.label());
            }
        }
        renderPage(pdf, pages, GuiSession.screenshot("session-map-pdf.png"));

        // the order: the one proposed, with less repositioning of the probe than the order the sites were placed in
        CostModel model = CostModel.of(settings.orderWeights());
        List<UUID> order = plan.injections().stream().map(Injection::id).toList();
        assertThat(order).isEqualTo(SessionOrder.propose(plan, model));
        List<UUID> placed = plan.targets().stream().map(t -> plan.injectionAt(t.id()).orElseThrow().id()).toList();
        assertThat(SessionOrder.cost(plan, order, model)).isLessThanOrEqualTo(SessionOrder.cost(plan, placed, model));
    }

    /**
     * The warnings left, as "check Tn", sorted, each one the physician acts on:
     * <ul>
     * <li>{@code off-image} at each of the eight in-plane paths from beyond the probe's end: the first part of the
     * path lies where no image shows and no zone could be marked; the physician scans the entry site before
     * inserting;</li>
     * <li>{@code insertion-angle} at each in-plane path steeper than the clinic's setting (T1, entered from the skin
     * beside its shallow target): the needle will be hard to see; the physician moves the entry beyond the probe's
     * end or accepts.</li>
     * </ul>
     * Nothing else: no needle without a length (the presets carry one), no steep-angle remark on the out-of-plane
     * T9, no level, side, duplicate, volume, depth, dose or interval warning for this plan.
     */
    private static List<String> expectedWarnings(Set<Integer> steep) {
        List<String> out = new ArrayList<>();
        for (Site s : SITES) {
            if (s.entry() == Entry.BEYOND_LEFT || s.entry() == Entry.BEYOND_RIGHT) {
                out.add("off-image T" + s.number());
            }
            if (steep.contains(s.number())) {
                out.add("insertion-angle T" + s.number());
            }
        }
        return out.stream().sorted().toList();
    }

    /**
     * Renders page {@code page} of the PDF at 80 dpi with poppler's pdftoppm into {@code png}; says so and leaves
     * it when poppler is not installed (the map's text is checked above either way).
     */
    private static void renderPage(Path pdf, int page, Path png) throws Exception {
        if (!DicomTools.onPath("pdftoppm")) {
            System.out.println("TenSitePlanIT: pdftoppm (poppler-utils) is not installed; " + png + " not made");
            return;
        }
        Files.createDirectories(png.getParent());
        String n = Integer.toString(page);
        DicomTools.Run r = DicomTools.run("pdftoppm", "-r", "80", "-png", "-singlefile", "-f", n, "-l", n,
                pdf.toString(), png.toString().replaceFirst("\\.png$", ""));
        assertThat(r.exit()).as("pdftoppm: " + r.output()).isZero();
        assertThat(png).exists();
    }

    /** The macro that opens each image, places its sites, zones and paths, then orders, answers, overrides, signs. */
    private static String macro(Path store, Map<Integer, Expected> expected, Path pdf) {
        // the workstation user's clinician profile, set once: the author and signer of what follows
        StringBuilder m = new StringBuilder(String.format(Locale.ROOT, "run(\"Injection Planner Options...\", "
                + "\"memory=512 store=[%s] clinician=[Dr Test] role=physician\");%n", store));
        m.append(GuiSession.openStudy(store, 1));
        for (int series = 1; series <= 3; series++) {
            if (series > 1) {
                m.append(String.format(Locale.ROOT, "run(\"Open Ultrasound Study...\", \"path=[%s] series=%d\");%n",
                        GuiSession.STUDY, series));
            }
            m.append(String.format(Locale.ROOT, "run(\"Set Image Orientation...\", \"left=%s right=%s "
                    + "physician=[Dr Test]\");%n", SIDES.get(series)[0], SIDES.get(series)[1]));
            for (Site s : SITES) {
                if (s.series() == series) {
                    m.append(String.format(Locale.ROOT, "run(\"Add Injection Target...\", \"x=%s y=%s frame=%d "
                            + "structure=%s side=%s level=%s label=[%s]\");%n", s.x(), s.y(), s.frame(), s.structure(),
                            s.side(), s.level(), s.label()));
                }
            }
            for (Zone z : ZONES) {
                if (z.series() == series) {
                    m.append(String.format(Locale.ROOT, "run(\"Add Nerve Zone...\", \"ellipse=%s,%s,%s,%s frame=%d "
                            + "kind=%s name=[%s] margin=%s\");%n", z.cx(), z.cy(), z.rx(), z.ry(), z.frame(), z.kind(),
                            z.name(), z.marginMm()));
                }
            }
            for (Site s : SITES) {
                if (s.series() != series) {
                    continue;
                }
                Expected x = expected.get(s.number());
                if (s.entry() == Entry.ABOVE_OUT_OF_PLANE) {
                    m.append(String.format(Locale.ROOT, "run(\"Edit Injection...\", \"injection=T%d "
                            + "approach=out-of-plane\");%n", s.number()));
                }
                if (s.entry() == Entry.BEYOND_LEFT || s.entry() == Entry.BEYOND_RIGHT) {
                    m.append(String.format(Locale.ROOT, "run(\"Plan Needle Path...\", \"target=T%d "
                            + "entry_offset_mm=%s probe_end=%s\");%n", s.number(), x.offsetMm(),
                            s.entry() == Entry.BEYOND_LEFT ? "left" : "right"));
                } else {
                    m.append(String.format(Locale.ROOT, "run(\"Plan Needle Path...\", \"target=T%d entry_x=%s "
                            + "entry_y=%s\");%n", s.number(), x.entryX(), x.entryY()));
                }
            }
        }
        m.append("""
                run("Propose Injection Order");
                run("Pre-procedure Checklist...", "weight_kg=70 all_as_usual");
                run("Override Safety Finding...", "reason=[%s] author=[Dr Test]");
                run("Finalize Session Plan...", "signer=[Dr Test]");
                run("Save Session Plan");
                run("Export Session Plan...", "format=pdf path=[%s] paper=a4");
                run("Plan Panel");
                File.saveString(call("org.injectionplanner.imagej.gui.UserInput.rows", "Plan Panel") + "=====\\n"
                        + call("org.injectionplanner.imagej.gui.UserInput.rowWidths", "Plan Panel") + "=====\\n"
                        + call("org.injectionplanner.imagej.gui.UserInput.listRowWidths", "Plan Panel"), getArgument());
                call("org.injectionplanner.imagej.gui.PanelProbe.close");
                Stack.setFrame(12);
                call("org.injectionplanner.imagej.gui.UserInput.place", getTitle(), "450", "110");
                """.formatted(OVERRIDE_REASON, pdf));
        return m.toString();
    }

    /**
     * A site's path computed from its coordinates and its image's region: the entry beyond the probe's end as far
     * as gives a 25° approach (its distance from the end rounded to 0.001 mm, as the macro passes it), else on the
     * skin line; depth below the skin line; length and angle of the segment from the entry to the target; the part
     * left or right of the region's edge; the smallest clearance from the zones on the site's frame.
     */
    private static Expected expect(Site s, Region r) {
        double depth = (s.y() - r.y0()) * r.mmY();
        double entryX;
        double offset = 0;
        double edge = Double.NaN;
        switch (s.entry()) {
            case BEYOND_LEFT, BEYOND_RIGHT -> {
                boolean left = s.entry() == Entry.BEYOND_LEFT;
                edge = left ? r.x0() : r.x1() + 1;
                double wanted = depth / Math.tan(Math.toRadians(APPROACH_DEG)) - Math.abs(s.x() - edge) * r.mmX();
                offset = Double.parseDouble(String.format(Locale.ROOT, "%.3f", wanted));
                entryX = left ? edge - offset / r.mmX() : edge + offset / r.mmX();
            }
            case BESIDE_IN_PLANE -> entryX = s.x() + BESIDE_PX;
            default -> entryX = s.x();
        }
        double entryY = r.y0();
        double dxMm = (s.x() - entryX) * r.mmX();
        double dyMm = (s.y() - entryY) * r.mmY();
        double length = Math.hypot(dxMm, dyMm);
        double angle = Math.toDegrees(Math.atan2(Math.abs(dyMm), Math.abs(dxMm)));
        double offImage = Double.isNaN(edge) ? 0 : length * Math.abs(edge - entryX) / Math.abs(s.x() - entryX);
        Double clearance = null;
        for (Zone z : ZONES) {
            if (z.series() == s.series() && z.frame() == s.frame()) {
                double mm = clearanceMm(entryX, entryY, s.x(), s.y(), z, r);
                clearance = clearance == null ? mm : Math.min(clearance, mm);
            }
        }
        return new Expected(entryX, entryY, offset, depth, length, angle, offImage, clearance);
    }

    /**
     * The shortest distance, mm, from the segment (ax, ay)–(bx, by) to the ellipse's boundary, 0 if it crosses it:
     * the ellipse sampled at 200,000 points, each point and the segment scaled to mm.
     */
    private static double clearanceMm(double ax, double ay, double bx, double by, Zone z, Region r) {
        double sx = r.mmX();
        double sy = r.mmY();
        double best = Double.POSITIVE_INFINITY;
        int n = 200_000;
        for (int k = 0; k < n; k++) {
            double a = 2 * Math.PI * k / n;
            double px = (z.cx() + z.rx() * Math.cos(a)) * sx;
            double py = (z.cy() + z.ry() * Math.sin(a)) * sy;
            best = Math.min(best, pointToSegment(px, py, ax * sx, ay * sy, bx * sx, by * sy));
        }
        boolean endInside = inside(ax, ay, z) || inside(bx, by, z);
        return endInside ? 0 : best;
    }

    private static boolean inside(double x, double y, Zone z) {
        double u = (x - z.cx()) / z.rx();
        double v = (y - z.cy()) / z.ry();
        return u * u + v * v <= 1;
    }

    private static double pointToSegment(double px, double py, double ax, double ay, double bx, double by) {
        double dx = bx - ax;
        double dy = by - ay;
        double t = Math.max(0, Math.min(1, ((px - ax) * dx + (py - ay) * dy) / (dx * dx + dy * dy)));
        return Math.hypot(px - (ax + t * dx), py - (ay + t * dy));
    }

    /** A length as the map prints it: to 0.1 mm, rounded up (values within 1e-9 of a step count as on it). */
    private static String ceilTenth(double mm) {
        return String.format(Locale.ROOT, "%.1f", Math.ceil(mm * 10 - 1e-9) / 10);
    }

    /** The map's row of target Tn. */
    private static SessionMap.Row rowOf(SessionMap map, int number) {
        String tag = String.format(Locale.ROOT, "T%-3d ", number);
        return map.rows().stream().filter(r -> r.text().startsWith("#") && r.text().contains(tag)).findFirst()
                .orElseThrow();
    }

    /**
     * The Plan Panel at its default size on the 1600 × 1000 screen, as {@link UserInput#rowWidths} measured it: it
     * fits on the screen, and every row of its session map (of its list of targets and zones, measured by
     * {@link UserInput#listRowWidths}) fits the map's (the list's) width, without a horizontal scroll bar.
     */
    static void assertRowsFitTheMap(String measured) {
        List<String> lines = measured.lines().toList();
        String[] head = lines.get(0).split(" ");
        int viewport = Integer.parseInt(head[1]);
        assertThat(head[3]).as("the map's horizontal scroll bar: " + lines.get(0)).isEqualTo("hidden");
        assertThat(Integer.parseInt(head[5])).as("the panel's width on the screen").isLessThanOrEqualTo(
                Integer.parseInt(head[8]));
        assertThat(Integer.parseInt(head[6])).as("the panel's height on the screen").isLessThanOrEqualTo(
                Integer.parseInt(head[9]));
        assertThat(lines).hasSizeGreaterThan(5);
        for (String row : lines.subList(1, lines.size())) {
            String[] widthAndText = row.split("\t", 2);
            assertThat(Integer.parseInt(widthAndText[0])).as("the row \"" + widthAndText[1] + "\" within the map's "
                    + viewport + " px").isLessThanOrEqualTo(viewport);
        }
    }

    /** The B-mode region of a sample file, from its Sequence of Ultrasound Regions (physical units in cm). */
    private static Region region(Path file) throws Exception {
        DataSet ds = DicomFile.open(file).dataSet();
        List<DataSet> items = ds.getSequence(Tag.SEQUENCE_OF_ULTRASOUND_REGIONS);
        assertThat(items).as(file + ": one region").hasSize(1);
        DataSet item = items.get(0);
        assertThat(item.getInt(Tag.PHYSICAL_UNITS_X_DIRECTION, 0)).as("cm").isEqualTo(3);
        assertThat(item.getInt(Tag.PHYSICAL_UNITS_Y_DIRECTION, 0)).as("cm").isEqualTo(3);
        return new Region(item.getInt(Tag.REGION_LOCATION_MIN_X0, -1), item.getInt(Tag.REGION_LOCATION_MIN_Y0, -1),
                item.getInt(Tag.REGION_LOCATION_MAX_X1, -1), item.getInt(Tag.REGION_LOCATION_MAX_Y1, -1),
                Math.abs(item.getDouble(Tag.PHYSICAL_DELTA_X)) * 10,
                Math.abs(item.getDouble(Tag.PHYSICAL_DELTA_Y)) * 10);
    }
}
