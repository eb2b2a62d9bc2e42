package org.injectionplanner.plan;

/**
 * The kind of structure a target sits in, with the generic SNOMED CT concept where docs/dicom.md §4.5
 * gives one (the specific ligaments have none there: docs/domain.md §5.3 lists them as a gap).
 */
public enum StructureKind {
    LIGAMENT("52082005"), TENDON("13024002"), JOINT_CAPSULE("39352004"), FASCIA("120576005"), ENTHESIS(null),
    OTHER(null);

    private final String snomedCode;

    StructureKind(String snomedCode) {
        this.snomedCode = snomedCode;
    }

    /** The generic SNOMED CT concept (Ligament, Tendon, Joint, Fascial layer), or null. */
    public String snomedCode() {
        return snomedCode;
    }
}
