package org.injectionplanner.scene;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.geom.Ellipse2D;
import java.awt.geom.Line2D;
import java.awt.geom.Path2D;
import java.awt.geom.Rectangle2D;
import java.util.List;
import org.injectionplanner.geometry.PixelPoint;

/**
 * Paints a {@link PlanScene} with Java2D: on an image of the frame (a PNG or PDF export), or on anything
 * whose user space is the image's pixel coordinates (scale the graphics to magnify). Leaves the graphics'
 * stroke, colour, font and hints as it found them.
 */
public final class PlanPainter {

    /** Paints the scene's guides (depth ruler, scale bar, side markers, frame strip), then its marks, in order. */
    public static void paint(Graphics2D g, PlanScene scene) {
        Graphics2D g2 = (Graphics2D) g.create();
        try {
            g2.setRenderingHint(RenderingHints.KEY_STROKE_CONTROL, RenderingHints.VALUE_STROKE_PURE);
            g2.setFont(scene.font());
            for (PlanScene.Mark mark : scene.guides()) {
                paint(g2, mark);
            }
            for (PlanScene.Mark mark : scene.marks()) {
                paint(g2, mark);
            }
        } finally {
            g2.dispose();
        }
    }

    private static void paint(Graphics2D g, PlanScene.Mark mark) {
        antialias(g, !(mark instanceof PlanScene.Outline o) || o.antialiased());
        if (mark instanceof PlanScene.Disc d) {
            g.setColor(d.fill());
            g.fill(new Ellipse2D.Double(d.centre().x() - d.radius(), d.centre().y() - d.radius(), 2 * d.radius(),
                    2 * d.radius()));
        } else if (mark instanceof PlanScene.Ring r) {
            g.setColor(r.colour());
            g.setStroke(PlanStyle.stroke(r.width(), PlanStyle.Dash.SOLID));
            g.draw(new Ellipse2D.Double(r.centre().x() - r.radius(), r.centre().y() - r.radius(), 2 * r.radius(),
                    2 * r.radius()));
        } else if (mark instanceof PlanScene.Square s) {
            g.setColor(s.fill());
            g.fill(new Rectangle2D.Double(s.centre().x() - s.halfSide(), s.centre().y() - s.halfSide(),
                    2 * s.halfSide(), 2 * s.halfSide()));
        } else if (mark instanceof PlanScene.Cross c) {
            g.setColor(c.colour());
            g.setStroke(new BasicStroke((float) c.width(), BasicStroke.CAP_ROUND, BasicStroke.JOIN_ROUND));
            double x = c.centre().x();
            double y = c.centre().y();
            double h = c.halfSpan();
            g.draw(new Line2D.Double(x - h, y - h, x + h, y + h));
            g.draw(new Line2D.Double(x - h, y + h, x + h, y - h));
        } else if (mark instanceof PlanScene.Line l) {
            g.setColor(l.colour());
            g.setStroke(PlanStyle.stroke(l.width(), l.dash()));
            g.draw(new Line2D.Double(l.from().x(), l.from().y(), l.to().x(), l.to().y()));
        } else if (mark instanceof PlanScene.Outline o) {
            Path2D polygon = polygon(o.vertices());
            if (o.fill() != null) {
                g.setColor(o.fill());
                g.fill(polygon);
            }
            if (o.stroke() != null) {
                g.setColor(o.stroke());
                g.setStroke(PlanStyle.stroke(o.width(), PlanStyle.Dash.SOLID));
                g.draw(polygon);
            }
        } else if (mark instanceof PlanScene.Label t) {
            paintLabel(g, t.x(), t.y(), t.width(), t.height(), t.text(), t.colour(), t.background(), t.antialiased());
        }
    }

    /** A label's box, then its text one pixel in from the box's top-left corner. */
    private static void paintLabel(Graphics2D g, double x, double y, double width, double height, String text,
            Color colour, Color background, boolean antialiased) {
        antialias(g, false);
        g.setColor(background);
        g.fill(new Rectangle2D.Double(x, y, width, height));
        g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, antialiased
                ? RenderingHints.VALUE_TEXT_ANTIALIAS_ON : RenderingHints.VALUE_TEXT_ANTIALIAS_OFF);
        g.setColor(colour);
        g.drawString(text, (float) (x + 1), (float) (y + 1 + g.getFontMetrics().getAscent()));
    }

    private static void antialias(Graphics2D g, boolean on) {
        g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, on ? RenderingHints.VALUE_ANTIALIAS_ON
                : RenderingHints.VALUE_ANTIALIAS_OFF);
    }

    private static Path2D polygon(List<PixelPoint> vertices) {
        Path2D.Double p = new Path2D.Double();
        for (int i = 0; i < vertices.size(); i++) {
            PixelPoint v = vertices.get(i);
            if (i == 0) {
                p.moveTo(v.x(), v.y());
            } else {
                p.lineTo(v.x(), v.y());
            }
        }
        p.closePath();
        return p;
    }
}
