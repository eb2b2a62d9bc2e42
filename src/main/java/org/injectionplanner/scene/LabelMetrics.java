package org.injectionplanner.scene;

import java.awt.Font;
import java.awt.FontMetrics;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;

/** Measures labels in a scene's font as ImageJ's text ROI does; {@link #close} when done. */
final class LabelMetrics implements AutoCloseable {

    private final Font font;
    private final Graphics2D metrics;

    LabelMetrics(Font font) {
        this.font = font;
        this.metrics = new BufferedImage(1, 1, BufferedImage.TYPE_INT_RGB).createGraphics();
    }

    Font font() {
        return font;
    }

    /** As ImageJ's TextRoi measures a line: its advance in the font, at least 10, plus 2. */
    double width(String text, boolean antialiased) {
        FontMetrics fm = fontMetrics(antialiased);
        return Math.max(10, fm.getStringBounds(text, metrics).getWidth()) + 2;
    }

    /** A line's height: the font's line height plus 2. */
    double height(boolean antialiased) {
        return fontMetrics(antialiased).getHeight() + 2;
    }

    private FontMetrics fontMetrics(boolean antialiased) {
        metrics.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, antialiased
                ? RenderingHints.VALUE_TEXT_ANTIALIAS_ON : RenderingHints.VALUE_TEXT_ANTIALIAS_OFF);
        metrics.setFont(font);
        return metrics.getFontMetrics(font);
    }

    @Override
    public void close() {
        metrics.dispose();
    }
}
