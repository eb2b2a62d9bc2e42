package org.injectionplanner.scene;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;

/**
 * How a plan is drawn: colours from the Okabe–Ito colour-blind-safe palette, and line widths, dashes and
 * symbols that keep the findings apart where colour is lost (a black-and-white print): a needle path with a
 * violation is drawn thick and solid and its target carries a cross, a path with a warning is dashed, a
 * clear path thin and solid, a path whose violations all have a written override dotted; a zone is filled with
 * a thick outline, its margin a thin line. A target with an overridden violation is a hollow neutral ring with
 * a tick, never in the violation's colour. Sizes in image pixels.
 *
 * <p>{@link #CURRENT} draws the plan being edited; {@link #MUTED} draws read-only plans beside it (an
 * earlier session), its colours faded towards grey so that they do not compete with the current plan's.
 *
 * @param target targets without findings (orange), and paths when findings are not known
 * @param zone a zone's outline (blue)
 * @param zoneFill a zone's translucent fill
 * @param margin a zone's safety-margin line and its label (sky blue)
 * @param selected the selected annotation (yellow)
 * @param violation targets and paths with a violation (vermillion)
 * @param warning targets and paths whose worst finding is a warning (reddish purple)
 * @param clear needle paths without findings (bluish green)
 * @param ink the ring of a target without a violation, the violation cross, and label backgrounds (black)
 * @param overridden targets and paths whose violations all have a written override (light grey)
 * @param guide the depth ruler, scale bar, side markers and frame strip (white)
 */
public record PlanStyle(Color target, Color zone, Color zoneFill, Color margin, Color selected, Color violation,
        Color warning, Color clear, Color ink, Color overridden, Color guide) {

    /** The plan being edited. */
    public static final PlanStyle CURRENT = new PlanStyle(new Color(230, 159, 0), new Color(0, 114, 178),
            new Color(0, 114, 178, 60), new Color(86, 180, 233), new Color(240, 228, 66), new Color(213, 94, 0),
            new Color(204, 121, 167), new Color(0, 158, 115), Color.BLACK, new Color(200, 200, 200), Color.WHITE);

    /** Read-only plans drawn beside the current one: {@link #CURRENT} faded towards grey. */
    public static final PlanStyle MUTED = CURRENT.faded(0.6);

    /** Radius of a target's dot, of its ring's outer edge, and of the ring when selected or violated. */
    public static final double TARGET_RADIUS = 6;
    public static final double RING_RADIUS = 8;
    public static final double WIDE_RING_RADIUS = 9.5;
    /** Half the side of the square at a path's skin entry. */
    public static final double ENTRY_HALF_SIDE = 4;
    /** Half the span of the cross on a target with a violation, and its line width. */
    public static final double CROSS_HALF_SPAN = 4;
    public static final double CROSS_WIDTH = 2;
    /** Line widths: a zone's outline (plain and selected), its margin, a path (plain and with a violation). */
    public static final double ZONE_WIDTH = 2;
    public static final double SELECTED_ZONE_WIDTH = 3;
    public static final double MARGIN_WIDTH = 1;
    public static final double PATH_WIDTH = 2.5;
    public static final double VIOLATION_PATH_WIDTH = 3.5;
    /** The line width of an earlier session's site shown on a current image (a hollow ring). */
    public static final double PRIOR_WIDTH = 2;

    /** The tick on a target whose violations are overridden: its line width. */
    public static final double TICK_WIDTH = 2;
    /** A leader line from a moved label to its marker: its width. */
    public static final double LEADER_WIDTH = 1;

    /** A line's pattern. */
    public enum Dash { SOLID, DASHED, DOTTED }

    /**
     * What a target or path is drawn for: no finding, a warning at worst, violations that all have a written
     * override ({@code SafetyReport.overrideOf}), or an open violation.
     */
    public enum State { CLEAR, WARNING, OVERRIDDEN, VIOLATION }

    /** This style with every colour mixed with mid grey, {@code amount} (0 to 1) of grey; alpha kept. */
    public PlanStyle faded(double amount) {
        return new PlanStyle(fade(target, amount), fade(zone, amount), fade(zoneFill, amount), fade(margin, amount),
                fade(selected, amount), fade(violation, amount), fade(warning, amount), fade(clear, amount), ink,
                fade(overridden, amount), guide);
    }

    private static Color fade(Color c, double amount) {
        return new Color(mix(c.getRed(), amount), mix(c.getGreen(), amount), mix(c.getBlue(), amount), c.getAlpha());
    }

    private static int mix(int channel, double amount) {
        return (int) Math.round(channel * (1 - amount) + 128 * amount);
    }

    /** The labels' font on an image {@code imageWidth} pixels wide: bold sans serif, at least 12 px. */
    public Font labelFont(int imageWidth) {
        return new Font(Font.SANS_SERIF, Font.BOLD, Math.max(12, imageWidth / 55));
    }

    /** A target's or path's colour in {@code state}, {@code plain} without findings. */
    public Color forState(State state, Color plain) {
        return switch (state) {
            case CLEAR -> plain;
            case WARNING -> warning;
            case OVERRIDDEN -> overridden;
            case VIOLATION -> violation;
        };
    }

    /** The line of a needle path in {@code state}. */
    public static Dash pathDash(State state) {
        return state == State.WARNING ? Dash.DASHED : state == State.OVERRIDDEN ? Dash.DOTTED : Dash.SOLID;
    }

    /** The width of a needle path in {@code state}. */
    public static double pathWidth(State state) {
        return state == State.VIOLATION ? VIOLATION_PATH_WIDTH : PATH_WIDTH;
    }

    /**
     * The stroke of a line {@code width} pixels wide: dashes three widths long, two widths apart; dots one
     * width long, one and a half apart.
     */
    public static BasicStroke stroke(double width, Dash dash) {
        float w = (float) width;
        return switch (dash) {
            case SOLID -> new BasicStroke(w);
            case DASHED -> new BasicStroke(w, BasicStroke.CAP_BUTT, BasicStroke.JOIN_MITER, 10f,
                    new float[] {3 * w, 2 * w}, 0f);
            case DOTTED -> new BasicStroke(w, BasicStroke.CAP_BUTT, BasicStroke.JOIN_MITER, 10f,
                    new float[] {w, 1.5f * w}, 0f);
        };
    }
}
