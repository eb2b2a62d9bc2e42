package org.injectionplanner.export.dicom;

import org.injectionplanner.plan.Approach;
import org.injectionplanner.plan.Side;
import org.injectionplanner.plan.SpinalLevel;
import org.injectionplanner.plan.Structure;
import org.injectionplanner.plan.ZoneKind;

/**
 * The codes of the plan SR, each with its source in docs/dicom-sr.md: DICOM (DCM, PS3.16), SNOMED CT
 * (SCT) where docs/domain.md §5.3 or docs/dicom.md §4.5 give the code, UCUM units, and the private scheme
 * {@value #PRIVATE} for plan concepts without a standard code.
 */
public final class SrCodes {

    /** The coding scheme designator of the plugin's private codes (a "99" prefix marks private schemes). */
    public static final String PRIVATE = "99INJPLAN";

    static final Code IMAGING_MEASUREMENT_REPORT = dcm("126000", "Imaging Measurement Report");
    static final Code LANGUAGE = dcm("121049", "Language of Content Item and Descendants");
    static final Code ENGLISH = new Code("en-US", "RFC5646", "English (United States)");
    static final Code PERSON_OBSERVER_NAME = dcm("121008", "Person Observer Name");
    static final Code PROCEDURE_REPORTED = dcm("121058", "Procedure reported");
    static final Code ULTRASONOGRAPHY = sct("16310003", "Diagnostic ultrasonography");
    static final Code IMAGE_LIBRARY = dcm("111028", "Image Library");
    static final Code IMAGE_LIBRARY_GROUP = dcm("126200", "Image Library Group");
    static final Code IMAGING_MEASUREMENTS = dcm("126010", "Imaging Measurements");
    static final Code MEASUREMENT_GROUP = dcm("125007", "Measurement Group");
    static final Code TRACKING_IDENTIFIER = dcm("112039", "Tracking Identifier");
    static final Code TRACKING_UID = dcm("112040", "Tracking Unique Identifier");
    static final Code FINDING = dcm("121071", "Finding");
    static final Code FINDING_SITE = sct("363698007", "Finding Site");
    static final Code LATERALITY = sct("272741003", "Laterality");
    static final Code TOPOGRAPHICAL_MODIFIER = sct("106233006", "Topographical modifier");
    static final Code IMAGE_REGION = dcm("111030", "Image Region");
    static final Code COMMENT = dcm("121106", "Comment");
    static final Code DEPTH = sct("131197000", "Depth");
    static final Code PATH_LENGTH = dcm("121211", "Path length");
    static final Code ANGLE = sct("1483009", "Angle");
    static final Code VOLUME = sct("118565006", "Volume");
    static final Code MM = new Code("mm", "UCUM", "millimeter");
    static final Code DEG = new Code("deg", "UCUM", "degree");
    static final Code ML = new Code("mL", "UCUM", "milliliter");

    /** Finding of a site group: an injection target. */
    public static final Code INJECTION_TARGET = priv("TARGET", "Injection target");
    /** Finding of a zone group: a needle-avoidance zone. */
    public static final Code AVOIDANCE_ZONE = priv("AVZONE", "Needle avoidance zone");
    static final Code NEEDLE_PATH = priv("NDLPATH", "Planned needle path");
    static final Code CATALOGUE_STRUCTURE = priv("STRUCTURE", "Catalogue structure");
    static final Code MIN_CLEARANCE = priv("CLEARANCE", "Minimum clearance to avoidance zones");
    static final Code SAFETY_MARGIN = priv("MARGIN", "Safety margin");
    static final Code APPROACH = priv("APPROACH", "Needle approach");
    static final Code UNSPECIFIED_STRUCTURE = priv("UNSPECIFIED", "Structure not given");
    /** The SCOORD graphic type of a zone's closed outline (first point = last point). */
    static final String ZONE_GRAPHIC_TYPE = "POLYLINE";

    private static final Code LIGAMENT = sct("52082005", "Ligament");
    private static final Code TENDON = sct("13024002", "Tendon");
    private static final Code FASCIAL_LAYER = sct("120576005", "Fascial layer");

    private SrCodes() {
    }

    /** The private code of a needle approach. */
    static Code approach(Approach approach) {
        return approach == Approach.IN_PLANE ? priv("IN-PLANE", "In-plane approach")
                : priv("OUT-OF-PLANE", "Out-of-plane approach");
    }

    /**
     * The Finding Site of a target in this structure: the structure's own SNOMED CT code where the
     * catalogue gives one; else the SNOMED CT code of its kind where docs/dicom.md §4.5 gives one (ligament,
     * tendon, fascial layer); else the private code of the catalogue entry.
     */
    static Code findingSite(Structure structure) {
        if (structure.snomedCode() != null) {
            return sct(structure.snomedCode(), structure.name());
        }
        return switch (structure.kind()) {
            case LIGAMENT -> LIGAMENT;
            case TENDON -> TENDON;
            case FASCIA -> FASCIAL_LAYER;
            default -> structure(structure);
        };
    }

    /** The private code of a catalogue structure: its id and name. */
    static Code structure(Structure structure) {
        return priv(structure.id(), structure.name());
    }

    /** The SNOMED CT code of a side (docs/domain.md §5.3). */
    public static Code side(Side side) {
        return sct(side.snomedCode(), side.label());
    }

    /** A spinal level: SNOMED CT where docs/domain.md §5.3 gives it, else private ("L5" ...). */
    public static Code level(SpinalLevel level) {
        return level.snomedCode() != null
                ? sct(level.snomedCode(), "Level of " + level.label() + " intervertebral disc")
                : priv(level.label(), level.label() + " vertebra");
    }

    /** What a zone protects: SNOMED CT Nerve (docs/dicom.md §4.5), else private. */
    public static Code zoneKind(ZoneKind kind) {
        return kind.snomedCode() != null ? sct(kind.snomedCode(), "Nerve")
                : priv("ZONE-" + kind.name(), switch (kind) {
                    case VESSEL -> "Blood vessel to avoid";
                    case DURA -> "Dura or ligamentum flavum line";
                    case BONE -> "Bone to avoid";
                    default -> "Other structure to avoid";
                });
    }

    private static Code dcm(String value, String meaning) {
        return new Code(value, "DCM", meaning);
    }

    private static Code sct(String value, String meaning) {
        return new Code(value, "SCT", meaning);
    }

    private static Code priv(String value, String meaning) {
        return new Code(value, PRIVATE, meaning);
    }
}
