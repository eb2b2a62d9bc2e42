/**
 * Exports of a session plan for use outside the workstation (docs/exports.md): the printable PDF session map,
 * a PNG of each annotated frame, the CSV injection table, the plan JSON export with its JSON Schema, and
 * (in {@code export.dicom}) the DICOM SR and Encapsulated PDF, each also de-identified; one
 * {@link org.injectionplanner.export.PlanExporter} writes them all. The annotated frames are found on disk by
 * SOP Instance UID ({@link org.injectionplanner.export.ExportImages}) and drawn by the plan scene. Uses every
 * layer up to {@code workspace}; AWT only to paint ({@code java.awt.image}, {@code java.awt.geom}) and for
 * the sRGB profile of a PDF/A output intent; never ImageJ.
 */
package org.injectionplanner.export;
