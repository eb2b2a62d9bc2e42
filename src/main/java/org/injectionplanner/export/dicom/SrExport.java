package org.injectionplanner.export.dicom;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.injectionplanner.dicom.DataSet;
import org.injectionplanner.dicom.DicomException;
import org.injectionplanner.dicom.DicomFile;
import org.injectionplanner.dicom.DicomWriter;
import org.injectionplanner.dicom.Tag;
import org.injectionplanner.dicom.Uids;
import org.injectionplanner.dicom.Vr;
import org.injectionplanner.geometry.PixelPoint;
import org.injectionplanner.plan.AnnotationNames;
import org.injectionplanner.plan.ImageRef;
import org.injectionplanner.plan.NerveZone;
import org.injectionplanner.plan.PlanImage;
import org.injectionplanner.plan.SessionPlan;
import org.injectionplanner.plan.Signature;
import org.injectionplanner.plan.Structure;
import org.injectionplanner.plan.StructureCatalogue;
import org.injectionplanner.plan.Target;
import org.injectionplanner.sessionmap.SessionMap;

/**
 * Writes a session plan as a DICOM Comprehensive SR following TID 1500 Measurement Report
 * (docs/dicom-sr.md): same patient and study as the images, a new SR series, every annotated image in the
 * Current Requested Procedure Evidence Sequence and the Image Library, one measurement group per site (its
 * Tracking Unique Identifier is the target's UUID as {@code 2.25.<decimal>}, kept across the sessions of a
 * course) and per avoidance zone. Coordinates are image pixels with the origin at the top-left corner of the
 * top-left pixel (the plan's own convention and the SCOORD one); lengths mm, angles degrees, volumes mL. A
 * measurement without a calibration is left out with a comment, never guessed. Only a plan whose signature
 * verifies ({@link org.injectionplanner.plan.SignatureStatus#trusted()}) is COMPLETE and VERIFIED.
 */
public final class SrExport {

    /** Comprehensive SR Storage. */
    public static final String COMPREHENSIVE_SR = "1.2.840.10008.5.1.4.1.1.88.33";

    private SrExport() {
    }

    /**
     * Writes the SR of a plan as a Part 10 stream (Explicit VR Little Endian) to {@code out}, which is left
     * open.
     *
     * @param plan the session plan
     * @param map its session map (session order, mm values, sign-off status)
     * @param catalogue the clinic's structure catalogue (finding-site codes)
     * @param headers the headers of the plan's images
     * @param options creation time, numbering, predecessor and de-identification
     * @throws DicomExportException naming an image whose header is missing
     */
    public static void write(SessionPlan plan, SessionMap map, StructureCatalogue catalogue, SourceHeaders headers,
            DicomExportOptions options, OutputStream out) throws DicomExportException, IOException {
        DicomWriter.write(out, build(plan, map, catalogue, headers, options));
    }

    /**
     * The reference to a prior session's SR for the Predecessor Documents Sequence of this plan's SR: read
     * from {@code priorSr}, which must be a Comprehensive SR of the patient of the plan's images (the same
     * Patient ID).
     *
     * @throws DicomExportException naming the file when it cannot be read, is another kind of object, or
     *         belongs to another patient
     */
    public static InstanceReference predecessor(Path priorSr, SessionPlan plan, SourceHeaders headers)
            throws DicomExportException {
        if (!Files.isRegularFile(priorSr)) {
            throw new DicomExportException("the predecessor SR " + priorSr + " does not exist");
        }
        DataSet prior;
        try (DicomFile f = DicomFile.open(priorSr)) {
            prior = f.dataSet();
        } catch (DicomException e) {
            throw new DicomExportException("the predecessor SR " + priorSr + " cannot be read: " + e.getMessage(), e);
        } catch (IOException e) {
            throw new DicomExportException("cannot read the predecessor SR " + priorSr + ": " + e.getMessage(), e);
        }
        if (!COMPREHENSIVE_SR.equals(prior.getString(Tag.SOP_CLASS_UID))) {
            throw new DicomExportException("the predecessor " + priorSr + " is not a Comprehensive SR: its SOP Class "
                    + "UID is " + prior.getString(Tag.SOP_CLASS_UID) + ", not " + COMPREHENSIVE_SR);
        }
        String patient = headers.studyHeader(plan).getString(Tag.PATIENT_ID);
        String priorPatient = prior.getString(Tag.PATIENT_ID);
        if (patient == null || !patient.equals(priorPatient)) {
            throw new DicomExportException("the predecessor SR " + priorSr + " is of another patient: Patient ID "
                    + priorPatient + ", the plan's images have " + patient);
        }
        try {
            return InstanceReference.of(prior);
        } catch (IllegalArgumentException e) {
            throw new DicomExportException("the predecessor SR " + priorSr + ": " + e.getMessage(), e);
        }
    }

    /** The SR data set of a plan (see {@link #write}). */
    public static DataSet build(SessionPlan plan, SessionMap map, StructureCatalogue catalogue,
            SourceHeaders headers, DicomExportOptions options) throws DicomExportException {
        boolean deidentify = options.deidentification() != null;
        DataSet ds = CompositeModules.start(COMPREHENSIVE_SR, headers.studyHeader(plan), "SR", options);
        ds.putSequence(SrTags.REFERENCED_PERFORMED_PROCEDURE_STEP_SEQUENCE, List.of());
        boolean verified = map.signOff().status().trusted() && plan.signature() != null;
        ds.putString(SrTags.COMPLETION_FLAG, Vr.CS, verified ? "COMPLETE" : "PARTIAL");
        ds.putString(SrTags.VERIFICATION_FLAG, Vr.CS, verified ? "VERIFIED" : "UNVERIFIED");
        if (verified) {
            ds.putSequence(SrTags.VERIFYING_OBSERVER_SEQUENCE, List.of(observer(plan.signature(), options)));
        }
        if (options.predecessor() != null) {
            ds.putSequence(SrTags.PREDECESSOR_DOCUMENTS_SEQUENCE,
                    CompositeModules.references(List.of(options.predecessor())));
        }
        ds.putSequence(SrTags.PERFORMED_PROCEDURE_CODE_SEQUENCE, List.of());
        List<DataSet> annotated = new ArrayList<>();
        for (String uid : annotatedImages(plan)) {
            annotated.add(headers.header(uid));
        }
        ds.putSequence(SrTags.CURRENT_REQUESTED_PROCEDURE_EVIDENCE_SEQUENCE,
                CompositeModules.references(annotated.stream().map(InstanceReference::of).toList()));
        ds.putSequence(SrTags.CODING_SCHEME_IDENTIFICATION_SEQUENCE, List.of(privateScheme()));

        ds.putString(SrTags.VALUE_TYPE, Vr.CS, "CONTAINER");
        ds.putSequence(SrTags.CONCEPT_NAME_CODE_SEQUENCE, List.of(SrCodes.IMAGING_MEASUREMENT_REPORT.item()));
        ds.putString(SrTags.CONTINUITY_OF_CONTENT, Vr.CS, "SEPARATE");
        ds.putSequence(SrTags.CONTENT_TEMPLATE_SEQUENCE, List.of(ContentItems.template("1500")));
        List<DataSet> root = new ArrayList<>();
        root.add(ContentItems.code(ContentItems.HAS_CONCEPT_MOD, SrCodes.LANGUAGE, SrCodes.ENGLISH, List.of()));
        if (!plan.author().isBlank() && !deidentify) {
            root.add(ContentItems.personName(ContentItems.HAS_OBS_CONTEXT, SrCodes.PERSON_OBSERVER_NAME,
                    personName(plan.author())));
        }
        root.add(ContentItems.code(ContentItems.HAS_CONCEPT_MOD, SrCodes.PROCEDURE_REPORTED,
                SrCodes.ULTRASONOGRAPHY, List.of()));
        List<DataSet> library = new ArrayList<>();
        for (DataSet h : annotated) {
            library.add(ContentItems.image(ContentItems.CONTAINS, h.getString(Tag.SOP_CLASS_UID),
                    h.getString(Tag.SOP_INSTANCE_UID), null));
        }
        root.add(ContentItems.container(ContentItems.CONTAINS, SrCodes.IMAGE_LIBRARY, null,
                List.of(ContentItems.container(ContentItems.CONTAINS, SrCodes.IMAGE_LIBRARY_GROUP, null, library))));
        List<DataSet> groups = new ArrayList<>();
        Set<Target> done = new LinkedHashSet<>();
        for (SessionMap.InjectionEntry e : map.injections()) {
            Target t = plan.target(e.targetId()).orElseThrow();
            done.add(t);
            groups.add(siteGroup(t, e, catalogue, headers, deidentify));
        }
        for (Target t : plan.targets()) {
            if (!done.contains(t)) {
                groups.add(siteGroup(t, null, catalogue, headers, deidentify));
            }
        }
        for (NerveZone z : plan.zones()) {
            groups.add(zoneGroup(z, headers, deidentify));
        }
        root.add(ContentItems.container(ContentItems.CONTAINS, SrCodes.IMAGING_MEASUREMENTS, null, groups));
        ds.putSequence(SrTags.CONTENT_SEQUENCE, root);
        return CompositeModules.minimalCharacterSet(deidentify ? options.deidentification().apply(ds) : ds);
    }

    /** The SOP instances the plan's targets and zones are on, in the order of the plan's images. */
    static List<String> annotatedImages(SessionPlan plan) {
        Set<String> used = new LinkedHashSet<>();
        plan.targets().forEach(t -> used.add(t.image().sopInstanceUid()));
        plan.zones().forEach(z -> used.add(z.image().sopInstanceUid()));
        List<String> ordered = new ArrayList<>();
        for (PlanImage i : plan.images()) {
            if (used.remove(i.sopInstanceUid())) {
                ordered.add(i.sopInstanceUid());
            }
        }
        ordered.addAll(used);
        return ordered;
    }

    /**
     * The Tracking Identifier of a site: its short name, side and label, e.g. "T3 L iliolumbar"; de-identified,
     * or where the label is blank, it names the structure as {@code catalogue} names it ("T3 L Iliolumbar
     * ligament") instead of the free-text label.
     */
    static String trackingIdentifier(Target t, StructureCatalogue catalogue, boolean deidentify) {
        String what = !deidentify && !t.label().isBlank() ? t.label() : catalogue.nameOf(t.structureId());
        String name = AnnotationNames.of(t) + " " + t.side().label().substring(0, 1);
        return what.isBlank() || what.equals(AnnotationNames.of(t)) ? name : name + " " + what;
    }

    private static DataSet siteGroup(Target t, SessionMap.InjectionEntry e, StructureCatalogue catalogue,
            SourceHeaders headers, boolean deidentify) throws DicomExportException {
        List<DataSet> c = new ArrayList<>();
        c.add(ContentItems.text(ContentItems.HAS_OBS_CONTEXT, SrCodes.TRACKING_IDENTIFIER,
                trackingIdentifier(t, catalogue, deidentify)));
        c.add(ContentItems.uidRef(ContentItems.HAS_OBS_CONTEXT, SrCodes.TRACKING_UID, Uids.of(t.id())));
        c.add(ContentItems.code(ContentItems.CONTAINS, SrCodes.FINDING, SrCodes.INJECTION_TARGET, List.of()));
        Structure structure = t.structureId() == null ? null : catalogue.find(t.structureId()).orElse(null);
        List<DataSet> modifiers = new ArrayList<>();
        modifiers.add(ContentItems.code(ContentItems.HAS_CONCEPT_MOD, SrCodes.LATERALITY, SrCodes.side(t.side()),
                List.of()));
        if (t.level() != null) {
            modifiers.add(ContentItems.code(ContentItems.HAS_CONCEPT_MOD, SrCodes.TOPOGRAPHICAL_MODIFIER,
                    SrCodes.level(t.level()), List.of()));
        }
        Code site = structure != null ? SrCodes.findingSite(structure) : SrCodes.UNSPECIFIED_STRUCTURE;
        c.add(ContentItems.code(ContentItems.HAS_CONCEPT_MOD, SrCodes.FINDING_SITE, site, modifiers));
        if (structure != null) {
            c.add(ContentItems.code(ContentItems.HAS_CONCEPT_MOD, SrCodes.CATALOGUE_STRUCTURE,
                    SrCodes.structure(structure), List.of()));
        }
        c.add(ContentItems.scoord(ContentItems.CONTAINS, SrCodes.IMAGE_REGION, "POINT", List.of(t.point()),
                selectedFrom(t.image(), headers)));
        List<String> omitted = new ArrayList<>();
        if (t.depthMm() != null) {
            c.add(ContentItems.num(ContentItems.CONTAINS, SrCodes.DEPTH, t.depthMm(), SrCodes.MM));
        } else {
            omitted.add("depth (" + (t.calibration().isCalibrated() ? "no skin line in its region"
                    : "not calibrated") + ")");
        }
        if (e != null) {
            c.add(ContentItems.code(ContentItems.CONTAINS, SrCodes.APPROACH, SrCodes.approach(e.approach()),
                    List.of()));
            if (e.path() != null) {
                c.add(ContentItems.scoord(ContentItems.CONTAINS, SrCodes.NEEDLE_PATH, "POLYLINE",
                        List.of(e.path().entry(), t.point()), selectedFrom(t.image(), headers)));
                if (e.pathLengthMm() != null && e.angleDeg() != null) {
                    c.add(ContentItems.num(ContentItems.CONTAINS, SrCodes.PATH_LENGTH, e.pathLengthMm(),
                            SrCodes.MM));
                    c.add(ContentItems.num(ContentItems.CONTAINS, SrCodes.ANGLE, e.angleDeg(), SrCodes.DEG));
                } else {
                    omitted.add("path length and angle (not calibrated: entry and target not in one calibrated "
                            + "region)");
                }
            }
            if (e.minClearanceMm() != null) {
                c.add(ContentItems.num(ContentItems.CONTAINS, SrCodes.MIN_CLEARANCE, e.minClearanceMm(),
                        SrCodes.MM));
            } else if (!t.calibration().isCalibrated()) {
                omitted.add("minimum clearance (not calibrated)");
            }
            c.add(ContentItems.num(ContentItems.CONTAINS, SrCodes.VOLUME, e.volumeMl(), SrCodes.ML));
        }
        if (!omitted.isEmpty()) {
            c.add(ContentItems.text(ContentItems.CONTAINS, SrCodes.COMMENT,
                    "Not given: " + String.join("; ", omitted) + "."));
        }
        return ContentItems.container(ContentItems.CONTAINS, SrCodes.MEASUREMENT_GROUP, "1501", c);
    }

    private static DataSet zoneGroup(NerveZone z, SourceHeaders headers, boolean deidentify)
            throws DicomExportException {
        List<DataSet> c = new ArrayList<>();
        String kind = z.kind().name().toLowerCase(Locale.ROOT);
        String label = AnnotationNames.of(z) + " " + kind + (deidentify || z.name().isBlank() ? "" : " " + z.name());
        c.add(ContentItems.text(ContentItems.HAS_OBS_CONTEXT, SrCodes.TRACKING_IDENTIFIER, label));
        c.add(ContentItems.uidRef(ContentItems.HAS_OBS_CONTEXT, SrCodes.TRACKING_UID, Uids.of(z.id())));
        c.add(ContentItems.code(ContentItems.CONTAINS, SrCodes.FINDING, SrCodes.AVOIDANCE_ZONE, List.of()));
        c.add(ContentItems.code(ContentItems.HAS_CONCEPT_MOD, SrCodes.FINDING_SITE, SrCodes.zoneKind(z.kind()),
                List.of()));
        List<PixelPoint> ring = new ArrayList<>(z.shape().outline());
        ring.add(ring.get(0));
        c.add(ContentItems.scoord(ContentItems.CONTAINS, SrCodes.IMAGE_REGION, SrCodes.ZONE_GRAPHIC_TYPE, ring,
                selectedFrom(z.image(), headers)));
        c.add(ContentItems.num(ContentItems.CONTAINS, SrCodes.SAFETY_MARGIN, z.marginMm(), SrCodes.MM));
        return ContentItems.container(ContentItems.CONTAINS, SrCodes.MEASUREMENT_GROUP, "1501", c);
    }

    /**
     * The IMAGE an SCOORD is selected from: the frame number is given for multi-frame images (those with a
     * Number of Frames, even of 1).
     */
    private static DataSet selectedFrom(ImageRef ref, SourceHeaders headers) throws DicomExportException {
        DataSet h = headers.header(ref.sopInstanceUid());
        Integer frames = h.getInteger(Tag.NUMBER_OF_FRAMES);
        boolean multiFrame = frames != null;
        if (ref.frame() > (frames == null ? 1 : frames)) {
            throw new DicomExportException("an annotation is on frame " + ref.frame() + " of image "
                    + ref.sopInstanceUid() + ", which has " + (frames == null ? 1 : frames) + " frame(s)");
        }
        return ContentItems.image(ContentItems.SELECTED_FROM, h.getString(Tag.SOP_CLASS_UID), ref.sopInstanceUid(),
                multiFrame ? ref.frame() : null);
    }

    private static DataSet observer(Signature signature, DicomExportOptions options) {
        DataSet o = ContentItems.item();
        o.putString(SrTags.VERIFYING_ORGANIZATION, Vr.LO, options.organization());
        o.putString(SrTags.VERIFICATION_DATE_TIME, Vr.DT, CompositeModules.dateTime(signature.signedAt()));
        o.putString(SrTags.VERIFYING_OBSERVER_NAME, Vr.PN, personName(signature.signer()));
        o.putSequence(SrTags.VERIFYING_OBSERVER_IDENTIFICATION_CODE_SEQUENCE, List.of());
        return o;
    }

    private static DataSet privateScheme() {
        DataSet s = ContentItems.item();
        s.putString(SrTags.CODING_SCHEME_DESIGNATOR, Vr.SH, SrCodes.PRIVATE);
        s.putString(SrTags.CODING_SCHEME_NAME, Vr.ST, "Injection Planner plan concepts (docs/dicom-sr.md)");
        s.putString(SrTags.CODING_SCHEME_RESPONSIBLE_ORGANIZATION, Vr.ST, "Injection Planner project");
        return s;
    }

    /** A name as a PN value: backslashes, which would split it into values, become slashes. */
    private static String personName(String name) {
        return name.replace('\\', '/');
    }
}
