package org.injectionplanner.export.dicom;

/**
 * A DICOM export or read-back could not be done: a source image missing or unreadable, or an SR that is
 * not one this plugin can read. The message names the SOP instance, file or content item concerned.
 */
public final class DicomExportException extends Exception {

    private static final long serialVersionUID = 1L;

    /** An error with its message. */
    public DicomExportException(String message) {
        super(message);
    }

    /** An error with its message and cause. */
    public DicomExportException(String message, Throwable cause) {
        super(message, cause);
    }
}
