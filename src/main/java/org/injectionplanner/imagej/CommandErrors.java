package org.injectionplanner.imagej;

import ij.IJ;

/**
 * How a command reports an error it cannot go on from. In ImageJ's window: {@code IJ.error}, a dialog
 * that also aborts a running macro. In a batch run ({@code ImageJ -batch}, where there is no ImageJ window
 * and nobody could close a dialog): the message on the output, then the process ends with status 1, so a
 * script sees that the macro failed and why.
 */
final class CommandErrors {

    /** The exit status of a batch run that a command's error ended. */
    static final int BATCH_FAILURE = 1;

    private CommandErrors() {
    }

    /** Reports {@code message} (one or a few sentences a physician can act on) and aborts a running macro. */
    static void show(String message) {
        if (inBatchRun()) {
            // IJ.log writes to standard output when there is no ImageJ window
            IJ.log(OpenUltrasoundStudyCommand.TITLE + ": error: " + message);
            System.exit(BATCH_FAILURE);
        }
        IJ.error(OpenUltrasoundStudyCommand.TITLE, message);
    }

    /** True in a macro run without ImageJ's window ({@code -batch}): a dialog there would wait forever. */
    static boolean inBatchRun() {
        return IJ.getInstance() == null && IJ.isMacro();
    }
}
