/**
 * Exports of a session plan for use outside the workstation: the printable PDF session map and a PNG of each
 * annotated frame (and, wired by {@link org.injectionplanner.export.PlanExporter}, the other formats of
 * docs/exports.md). The annotated frames are found on disk by SOP Instance UID ({@link
 * org.injectionplanner.export.ExportImages}) and drawn by the plan scene. Uses every layer up to
 * {@code workspace}; AWT only to paint ({@code java.awt.image}, {@code java.awt.geom}) and for the sRGB
 * profile of a PDF/A output intent; never ImageJ.
 */
package org.injectionplanner.export;
