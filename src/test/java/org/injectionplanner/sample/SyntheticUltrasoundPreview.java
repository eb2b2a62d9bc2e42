package org.injectionplanner.sample;

import java.awt.image.BufferedImage;
import java.io.File;
import java.io.IOException;
import javax.imageio.ImageIO;

/**
 * Writes PNG previews of synthetic frames for looking at them:
 * {@code java -cp target/classes:target/test-classes org.injectionplanner.sample.SyntheticUltrasoundPreview
 * [folder]} writes synth-*.png to the folder (default /tmp) and prints the render time per frame.
 */
public final class SyntheticUltrasoundPreview {

    private SyntheticUltrasoundPreview() {
    }

    /** Entry point; the optional argument is the output folder. */
    public static void main(String[] args) throws IOException {
        File folder = new File(args.length > 0 ? args[0] : "/tmp");
        write(folder, "synth-transverse-s1-f0", SyntheticUltrasound.View.TRANSVERSE_L4_L5, 1, 0);
        write(folder, "synth-transverse-s2-f0", SyntheticUltrasound.View.TRANSVERSE_L4_L5, 2, 0);
        write(folder, "synth-transverse-s1-f29", SyntheticUltrasound.View.TRANSVERSE_L4_L5, 1, 29);
        write(folder, "synth-si-s1-f0", SyntheticUltrasound.View.LONGITUDINAL_POSTERIOR_SACROILIAC, 1, 0);
        write(folder, "synth-si-s2-f0", SyntheticUltrasound.View.LONGITUDINAL_POSTERIOR_SACROILIAC, 2, 0);
        int frames = 70;
        long start = System.nanoTime();
        for (int f = 0; f < frames; f++) {
            SyntheticUltrasound.render(SyntheticUltrasound.View.values()[f % 2], 1 + f % 2, f, 42);
        }
        double msPerFrame = (System.nanoTime() - start) / 1e6 / frames;
        System.out.printf("%.1f ms per frame (%d frames after 5 warm-up frames)%n", msPerFrame, frames);
    }

    private static void write(File folder, String name, SyntheticUltrasound.View view, int session, int frame)
            throws IOException {
        SyntheticUltrasound.Layout layout = SyntheticUltrasound.layout();
        byte[] pixels = SyntheticUltrasound.render(view, session, frame, 42);
        BufferedImage image = new BufferedImage(layout.width(), layout.height(), BufferedImage.TYPE_BYTE_GRAY);
        image.getRaster().setDataElements(0, 0, layout.width(), layout.height(), pixels);
        ImageIO.write(image, "png", new File(folder, name + ".png"));
    }
}
