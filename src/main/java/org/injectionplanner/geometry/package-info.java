/**
 * Calibrated 2-D geometry of plan annotations: pixel points, polygon and ellipse zones, segments, the
 * pixel↔mm map of an ultrasound region, distances and clearances in mm, margin outlines (JTS for shapes,
 * JOML for the ellipse's affine maps). Pixel coordinates follow docs/design.md §3: origin at the
 * top-left corner of the top-left pixel, x right, y down; a measurement outside one region is
 * uncalibrated, never guessed.
 *
 * <p>May use {@code dicom} (for {@link org.injectionplanner.dicom.UltrasoundCalibration}) and nothing else
 * of the project (docs/design.md §2).
 */
package org.injectionplanner.geometry;
