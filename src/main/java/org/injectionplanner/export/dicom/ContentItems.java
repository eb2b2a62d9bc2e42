package org.injectionplanner.export.dicom;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.injectionplanner.dicom.DataSet;
import org.injectionplanner.dicom.Element;
import org.injectionplanner.dicom.Vr;
import org.injectionplanner.geometry.PixelPoint;

/**
 * Builders of SR content items (PS3.3 C.17.3): each item names its relationship to its parent, its value
 * type and concept name. Text is UTF-8 (the SR's Specific Character Set is ISO_IR 192).
 */
final class ContentItems {

    /** Relationship types (PS3.3 C.17.3.2.4). */
    static final String CONTAINS = "CONTAINS";
    static final String HAS_OBS_CONTEXT = "HAS OBS CONTEXT";
    static final String HAS_CONCEPT_MOD = "HAS CONCEPT MOD";
    static final String SELECTED_FROM = "SELECTED FROM";

    private ContentItems() {
    }

    /** A new empty item whose text is UTF-8. */
    static DataSet item() {
        return new DataSet(StandardCharsets.UTF_8);
    }

    /** A CONTAINER (continuity SEPARATE) with its children; a template id adds Content Template Sequence. */
    static DataSet container(String relationship, Code concept, String templateId, List<DataSet> children) {
        DataSet c = named(relationship, "CONTAINER", concept);
        c.putString(SrTags.CONTINUITY_OF_CONTENT, Vr.CS, "SEPARATE");
        if (templateId != null) {
            c.putSequence(SrTags.CONTENT_TEMPLATE_SEQUENCE, List.of(template(templateId)));
        }
        return withChildren(c, children);
    }

    /** Content Template Sequence item: the DCMR template with this id. */
    static DataSet template(String templateId) {
        DataSet t = item();
        t.putString(SrTags.MAPPING_RESOURCE, Vr.CS, "DCMR");
        t.putString(SrTags.TEMPLATE_IDENTIFIER, Vr.CS, templateId);
        return t;
    }

    /** A CODE item. */
    static DataSet code(String relationship, Code concept, Code value, List<DataSet> children) {
        DataSet c = named(relationship, "CODE", concept);
        c.putSequence(SrTags.CONCEPT_CODE_SEQUENCE, List.of(value.item()));
        return withChildren(c, children);
    }

    /** A TEXT item. */
    static DataSet text(String relationship, Code concept, String value) {
        DataSet t = named(relationship, "TEXT", concept);
        t.putString(SrTags.TEXT_VALUE, Vr.UT, value);
        return t;
    }

    /** A UIDREF item. */
    static DataSet uidRef(String relationship, Code concept, String uid) {
        DataSet u = named(relationship, "UIDREF", concept);
        u.putString(SrTags.UID, Vr.UI, uid);
        return u;
    }

    /** A PNAME item (DICOM person-name form). */
    static DataSet personName(String relationship, Code concept, String name) {
        DataSet p = named(relationship, "PNAME", concept);
        p.putString(SrTags.PERSON_NAME, Vr.PN, name);
        return p;
    }

    /**
     * A NUM item: the value as a decimal string (at most 16 characters, DS) in the unit.
     */
    static DataSet num(String relationship, Code concept, double value, Code unit) {
        DataSet n = named(relationship, "NUM", concept);
        DataSet measured = item();
        measured.putSequence(SrTags.MEASUREMENT_UNITS_CODE_SEQUENCE, List.of(unit.item()));
        measured.putString(SrTags.NUMERIC_VALUE, Vr.DS, decimal(value));
        n.putSequence(SrTags.MEASURED_VALUE_SEQUENCE, List.of(measured));
        return n;
    }

    /**
     * A 2-D SCOORD item in image pixel coordinates (origin at the top-left corner of the top-left pixel,
     * x right, y down: the plan's own convention, PS3.3 C.18.6.1.2), selected from the given image item.
     */
    static DataSet scoord(String relationship, Code concept, String graphicType, List<PixelPoint> points,
            DataSet selectedFrom) {
        DataSet s = named(relationship, "SCOORD", concept);
        ByteBuffer b = ByteBuffer.allocate(points.size() * 8).order(ByteOrder.LITTLE_ENDIAN);
        for (PixelPoint p : points) {
            b.putFloat((float) p.x());
            b.putFloat((float) p.y());
        }
        s.put(Element.of(SrTags.GRAPHIC_DATA, Vr.FL, b.array()));
        s.putString(SrTags.GRAPHIC_TYPE, Vr.CS, graphicType);
        return withChildren(s, List.of(selectedFrom));
    }

    /**
     * An IMAGE item referencing an instance; a frame number (1-based) is written for multi-frame images
     * only, where Referenced Frame Number is required (PS3.3 C.17.3.2.2).
     */
    static DataSet image(String relationship, String sopClassUid, String sopInstanceUid, Integer frame) {
        DataSet i = item();
        i.putString(SrTags.RELATIONSHIP_TYPE, Vr.CS, relationship);
        i.putString(SrTags.VALUE_TYPE, Vr.CS, "IMAGE");
        DataSet ref = item();
        ref.putString(SrTags.REFERENCED_SOP_CLASS_UID, Vr.UI, sopClassUid);
        ref.putString(SrTags.REFERENCED_SOP_INSTANCE_UID, Vr.UI, sopInstanceUid);
        if (frame != null) {
            ref.putString(SrTags.REFERENCED_FRAME_NUMBER, Vr.IS, Integer.toString(frame));
        }
        i.putSequence(SrTags.REFERENCED_SOP_SEQUENCE, List.of(ref));
        return i;
    }

    /** A number as DS text: plain decimal, at most 16 characters, rounded to fit. */
    static String decimal(double value) {
        if (!Double.isFinite(value)) {
            throw new IllegalArgumentException("a measurement must be a finite number, got " + value);
        }
        String s = new BigDecimal(Double.toString(value)).stripTrailingZeros().toPlainString();
        for (int scale = 12; s.length() > 16 && scale >= 0; scale--) {
            s = new BigDecimal(value).setScale(scale, RoundingMode.HALF_EVEN).stripTrailingZeros()
                    .toPlainString();
        }
        if (s.length() > 16) {
            throw new IllegalArgumentException("the measurement " + value + " does not fit a decimal string");
        }
        return s;
    }

    private static DataSet named(String relationship, String valueType, Code concept) {
        DataSet d = item();
        d.putString(SrTags.RELATIONSHIP_TYPE, Vr.CS, relationship);
        d.putString(SrTags.VALUE_TYPE, Vr.CS, valueType);
        d.putSequence(SrTags.CONCEPT_NAME_CODE_SEQUENCE, List.of(concept.item()));
        return d;
    }

    private static DataSet withChildren(DataSet parent, List<DataSet> children) {
        if (!children.isEmpty()) {
            parent.putSequence(SrTags.CONTENT_SEQUENCE, new ArrayList<>(children));
        }
        return parent;
    }
}
