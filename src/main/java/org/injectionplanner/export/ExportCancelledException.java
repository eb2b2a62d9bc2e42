package org.injectionplanner.export;

/** An export stopped because its {@link ExportProgress} asked it to; nothing of it was left on disk. */
public final class ExportCancelledException extends ExportException {

    private static final long serialVersionUID = 1L;

    /** @param done how many of the export's items were finished when it stopped */
    ExportCancelledException(int done, int total) {
        super("export cancelled after " + done + " of " + total + " steps; no file was written");
    }
}
