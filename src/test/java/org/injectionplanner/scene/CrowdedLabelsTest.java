package org.injectionplanner.scene;

import static org.assertj.core.api.Assertions.assertThat;
import static org.injectionplanner.plan.PlanFixtures.p;

import java.awt.Graphics2D;
import java.awt.geom.Rectangle2D;
import java.awt.image.BufferedImage;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.injectionplanner.geometry.EllipseShape;
import org.injectionplanner.geometry.PixelPoint;
import org.injectionplanner.plan.ClinicSettings;
import org.injectionplanner.plan.ImageRef;
import org.injectionplanner.plan.MeasuredCalibration;
import org.injectionplanner.plan.PlanFixtures;
import org.injectionplanner.plan.SessionPlan;
import org.injectionplanner.plan.Side;
import org.injectionplanner.plan.SpinalLevel;
import org.injectionplanner.plan.Target;
import org.injectionplanner.safety.SafetyChecks;
import org.injectionplanner.safety.SafetyContext;
import org.injectionplanner.safety.SafetyReport;
import org.junit.jupiter.api.Test;

/**
 * Crowded plans: no label covers a marker, a needle path's end, a guide or another label, and every label
 * lies inside the image; labels that had to move are tied to their marker by a leader line; earlier sessions'
 * sites shown among today's are laid out in the same layout. Checked on the scene's rectangles, on painted
 * pixels, and over random crowded plans.
 */
class CrowdedLabelsTest {

    private static final MeasuredCalibration CAL = PlanFixtures.region(0, 0.1, 0.1);
    private static final ImageRef FRAME = new ImageRef(PlanFixtures.IMAGE.sopInstanceUid(), 1);
    private static final int WIDTH = 640;
    private static final int HEIGHT = 480;

    /**
     * 12 targets within 40 × 20 px about (300, 250), each with a path from the skin; a target at each of the
     * four edges and corners' neighbourhoods; two zones whose labels would fall on path labels.
     */
    static SessionPlan crowded() {
        SessionPlan plan = PlanFixtures.draft();
        int n = 1;
        for (int i = 0; i < 12; i++) {
            Target t = PlanFixtures.target(n++, 280 + (i % 4) * 13, 240 + (i / 4) * 10, CAL);
            plan = plan.withTarget(t).withInjection(PlanFixtures.injection(t, PlanFixtures.path(200 + i * 20, 5, CAL)));
        }
        double[][] edges = {{3, 240}, {636, 200}, {320, 4}, {330, 476}, {6, 470}, {634, 8}};
        for (double[] e : edges) {
            plan = plan.withTarget(PlanFixtures.target(n++, e[0], e[1], CAL));
        }
        return plan.withZone(PlanFixtures.zone(1, new EllipseShape(p(250, 90), 30, 12, 0), 2, CAL))
                .withZone(PlanFixtures.zone(2, new EllipseShape(p(380, 120), 20, 10, 0), 2, CAL));
    }

    private static SafetyReport report(SessionPlan plan) {
        return SafetyChecks.check(plan, SafetyContext.of(ClinicSettings.defaults(), null));
    }

    @Test
    void noLabelCoversAMarkerAPathEndOrAnotherLabelAndAllLieInsideTheImage() {
        SessionPlan plan = crowded();
        for (LabelDetail detail : LabelDetail.values()) {
            PlanScene scene = PlanScene.of(plan, report(plan), FRAME, WIDTH, HEIGHT, null, PlanStyle.CURRENT,
                    SceneOptions.DEFAULT.withDetail(detail).withOrientation(new ImageOrientation("R", "L"))
                            .withCine(new SceneOptions.CineFrames(30, 1, List.of(1, 7))));
            assertLaidOut(scene);
            long targets = scene.marks().stream().filter(m -> m instanceof PlanScene.Label l
                    && plan.target(l.annotationId()).isPresent()).count();
            assertThat(targets).as(detail + ": zones' labels besides").isGreaterThanOrEqualTo(18);
        }
    }

    /**
     * Earlier sites as a follow-up review shows them: among today's cluster (one exactly on a target, others
     * between), on a zone, at the edges and next to the side markers and the midline tick.
     */
    static List<PlanScene.PriorSite> priorSites() {
        double[][] at = {{280, 240}, {300, 255}, {312, 236}, {326, 262}, {290, 228}, {5, 250}, {630, 210},
            {320, 12}, {250, 95}, {12, 6}, {626, 6}, {336, 470}};
        List<PlanScene.PriorSite> sites = new ArrayList<>();
        for (int i = 0; i < at.length; i++) {
            sites.add(new PlanScene.PriorSite(earlier(UUID.nameUUIDFromBytes(("prior " + i).getBytes()), i + 1,
                    "L L4/5 facet", at[i][0], at[i][1]), "s1", ""));
        }
        return sites;
    }

    /** Target {@code number} of an earlier session, in the facet joint capsule, at ({@code x}, {@code y}). */
    static Target earlier(UUID id, int number, String label, double x, double y) {
        return new Target(id, number, label, "facet-capsule", Side.LEFT, SpinalLevel.L4_L5, FRAME, new PixelPoint(x, y),
                null, "", CAL);
    }

    @Test
    void priorSitesAreLaidOutWithTodaysLabelsWithoutOverlaps() {
        SessionPlan plan = crowded();
        List<PlanScene.PriorSite> priors = priorSites();
        Set<UUID> priorIds = priors.stream().map(PlanScene.PriorSite::id).collect(Collectors.toSet());
        for (LabelDetail detail : LabelDetail.values()) {
            PlanScene scene = PlanScene.of(plan, report(plan), FRAME, WIDTH, HEIGHT, null, PlanStyle.CURRENT,
                    SceneOptions.DEFAULT.withDetail(detail).withOrientation(new ImageOrientation("R", "L", 320.0))
                            .withCine(new SceneOptions.CineFrames(30, 1, List.of(1, 7))).withPriorSites(priors));
            assertLaidOut(scene);
            assertThat(scene.marks()).filteredOn(m -> m instanceof PlanScene.Ring).as(detail + ": a ring per site")
                    .hasSize(priors.size()).allMatch(m -> priorIds.contains(m.annotationId()));
            // named as today's at the same detail: with the structure's name where today's labels have room for it
            boolean named = scene.labels().stream().anyMatch(l -> l.text().contains("Iliolumbar ligament"));
            assertThat(scene.labels()).filteredOn(l -> priorIds.contains(l.annotationId()))
                    .extracting(PlanScene.Label::text).as(detail + ": every site's label, named as today's")
                    .containsExactlyElementsOf(priors.stream().map(p -> "s1 T" + p.target().number() + switch (detail) {
                        case NUMBER -> "";
                        case NAME -> " L L4/5 facet";
                        case FULL -> " L L4/5 facet" + (named ? " · Facet joint capsule" : "");
                    }).toList());
            assertThat(scene.labels()).extracting(PlanScene.Label::annotationId)
                    .as(detail + ": today's labels all there")
                    .containsAll(plan.targets().stream().map(Target::id).toList());
            // the rings lie beneath today's markers: drawn before every disc
            int lastRing = lastIndex(scene.marks(), PlanScene.Ring.class);
            assertThat(lastRing).isLessThan(firstIndex(scene.marks(), PlanScene.Disc.class));
        }
    }

    private static int lastIndex(List<PlanScene.Mark> marks, Class<?> type) {
        int last = -1;
        for (int i = 0; i < marks.size(); i++) {
            last = type.isInstance(marks.get(i)) ? i : last;
        }
        return last;
    }

    private static int firstIndex(List<PlanScene.Mark> marks, Class<?> type) {
        for (int i = 0; i < marks.size(); i++) {
            if (type.isInstance(marks.get(i))) {
                return i;
            }
        }
        return -1;
    }

    @Test
    void whereFullLabelsDoNotFitTheyLeaveOutTheStructuresNamesAndOnlyThen() {
        SessionPlan plan = crowded();
        PlanScene crowded = PlanScene.of(plan, report(plan), FRAME, WIDTH, HEIGHT, null, PlanStyle.CURRENT);
        List<String> texts = targetLabels(crowded);
        assertThat(texts).hasSize(18).allMatch(t -> t.contains(" mm deep"))
                .noneMatch(t -> t.contains("Iliolumbar ligament"));
        assertLaidOut(crowded);
        // the four targets at the edges alone leave room: each label names its structure
        SessionPlan sparse = PlanFixtures.draft();
        for (Target t : plan.targets().subList(12, 16)) {
            sparse = sparse.withTarget(t);
        }
        SessionPlan few = sparse;
        PlanScene roomy = PlanScene.of(few, report(few), FRAME, WIDTH, HEIGHT, null, PlanStyle.CURRENT);
        assertThat(targetLabels(roomy)).hasSize(4).allMatch(t -> t.contains(" Iliolumbar ligament · "));
        assertLaidOut(roomy);
    }

    /** The texts of the targets' labels ("#1 T3 …" or "T3 …"; not the paths'). */
    private static List<String> targetLabels(PlanScene scene) {
        return scene.labels().stream().map(PlanScene.Label::text).filter(t -> t.matches("(#\\d+ )?T\\d+.*"))
                .toList();
    }

    @Test
    void movedLabelsHaveALeaderLineFromTheirMarkerToTheirBox() {
        SessionPlan plan = crowded();
        PlanScene scene = PlanScene.of(plan, report(plan), FRAME, WIDTH, HEIGHT, null, PlanStyle.CURRENT);
        List<PlanScene.Line> leaders = scene.marks().stream().filter(m -> m instanceof PlanScene.Line l
                && l.width() == PlanStyle.LEADER_WIDTH).map(m -> (PlanScene.Line) m).toList();
        assertThat(leaders).as("12 labels cannot all sit beside targets 13 px apart").hasSizeGreaterThan(4);
        for (PlanScene.Line leader : leaders) {
            PlanScene.Label label = scene.labels().stream().filter(l -> leader.annotationId().equals(l.annotationId())
                    && onEdge(l, leader.to().x(), leader.to().y())).findFirst().orElseThrow();
            assertThat(label.colour()).isEqualTo(leader.colour());
        }
        // a target whose label sits next to it has none: T18 near the top right corner
        Target t18 = plan.targets().get(17);
        assertThat(leaders).noneMatch(l -> l.annotationId().equals(t18.id()));
    }

    @Test
    void paintedLabelsLeaveEveryMarkersPixelsAsTheyAre() {
        SessionPlan plan = crowded();
        PlanScene scene = PlanScene.of(plan, report(plan), FRAME, WIDTH, HEIGHT, null, PlanStyle.CURRENT,
                SceneOptions.DEFAULT.withOrientation(new ImageOrientation("CRAN", "CAUD")));
        List<PlanScene.Mark> unlabelled = scene.marks().stream().filter(m -> !(m instanceof PlanScene.Label)
                && !(m instanceof PlanScene.Line l && l.width() == PlanStyle.LEADER_WIDTH)).toList();
        BufferedImage full = paint(scene);
        BufferedImage bare = paint(new PlanScene(FRAME, WIDTH, HEIGHT, scene.font(), unlabelled, scene.scaleBar(),
                scene.guides()));
        int checked = 0;
        for (PlanScene.Mark m : scene.marks()) {
            if (!(m instanceof PlanScene.Disc) && !(m instanceof PlanScene.Square)) {
                continue;
            }
            // the pixels whose centres lie inside the disc or square, by more than half a pixel
            double cx = m instanceof PlanScene.Disc d ? d.centre().x() : ((PlanScene.Square) m).centre().x();
            double cy = m instanceof PlanScene.Disc d ? d.centre().y() : ((PlanScene.Square) m).centre().y();
            double r = (m instanceof PlanScene.Disc d ? d.radius() : ((PlanScene.Square) m).halfSide()) - 0.5;
            for (int y = (int) Math.max(0, cy - r); y < Math.min(HEIGHT, cy + r); y++) {
                for (int x = (int) Math.max(0, cx - r); x < Math.min(WIDTH, cx + r); x++) {
                    double dx = x + 0.5 - cx;
                    double dy = y + 0.5 - cy;
                    boolean inside = m instanceof PlanScene.Disc ? Math.hypot(dx, dy) < r
                            : Math.abs(dx) < r && Math.abs(dy) < r;
                    if (inside) {
                        assertThat(full.getRGB(x, y)).as("pixel (%d, %d) of %s", x, y, m).isEqualTo(bare.getRGB(x, y));
                        checked++;
                    }
                }
            }
        }
        assertThat(checked).isGreaterThan(18 * 200);
        // and each label's text is painted: its box holds more than one colour
        for (PlanScene.Label l : scene.labels()) {
            assertThat(colours(full, l)).as(l.text()).isGreaterThan(1);
        }
    }

    @Property(tries = 60)
    void randomCrowdedPlansAreLaidOutWithoutOverlaps(@ForAll("plans") SessionPlan plan) {
        PlanScene scene = PlanScene.of(plan, report(plan), FRAME, WIDTH, HEIGHT, null, PlanStyle.CURRENT,
                SceneOptions.DEFAULT.withOrientation(new ImageOrientation("R", "L", WIDTH / 2.0))
                        .withPriorSites(earlierSitesBeside(plan)));
        assertLaidOut(scene);
    }

    /** An earlier site 7 px right and 5 px below every other target of the plan (inside the image). */
    private static List<PlanScene.PriorSite> earlierSitesBeside(SessionPlan plan) {
        List<PlanScene.PriorSite> sites = new ArrayList<>();
        for (Target t : plan.targets()) {
            if (t.number() % 2 == 1) {
                sites.add(new PlanScene.PriorSite(earlier(UUID.nameUUIDFromBytes(t.id().toString().getBytes()),
                        t.number(), "", Math.min(WIDTH, t.point().x() + 7), Math.min(HEIGHT, t.point().y() + 5)),
                        "s1", ""));
            }
        }
        return sites;
    }

    /** Up to 12 targets, some with paths, in a cluster 60 × 30 px placed anywhere; up to 2 zones nearby. */
    @Provide
    Arbitrary<SessionPlan> plans() {
        Arbitrary<double[]> offsets = Arbitraries.doubles().between(0, 1).array(double[].class).ofSize(3);
        return Combinators.combine(Arbitraries.integers().between(1, 12), Arbitraries.doubles().between(0, WIDTH),
                Arbitraries.doubles().between(10, HEIGHT), offsets.list().ofSize(12),
                Arbitraries.integers().between(0, 2))
                .as((count, cx, cy, points, zones) -> {
                    SessionPlan plan = PlanFixtures.draft();
                    for (int i = 0; i < count; i++) {
                        double[] o = points.get(i);
                        double x = Math.min(WIDTH - 1, Math.max(0, cx + o[0] * 60 - 30));
                        double y = Math.min(HEIGHT - 1, Math.max(1, cy + o[1] * 30 - 15));
                        Target t = PlanFixtures.target(i + 1, x, y, CAL);
                        plan = plan.withTarget(t);
                        if (o[2] < 0.6) {
                            plan = plan.withInjection(PlanFixtures.injection(t,
                                    PlanFixtures.path(Math.min(WIDTH - 1, x + o[2] * 200), 1, CAL)));
                        }
                    }
                    for (int z = 0; z < zones; z++) {
                        double zx = Math.min(WIDTH - 20, Math.max(20, cx + 40 * (z == 0 ? -1 : 1)));
                        double zy = Math.min(HEIGHT - 20, Math.max(20, cy + 25));
                        plan = plan.withZone(PlanFixtures.zone(z + 1, new EllipseShape(p(zx, zy), 15, 8, 0), 2, CAL));
                    }
                    return plan;
                });
    }

    /** Asserts that the scene's labels overlap no label, marker or guide and lie inside the image. */
    static void assertLaidOut(PlanScene scene) {
        List<PlanScene.Label> labels = scene.labels();
        List<Rectangle2D> markers = markerBounds(scene);
        for (int i = 0; i < labels.size(); i++) {
            PlanScene.Label a = labels.get(i);
            Rectangle2D box = box(a);
            assertThat(a.x()).as(a.text()).isGreaterThanOrEqualTo(0);
            assertThat(a.y()).as(a.text()).isGreaterThanOrEqualTo(0);
            assertThat(a.x() + a.width()).as(a.text()).isLessThanOrEqualTo(scene.width());
            assertThat(a.y() + a.height()).as(a.text()).isLessThanOrEqualTo(scene.height());
            for (int j = i + 1; j < labels.size(); j++) {
                assertThat(box.intersects(box(labels.get(j)))).as(a.text() + " and " + labels.get(j).text())
                        .isFalse();
            }
            for (Rectangle2D m : markers) {
                assertThat(box.intersects(m)).as(a.text() + " over the marker " + m).isFalse();
            }
        }
    }

    /** The bounds of every target ring, earlier site's ring, entry square and cross, and of the scale bar. */
    static List<Rectangle2D> markerBounds(PlanScene scene) {
        List<Rectangle2D> out = new ArrayList<>();
        for (PlanScene.Mark m : scene.marks()) {
            if (m instanceof PlanScene.Disc d) {
                out.add(new Rectangle2D.Double(d.centre().x() - d.radius(), d.centre().y() - d.radius(),
                        2 * d.radius(), 2 * d.radius()));
            } else if (m instanceof PlanScene.Ring r) {
                double outer = r.radius() + r.width() / 2;
                out.add(new Rectangle2D.Double(r.centre().x() - outer, r.centre().y() - outer, 2 * outer, 2 * outer));
            } else if (m instanceof PlanScene.Square s) {
                out.add(new Rectangle2D.Double(s.centre().x() - s.halfSide(), s.centre().y() - s.halfSide(),
                        2 * s.halfSide(), 2 * s.halfSide()));
            } else if (m instanceof PlanScene.Cross c) {
                out.add(new Rectangle2D.Double(c.centre().x() - c.halfSpan(), c.centre().y() - c.halfSpan(),
                        2 * c.halfSpan(), 2 * c.halfSpan()));
            }
        }
        if (scene.scaleBar() != null) {
            PlanScene.ScaleBar bar = scene.scaleBar();
            out.add(new Rectangle2D.Double(bar.start().x(), bar.start().y() - FrameGuides.BAR_THICKNESS,
                    bar.lengthPx(), FrameGuides.BAR_THICKNESS));
        }
        return out;
    }

    private static Rectangle2D box(PlanScene.Label l) {
        return new Rectangle2D.Double(l.x(), l.y(), l.width(), l.height());
    }

    private static boolean onEdge(PlanScene.Label l, double x, double y) {
        boolean inX = x >= l.x() - 1e-9 && x <= l.x() + l.width() + 1e-9;
        boolean inY = y >= l.y() - 1e-9 && y <= l.y() + l.height() + 1e-9;
        boolean onX = Math.abs(x - l.x()) < 1e-9 || Math.abs(x - l.x() - l.width()) < 1e-9;
        boolean onY = Math.abs(y - l.y()) < 1e-9 || Math.abs(y - l.y() - l.height()) < 1e-9;
        return inX && inY && (onX || onY);
    }

    private static BufferedImage paint(PlanScene scene) {
        BufferedImage image = new BufferedImage(WIDTH, HEIGHT, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = image.createGraphics();
        g.setColor(new java.awt.Color(90, 90, 90));
        g.fillRect(0, 0, WIDTH, HEIGHT);
        PlanPainter.paint(g, scene);
        g.dispose();
        return image;
    }

    private static long colours(BufferedImage image, PlanScene.Label l) {
        java.util.Set<Integer> seen = new java.util.HashSet<>();
        for (int y = (int) Math.ceil(l.y()); y < (int) (l.y() + l.height()); y++) {
            for (int x = (int) Math.ceil(l.x()); x < (int) (l.x() + l.width()); x++) {
                seen.add(image.getRGB(x, y));
            }
        }
        return seen.size();
    }
}
