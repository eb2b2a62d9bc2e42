package org.injectionplanner.export.dicom;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.injectionplanner.dicom.DataSet;
import org.injectionplanner.dicom.DicomException;
import org.injectionplanner.dicom.DicomFile;
import org.injectionplanner.dicom.Tag;
import org.injectionplanner.geometry.PixelPoint;

/**
 * Reads a plan SR written by {@link SrExport} back into its sites and zones: tracking identifiers and
 * UIDs, codes, positions (image pixels), frames and measurements. Items it does not know are passed over;
 * a group without what a site or zone needs is an error naming the group.
 */
public final class SrReader {

    private SrReader() {
    }

    /** Reads an SR file. */
    public static SrDocument read(Path file) throws DicomExportException {
        try (DicomFile f = DicomFile.open(file)) {
            return read(f.dataSet());
        } catch (DicomException e) {
            throw new DicomExportException(e.getMessage(), e);
        } catch (IOException e) {
            throw new DicomExportException("cannot read " + file + ": " + e.getMessage(), e);
        }
    }

    private static void requireReport(DataSet sr) throws DicomExportException {
        if (!SrExport.COMPREHENSIVE_SR.equals(sr.getString(Tag.SOP_CLASS_UID))) {
            throw new DicomExportException("not a Comprehensive SR: SOP Class UID " + sr.getString(Tag.SOP_CLASS_UID));
        }
        if (!SrCodes.IMAGING_MEASUREMENT_REPORT.sameConcept(concept(sr))) {
            throw new DicomExportException("the SR is not an Imaging Measurement Report (TID 1500): its root is "
                    + concept(sr));
        }
    }

    /** Reads an SR data set into sites and zones. */
    public static SrDocument read(DataSet sr) throws DicomExportException {
        requireReport(sr);
        DataSet measurements = null;
        for (DataSet item : sr.getSequence(SrTags.CONTENT_SEQUENCE)) {
            if (SrCodes.IMAGING_MEASUREMENTS.sameConcept(concept(item))) {
                measurements = item;
            }
        }
        if (measurements == null) {
            throw new DicomExportException("the SR has no Imaging Measurements container (126010, DCM)");
        }
        List<SrSite> sites = new ArrayList<>();
        List<SrZone> zones = new ArrayList<>();
        int number = 0;
        for (DataSet group : measurements.getSequence(SrTags.CONTENT_SEQUENCE)) {
            number++;
            if (!SrCodes.MEASUREMENT_GROUP.sameConcept(concept(group))) {
                continue;
            }
            Group g = Group.of(group, number);
            if (SrCodes.INJECTION_TARGET.sameConcept(g.finding)) {
                sites.add(g.site());
            } else if (SrCodes.AVOIDANCE_ZONE.sameConcept(g.finding)) {
                zones.add(g.zone());
            }
        }
        List<DataSet> observers = sr.getSequence(SrTags.VERIFYING_OBSERVER_SEQUENCE);
        return new SrDocument(InstanceReference.of(sr), sr.getString(SrTags.COMPLETION_FLAG),
                sr.getString(SrTags.VERIFICATION_FLAG),
                observers.isEmpty() ? null : observers.get(0).getText(SrTags.VERIFYING_OBSERVER_NAME),
                predecessor(sr), sites, zones);
    }

    private static InstanceReference predecessor(DataSet sr) {
        for (DataSet study : sr.getSequence(SrTags.PREDECESSOR_DOCUMENTS_SEQUENCE)) {
            for (DataSet series : study.getSequence(SrTags.REFERENCED_SERIES_SEQUENCE)) {
                for (DataSet sop : series.getSequence(SrTags.REFERENCED_SOP_SEQUENCE)) {
                    return new InstanceReference(study.getString(Tag.STUDY_INSTANCE_UID),
                            series.getString(Tag.SERIES_INSTANCE_UID), sop.getString(SrTags.REFERENCED_SOP_CLASS_UID),
                            sop.getString(SrTags.REFERENCED_SOP_INSTANCE_UID));
                }
            }
        }
        return null;
    }

    /** The concept name of a content item, or null. */
    static Code concept(DataSet item) {
        List<DataSet> names = item.getSequence(SrTags.CONCEPT_NAME_CODE_SEQUENCE);
        return names.isEmpty() ? null : Code.of(names.get(0));
    }

    /** The value of a CODE item, or null. */
    private static Code codeValue(DataSet item) {
        List<DataSet> values = item.getSequence(SrTags.CONCEPT_CODE_SEQUENCE);
        return values.isEmpty() ? null : Code.of(values.get(0));
    }

    /** The content of one measurement group. */
    private static final class Group {
        private final int number;
        private String trackingId;
        private String trackingUid;
        private Code finding;
        private Code site;
        private Code laterality;
        private Code level;
        private Code structure;
        private Scoord region;
        private Scoord path;
        private Double depth;
        private Double pathLength;
        private Double angle;
        private Double clearance;
        private Double volume;
        private Double margin;
        private String comment;

        private Group(int number) {
            this.number = number;
        }

        static Group of(DataSet group, int number) throws DicomExportException {
            Group g = new Group(number);
            for (DataSet item : group.getSequence(SrTags.CONTENT_SEQUENCE)) {
                g.take(item);
            }
            if (g.trackingUid == null || g.finding == null || g.region == null) {
                throw new DicomExportException("measurement group " + number + " lacks its Tracking Unique "
                        + "Identifier, Finding or Image Region");
            }
            return g;
        }

        private void take(DataSet item) throws DicomExportException {
            Code c = concept(item);
            String type = item.getString(SrTags.VALUE_TYPE);
            if (c == null || type == null) {
                return;
            }
            switch (type) {
                case "TEXT" -> {
                    if (SrCodes.TRACKING_IDENTIFIER.sameConcept(c)) {
                        trackingId = item.getText(SrTags.TEXT_VALUE);
                    } else if (SrCodes.COMMENT.sameConcept(c)) {
                        comment = item.getText(SrTags.TEXT_VALUE);
                    }
                }
                case "UIDREF" -> {
                    if (SrCodes.TRACKING_UID.sameConcept(c)) {
                        trackingUid = item.getString(SrTags.UID);
                    }
                }
                case "CODE" -> code(c, item);
                case "SCOORD" -> {
                    if (SrCodes.IMAGE_REGION.sameConcept(c)) {
                        region = Scoord.of(item, number);
                    } else if (SrCodes.NEEDLE_PATH.sameConcept(c)) {
                        path = Scoord.of(item, number);
                    }
                }
                case "NUM" -> num(c, item);
                default -> {
                    // other value types carry nothing the plugin reads back
                }
            }
        }

        private void code(Code c, DataSet item) {
            Code value = codeValue(item);
            if (SrCodes.FINDING.sameConcept(c)) {
                finding = value;
            } else if (SrCodes.FINDING_SITE.sameConcept(c)) {
                site = value;
                for (DataSet mod : item.getSequence(SrTags.CONTENT_SEQUENCE)) {
                    Code m = concept(mod);
                    if (SrCodes.LATERALITY.sameConcept(m)) {
                        laterality = codeValue(mod);
                    } else if (SrCodes.TOPOGRAPHICAL_MODIFIER.sameConcept(m)) {
                        level = codeValue(mod);
                    }
                }
            } else if (SrCodes.CATALOGUE_STRUCTURE.sameConcept(c)) {
                structure = value;
            }
        }

        private void num(Code c, DataSet item) {
            List<DataSet> measured = item.getSequence(SrTags.MEASURED_VALUE_SEQUENCE);
            Double v = measured.isEmpty() ? null : measured.get(0).getDouble(SrTags.NUMERIC_VALUE);
            if (SrCodes.DEPTH.sameConcept(c)) {
                depth = v;
            } else if (SrCodes.PATH_LENGTH.sameConcept(c)) {
                pathLength = v;
            } else if (SrCodes.ANGLE.sameConcept(c)) {
                angle = v;
            } else if (SrCodes.MIN_CLEARANCE.sameConcept(c)) {
                clearance = v;
            } else if (SrCodes.VOLUME.sameConcept(c)) {
                volume = v;
            } else if (SrCodes.SAFETY_MARGIN.sameConcept(c)) {
                margin = v;
            }
        }

        SrSite site() throws DicomExportException {
            if (!"POINT".equals(region.graphicType) || region.points.size() != 1) {
                throw new DicomExportException("measurement group " + number + ": a target's Image Region must be "
                        + "one POINT, got " + region.graphicType + " of " + region.points.size() + " points");
            }
            PixelPoint entry = null;
            if (path != null) {
                if (path.points.size() != 2) {
                    throw new DicomExportException("measurement group " + number + ": a needle path has 2 points, got "
                            + path.points.size());
                }
                entry = path.points.get(0);
            }
            return new SrSite(trackingUid, trackingId, site, laterality, level, structure, region.sopInstanceUid,
                    region.frame, region.points.get(0), entry, depth, pathLength, angle, clearance, volume, comment);
        }

        SrZone zone() {
            return new SrZone(trackingUid, trackingId, site, region.sopInstanceUid, region.frame, region.points,
                    margin);
        }
    }

    /** A SCOORD item with the image it is selected from. */
    private record Scoord(String graphicType, List<PixelPoint> points, String sopInstanceUid, int frame) {

        static Scoord of(DataSet item, int group) throws DicomExportException {
            double[] data = item.getDoubles(SrTags.GRAPHIC_DATA);
            if (data.length == 0 || data.length % 2 != 0) {
                throw new DicomExportException("measurement group " + group + ": Graphic Data holds " + data.length
                        + " values, not x/y pairs");
            }
            List<PixelPoint> points = new ArrayList<>();
            for (int i = 0; i < data.length; i += 2) {
                points.add(new PixelPoint(data[i], data[i + 1]));
            }
            for (DataSet child : item.getSequence(SrTags.CONTENT_SEQUENCE)) {
                if ("IMAGE".equals(child.getString(SrTags.VALUE_TYPE))) {
                    List<DataSet> refs = child.getSequence(SrTags.REFERENCED_SOP_SEQUENCE);
                    if (!refs.isEmpty()) {
                        DataSet ref = refs.get(0);
                        return new Scoord(item.getString(SrTags.GRAPHIC_TYPE), points,
                                ref.getString(SrTags.REFERENCED_SOP_INSTANCE_UID),
                                ref.getInt(SrTags.REFERENCED_FRAME_NUMBER, 1));
                    }
                }
            }
            throw new DicomExportException("measurement group " + group + ": a SCOORD is not selected from an image");
        }
    }
}
