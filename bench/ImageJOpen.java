import ij.IJ;
import ij.ImagePlus;

/**
 * Times ImageJ's own DICOM opener (what File > Open runs: ij.io.Opener, then ij.plugin.DICOM) on one
 * file, several runs in this JVM. Kept outside the project's packages (only the imagej package may
 * import ij.*); bench/run.sh compiles it against ImageJ's jar alone.
 *
 * <p>Usage: {@code ImageJOpen PATH RUNS}. Prints {@code RUN imagej INDEX MS} per run and, after the
 * last, {@code HEAP MB}: the heap in use after a full GC while the last stack is still open.
 */
public final class ImageJOpen {

    private ImageJOpen() {
    }

    /** Entry point. */
    public static void main(String[] args) {
        String path = args[0];
        int runs = Integer.parseInt(args[1]);
        long checksum = 0;
        for (int i = 0; i < runs; i++) {
            long start = System.nanoTime();
            ImagePlus imp = IJ.openImage(path);
            long elapsed = System.nanoTime() - start;
            if (imp == null) {
                System.err.println("ImageJ could not open " + path);
                System.exit(1);
            }
            System.out.printf("RUN imagej %d %.3f%n", i, elapsed / 1e6);
            if (i == runs - 1) {
                Runtime rt = Runtime.getRuntime();
                for (int g = 0; g < 3; g++) {
                    System.gc();
                }
                System.out.printf("HEAP %.1f%n", (rt.totalMemory() - rt.freeMemory()) / 1048576.0);
                System.out.printf("STACK %dx%dx%d bitDepth=%d%n", imp.getWidth(), imp.getHeight(),
                        imp.getStackSize(), imp.getBitDepth());
            }
            checksum += imp.getStack().getProcessor(imp.getStackSize()).getPixel(10, 10);
            imp.close();
        }
        System.out.println("CHECK " + (checksum & 1));
    }
}
