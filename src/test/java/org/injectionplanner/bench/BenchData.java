package org.injectionplanner.bench;

/** The frame size every benchmark uses: 640 × 480, a common ultrasound scan-converted size. */
final class BenchData {

    /** Height in pixels. */
    static final int ROWS = 480;
    /** Width in pixels. */
    static final int COLUMNS = 640;
    /** Pixels per frame. */
    static final int PIXELS = ROWS * COLUMNS;

    private BenchData() {
    }
}
