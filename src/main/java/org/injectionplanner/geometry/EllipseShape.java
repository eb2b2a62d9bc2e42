package org.injectionplanner.geometry;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.joml.Matrix2d;
import org.joml.Matrix3x2d;
import org.joml.Vector2d;

/**
 * An ellipse in image pixel coordinates (origin at the top-left corner of the top-left pixel, x right,
 * y down). Its own x axis (half-length radiusX) is rotated from the image's +x axis by angleDeg
 * <em>counter-clockwise as seen on screen</em>, as ImageJ reports ellipse angles: at 90° the radiusX
 * axis points up the screen (towards −y). In pixel coordinates the radiusX axis is the direction
 * (cos a, −sin a) and the radiusY axis (sin a, cos a).
 *
 * @param centre the centre, in pixels
 * @param radiusX half-length of the ellipse's own x axis, in pixels; positive and finite
 * @param radiusY half-length of the ellipse's own y axis, in pixels; positive and finite
 * @param angleDeg rotation of the ellipse's x axis from the image's +x axis, degrees counter-clockwise
 *        as seen on screen; finite
 */
public record EllipseShape(PixelPoint centre, double radiusX, double radiusY, double angleDeg)
        implements ZoneShape {

    /** Greatest distance, in pixels, between {@link #outline()} and the true ellipse. */
    static final double OUTLINE_TOLERANCE_PX = 0.01;
    private static final int MIN_VERTICES = 16;
    private static final int MAX_VERTICES = 1 << 16;

    /**
     * @throws NullPointerException if the centre is null
     * @throws IllegalArgumentException if a radius is not positive and finite, or the angle is not finite
     */
    public EllipseShape {
        Objects.requireNonNull(centre, "centre");
        if (!(radiusX > 0) || !(radiusY > 0) || !Double.isFinite(radiusX) || !Double.isFinite(radiusY)) {
            throw new IllegalArgumentException("ellipse radii must be positive finite numbers of pixels, got "
                    + radiusX + " × " + radiusY);
        }
        if (!Double.isFinite(angleDeg)) {
            throw new IllegalArgumentException("ellipse angle must be a finite number of degrees, got " + angleDeg);
        }
    }

    /**
     * The ellipse around this centre with these radii in pixels along its own axes, its x axis rotated
     * angleDeg counter-clockwise as seen on screen.
     *
     * @throws NullPointerException if the centre is null
     * @throws IllegalArgumentException if a radius is not positive and finite, or the angle is not finite
     */
    public static EllipseShape of(PixelPoint centre, double radiusX, double radiusY, double angleDeg) {
        return new EllipseShape(centre, radiusX, radiusY, angleDeg);
    }

    /** The exact bounding box of the rotated ellipse, in pixels. */
    @Override
    public PixelBounds bounds() {
        double t = Math.toRadians(angleDeg);
        double cos = Math.cos(t);
        double sin = Math.sin(t);
        double halfWidth = Math.hypot(radiusX * cos, radiusY * sin);
        double halfHeight = Math.hypot(radiusX * sin, radiusY * cos);
        return new PixelBounds(centre.x() - halfWidth, centre.y() - halfHeight, centre.x() + halfWidth,
                centre.y() + halfHeight);
    }

    /** True if the point, in pixels, lies inside the ellipse or on its boundary. */
    @Override
    public boolean contains(PixelPoint p) {
        return toUnitCircle(p).lengthSquared() <= 1;
    }

    /**
     * A polygon inscribed in the ellipse, in pixels: its vertices lie on the ellipse (the first at the
     * end of the radiusX axis, the next towards the end of the radiusY axis), and no point of its edges is
     * more than 0.01 px from the ellipse (for radii up to 8 × 10⁶ px). A radius of 2000 px takes about
     * 1000 vertices.
     */
    @Override
    public List<PixelPoint> outline() {
        return points(vertexCount(OUTLINE_TOLERANCE_PX, 1));
    }

    /**
     * A polygon inscribed in the ellipse whose edges, in mm at this scale, stay within toleranceMm of
     * the ellipse (at 0.001 mm for radii up to 870 m; the vertex count is capped). Its vertices include
     * every vertex of {@link #outline()}.
     */
    List<PixelPoint> pointsWithin(double toleranceMm, MmScale scale) {
        int outlineCount = vertexCount(OUTLINE_TOLERANCE_PX, 1);
        int needed = vertexCount(toleranceMm, scale.maxMmPerPixel());
        return points(outlineCount * ((needed + outlineCount - 1) / outlineCount));
    }

    /**
     * The outline, in pixels, of all points within marginMm of the ellipse at this scale: the ellipse's
     * offset curve, which is convex and so a single ring. In mm the ellipse is an ellipse again (the unit
     * circle mapped by toMm); its point with outward normal n is centre + toMm·w with w = toMmᵀn / |toMmᵀn|,
     * and the offset curve's point is that plus marginMm·n. Every vertex is marginMm from the ellipse.
     * The normal directions are spaced so that chords stay within toleranceMm of the curve: a chord over
     * a turn Δ of the normal deviates by at most ρ (1 − cos Δ), where ρ = σmax² / σmin + marginMm bounds
     * the offset curve's radius of curvature (σ: the mm ellipse's semi-axes).
     */
    List<PixelPoint> marginOutline(double marginMm, MmScale scale, double toleranceMm) {
        Matrix3x2d toPixels = unitCircleToPixels();
        double sx = scale.mmPerPixelX();
        double sy = scale.mmPerPixelY();
        Matrix2d toMm = new Matrix2d(toPixels.m00 * sx, toPixels.m01 * sy, toPixels.m10 * sx, toPixels.m11 * sy);
        double sumOfSquares = toMm.m00 * toMm.m00 + toMm.m01 * toMm.m01 + toMm.m10 * toMm.m10
                + toMm.m11 * toMm.m11;
        double det = Math.abs(toMm.determinant());
        double sigmaMax = Math.sqrt((sumOfSquares
                + Math.sqrt(Math.max(0, sumOfSquares * sumOfSquares - 4 * det * det))) / 2);
        double sigmaMin = det / sigmaMax;
        double maxRadiusOfCurvature = sigmaMax * sigmaMax / sigmaMin + marginMm;
        double step = Math.acos(1 - Math.min(1, toleranceMm / maxRadiusOfCurvature));
        int n = (int) Math.max(MIN_VERTICES, Math.min(MAX_VERTICES, Math.ceil(2 * Math.PI / step)));
        List<PixelPoint> points = new ArrayList<>(n);
        Vector2d w = new Vector2d();
        for (int i = 0; i < n; i++) {
            double phi = 2 * Math.PI * i / n;
            double nx = Math.cos(phi);
            double ny = Math.sin(phi);
            toMm.transform(toMm.transformTranspose(nx, ny, w).normalize());
            points.add(new PixelPoint(centre.x() + (w.x + marginMm * nx) / sx,
                    centre.y() + (w.y + marginMm * ny) / sy));
        }
        return List.copyOf(points);
    }

    /**
     * True if the segment touches, crosses or lies inside the ellipse. An end the ellipse
     * {@link #contains} counts as is: the nearest point a + t (b - a) at t = 1 can round to just outside
     * an end b on the boundary.
     */
    boolean intersects(Segment seg) {
        Vector2d a = toUnitCircle(seg.from());
        Vector2d b = toUnitCircle(seg.to());
        if (a.lengthSquared() <= 1 || b.lengthSquared() <= 1) {
            return true;
        }
        Vector2d ab = new Vector2d(b).sub(a);
        double lengthSquared = ab.lengthSquared();
        double t = lengthSquared == 0 ? 0 : Math.max(0, Math.min(1, -a.dot(ab) / lengthSquared));
        return ab.mul(t).add(a).lengthSquared() <= 1;
    }

    /**
     * The number of vertices (a multiple of 4, so the axis ends are vertices) for which chords of the
     * ellipse, in a space where one pixel spans at most unitsPerPixel units, deviate from it by at most
     * tolerance units. Linear interpolation of a curve with parameter step h deviates by at most
     * h² / 8 × max |curve''|, and |curve''| ≤ max radius × unitsPerPixel.
     */
    private int vertexCount(double tolerance, double unitsPerPixel) {
        double step = Math.sqrt(8 * tolerance / (Math.max(radiusX, radiusY) * unitsPerPixel));
        double count = Math.ceil(2 * Math.PI / step);
        int n = (int) Math.max(MIN_VERTICES, Math.min(MAX_VERTICES, count));
        return (n + 3) / 4 * 4;
    }

    /**
     * n points on the ellipse at parameters 2π i / n. The parameter is computed as 2π × (i / n), so that
     * k·n points repeat exactly the n points at every k-th position.
     */
    private List<PixelPoint> points(int n) {
        Matrix3x2d toPixels = unitCircleToPixels();
        List<PixelPoint> points = new ArrayList<>(n);
        Vector2d v = new Vector2d();
        for (int i = 0; i < n; i++) {
            double t = 2 * Math.PI * ((double) i / n);
            toPixels.transformPosition(Math.cos(t), Math.sin(t), v);
            points.add(new PixelPoint(v.x, v.y));
        }
        return List.copyOf(points);
    }

    private Vector2d toUnitCircle(PixelPoint p) {
        return unitCircleToPixels().invert().transformPosition(p.x(), p.y(), new Vector2d());
    }

    /**
     * The affine map from the unit circle to this ellipse in pixels: scale by the radii, rotate, move to
     * the centre. JOML's rotation turns +x towards +y, which in y-down pixels is clockwise on screen,
     * hence the negated angle.
     */
    private Matrix3x2d unitCircleToPixels() {
        return new Matrix3x2d().translation(centre.x(), centre.y()).rotate(-Math.toRadians(angleDeg))
                .scale(radiusX, radiusY);
    }
}
