package org.injectionplanner.scene;

/**
 * How much a plan's labels say: {@link #NUMBER} only the session position and target or zone number ("#1 T3",
 * "Z1"), for crowded frames; {@link #NAME} adds the target's label and the zone's name; {@link #FULL} adds the
 * target's structure name (where its label does not hold it), depth and worst finding, the zone's margin, and
 * the needle path's length and angle: "#1 T3 L iliolumbar · Iliolumbar ligament · 13.2 mm deep".
 */
public enum LabelDetail {
    NUMBER, NAME, FULL
}
