package org.injectionplanner.scene;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;
import org.injectionplanner.geometry.PixelBounds;
import org.injectionplanner.geometry.PixelPoint;
import org.injectionplanner.plan.AnnotationNames;
import org.injectionplanner.plan.Decimals;
import org.injectionplanner.plan.ImageRef;
import org.injectionplanner.plan.MeasuredCalibration;
import org.injectionplanner.plan.NeedlePath;
import org.injectionplanner.plan.SessionPlan;
import org.injectionplanner.plan.Target;
import org.injectionplanner.sessionmap.SessionMap;

/**
 * The compact readout drawn next to the mouse while a needle path or a target is dragged: the path's length
 * and angle to the transducer face, the tip's depth and the clearance from the nearest zone, or "not calibrated".
 * The numbers are those of the plan as it would be on release: {@link NeedlePath#measure} and
 * {@link SessionMap#nearestZone}, rounded as the session map rounds them (lengths and depths up, clearances down).
 *
 * @param lines the readout's lines, top first
 */
public record DragReadout(List<String> lines) {

    /** What an uncalibrated readout says instead of its mm values. */
    public static final String NOT_CALIBRATED = "not calibrated";

    public DragReadout {
        lines = List.copyOf(lines);
    }

    /**
     * The readout of target {@code targetId} of {@code plan} (the plan as the drag would leave it): its path, if it
     * has one, its depth and its nearest zone.
     *
     * @throws IllegalArgumentException if the plan has no such target
     */
    public static DragReadout ofTarget(SessionPlan plan, UUID targetId) {
        Target t = plan.target(targetId)
                .orElseThrow(() -> new IllegalArgumentException("the plan has no target " + targetId));
        String name = AnnotationNames.of(t);
        String head = t.label().isBlank() || t.label().equals(name) ? name : name + " " + t.label();
        NeedlePath path = plan.injectionAt(targetId).map(i -> i.path()).orElse(null);
        return of(head, plan, t.image(), path, t.point(), t.calibration());
    }

    /**
     * The readout of a needle path dragged from {@code path}'s entry to a point {@code tip} that is not a target,
     * on frame {@code image} of the plan, {@code tipCalibration} measured at the tip.
     */
    public static DragReadout ofLine(SessionPlan plan, ImageRef image, NeedlePath path, PixelPoint tip,
            MeasuredCalibration tipCalibration) {
        return of("release on a target", plan, image, path, tip, tipCalibration);
    }

    private static DragReadout of(String head, SessionPlan plan, ImageRef image, NeedlePath path, PixelPoint tip,
            MeasuredCalibration tipCalibration) {
        List<String> lines = new ArrayList<>();
        lines.add(head);
        if (!tipCalibration.isCalibrated()) {
            lines.add(NOT_CALIBRATED);
            return new DragReadout(lines);
        }
        Optional<NeedlePath.Measurement> m = path == null ? Optional.empty() : path.measure(tip, tipCalibration);
        if (path != null) {
            lines.add(m.map(v -> String.format(Locale.ROOT, "path %s mm, %.0f°", Decimals.ceilTenth(v.lengthMm()),
                    v.angleDeg())).orElse("path " + NOT_CALIBRATED));
            m.filter(v -> v.offImageMm() > 0).ifPresent(v -> lines.add(Decimals.ceilTenth(v.offImageMm())
                    + " mm outside the image"));
        }
        Double depth = tipCalibration.depthMm(tip);
        lines.add(depth == null ? "depth unknown (no skin line)" : Decimals.ceilTenth(depth) + " mm deep");
        lines.add(SessionMap.nearestZone(plan, image, tip, tipCalibration, m.isPresent() ? path : null)
                .map(z -> Decimals.floorTenth(z.mm()) + " mm from " + AnnotationNames.of(z.zone())
                        + (z.zone().name().isBlank() ? "" : " " + z.zone().name()))
                .orElse("no zone on this frame"));
        return new DragReadout(lines);
    }

    /** The lines joined by newlines. */
    public String text() {
        return String.join("\n", lines);
    }

    /**
     * Where a box of {@code w} × {@code h} showing the readout goes: {@code gap} below and right of the cursor, on
     * the cursor's other side where it would cross the visible area's right or bottom edge, and always inside
     * the visible area (at its top or left edge if larger than it). All in one coordinate system (e.g. image
     * pixels, x right, y down).
     *
     * @return the box's bounds
     */
    public static PixelBounds place(PixelPoint cursor, double w, double h, double gap, PixelBounds visible) {
        double x = cursor.x() + gap;
        if (x + w > visible.maxX()) {
            x = cursor.x() - gap - w;
        }
        double y = cursor.y() + gap;
        if (y + h > visible.maxY()) {
            y = cursor.y() - gap - h;
        }
        x = Math.max(visible.minX(), Math.min(x, visible.maxX() - w));
        y = Math.max(visible.minY(), Math.min(y, visible.maxY() - h));
        return new PixelBounds(x, y, x + w, y + h);
    }
}
