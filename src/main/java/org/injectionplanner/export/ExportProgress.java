package org.injectionplanner.export;

/**
 * Where an export reports its progress and learns that it is to stop (ImageJ's progress bar and Esc; the
 * command line passes {@link #NONE}). An export counts as items each frame it draws, each file it makes in
 * memory and each file it writes to its temporary file; after each item it calls {@link #advanced} and then
 * asks {@link #cancelled}. Both are called on the exporting thread.
 */
public interface ExportProgress {

    /** Reports nothing and never cancels. */
    ExportProgress NONE = new ExportProgress() {
        @Override
        public void advanced(int done, int total, String item) {
            // nobody watches
        }

        @Override
        public boolean cancelled() {
            return false;
        }
    };

    /**
     * {@code done} of {@code total} items are finished, the last one described by {@code item} (e.g.
     * "drew frame 3 of 40", "wrote session-map.pdf"). {@code total} stays the same throughout one export.
     */
    void advanced(int done, int total, String item);

    /**
     * Whether the export is to stop: it then stops before its next item, removes its temporary files and
     * throws {@link ExportCancelledException}; no file of it is left in place.
     */
    boolean cancelled();
}
