package org.injectionplanner.export.dicom;

import java.util.List;

/**
 * A plan SR as the plugin reads it back.
 *
 * @param reference the SR's own identifiers
 * @param completionFlag COMPLETE or PARTIAL
 * @param verificationFlag VERIFIED or UNVERIFIED
 * @param verifyingObserver the first Verifying Observer Name, or null
 * @param predecessor the first Predecessor Document, or null
 * @param sites the sites, in the SR's order (session order, then targets without an injection)
 * @param zones the avoidance zones
 */
public record SrDocument(InstanceReference reference, String completionFlag, String verificationFlag,
        String verifyingObserver, InstanceReference predecessor, List<SrSite> sites, List<SrZone> zones) {

    public SrDocument {
        sites = List.copyOf(sites);
        zones = List.copyOf(zones);
    }
}
