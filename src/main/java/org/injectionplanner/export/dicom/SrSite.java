package org.injectionplanner.export.dicom;

import org.injectionplanner.geometry.PixelPoint;

/**
 * A site as read back from a plan SR's measurement group. Positions in image pixels (origin at the
 * top-left corner of the top-left pixel, x right, y down), as single-precision floats (SCOORD's FL).
 *
 * @param trackingUid the Tracking Unique Identifier: the target's UUID as {@code 2.25.<decimal>}
 * @param trackingIdentifier the Tracking Identifier, e.g. "T3 L iliolumbar"
 * @param findingSite the Finding Site code
 * @param laterality the laterality code
 * @param level the spinal level code (topographical modifier), or null
 * @param structure the private catalogue-structure code, or null
 * @param sopInstanceUid the image the target is on
 * @param frame its frame, 1-based (1 for a single-frame image)
 * @param target the target point
 * @param entry the needle path's entry point, or null without a path
 * @param depthMm depth, mm, or null when not given
 * @param pathLengthMm path length, mm, or null
 * @param angleDeg path angle, degrees, or null
 * @param minClearanceMm minimum clearance to the zones, mm, or null
 * @param volumeMl planned volume, mL, or null without an injection
 * @param comment the comment on what is not given, or null
 */
public record SrSite(String trackingUid, String trackingIdentifier, Code findingSite, Code laterality, Code level,
        Code structure, String sopInstanceUid, int frame, PixelPoint target, PixelPoint entry, Double depthMm,
        Double pathLengthMm, Double angleDeg, Double minClearanceMm, Double volumeMl, String comment) {
}
