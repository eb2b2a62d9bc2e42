package org.injectionplanner.export.dicom;

import java.util.List;
import org.injectionplanner.geometry.PixelPoint;

/**
 * An avoidance zone as read back from a plan SR's measurement group.
 *
 * @param trackingUid the Tracking Unique Identifier: the zone's UUID as {@code 2.25.<decimal>}
 * @param trackingIdentifier the Tracking Identifier, e.g. "Z1 nerve medial branch"
 * @param kind what the zone protects (the Finding Site code)
 * @param sopInstanceUid the image it is on
 * @param frame its frame, 1-based
 * @param outline the closed outline in image pixels, first point repeated last (ellipses as polygons)
 * @param marginMm the safety margin, mm, or null when not given
 */
public record SrZone(String trackingUid, String trackingIdentifier, Code kind, String sopInstanceUid, int frame,
        List<PixelPoint> outline, Double marginMm) {

    public SrZone {
        outline = List.copyOf(outline);
    }
}
