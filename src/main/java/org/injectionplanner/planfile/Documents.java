package org.injectionplanner.planfile;

import com.fasterxml.jackson.annotation.JsonSubTypes;
import com.fasterxml.jackson.annotation.JsonTypeInfo;
import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import org.injectionplanner.plan.Approach;
import org.injectionplanner.plan.ChecklistAnswer;
import org.injectionplanner.plan.DropReason;
import org.injectionplanner.plan.ImageSides;
import org.injectionplanner.plan.InjectionState;
import org.injectionplanner.plan.Laterality;
import org.injectionplanner.plan.MeasuredCalibration;
import org.injectionplanner.plan.PatientDirection;
import org.injectionplanner.plan.PlanStatus;
import org.injectionplanner.plan.Side;
import org.injectionplanner.plan.SpinalLevel;
import org.injectionplanner.plan.StructureKind;
import org.injectionplanner.plan.ZoneKind;

/**
 * The plan and settings documents as Jackson binds them when reading: one record per JSON object of
 * docs/plan-format.md, components in the documented order. Only the JSON's shape lives here (field names,
 * types, which fields are {@link Required}); {@link PlanJson} and {@link SettingsJson} turn them into the
 * model with the checks JSON cannot express. (Writing builds a tree instead: docs/decisions.md.)
 */
final class Documents {

    private Documents() {
    }

    record Plan(@Required String format, @Required Integer formatVersion, @Required String id,
            @Required String courseId, @Required Integer sessionNumber, @Required String date,
            @Required String author, @Required PlanStatus status, Double patientWeightKg,
            @Required List<Image> images, @Required List<Target> targets, @Required List<Zone> zones,
            @Required List<Injection> injections, @Required List<ChecklistEntry> checklist,
            @Required List<FindingOverride> overrides, Signature signature, @Required List<Amendment> amendments,
            Outcomes outcomes, CopiedForward copiedForward) {
    }

    /** The patient-reported outcomes; absent when none are recorded (and from files written before them). */
    record Outcomes(Integer nrsRest, Integer nrsActivity, Double odiPercent, List<Integer> odiSections,
            Integer rmdq, Integer pgic, @Required String notes, @Required String recordedAt) {
    }

    record CopiedForward(@Required String fromPlanId, @Required Integer fromSession, @Required String fromDate,
            @Required List<String> sites, @Required List<String> toConfirm, @Required List<DroppedSite> dropped) {
    }

    record DroppedSite(@Required String targetId, @Required Integer number, @Required String label,
            @Required DropReason reason, @Required String note) {
    }

    record Image(@Required String sopInstanceUid, String studyInstanceUid, String seriesInstanceUid,
            String description, @Required Integer frames, String path, Patient patient, String studyDate,
            Sides sides) {
    }

    /** Which way an image's edges face; absent when not known (and from files written before it was kept). */
    record Sides(@Required PatientDirection leftEdge, Double midlineX, @Required ImageSides.Source source,
            @Required String by) {
    }

    record Patient(@Required String id, @Required String name, String birthDate) {
    }

    record Target(@Required String id, @Required Integer number, @Required String label, String structureId,
            @Required Side side, SpinalLevel level, @Required ImageRef image, @Required Point point,
            Double depthMm, @Required String notes, @Required Calibration calibration) {
    }

    record Zone(@Required String id, @Required Integer number, @Required ZoneKind kind, @Required String name,
            @Required ImageRef image, @Required Shape shape, @Required Double marginMm,
            @Required Calibration calibration) {
    }

    record ImageRef(@Required String sopInstanceUid, @Required Integer frame) {
    }

    record Point(@Required Double x, @Required Double y) {
    }

    /** A zone shape, told apart by its {@code "type"}. */
    @JsonTypeInfo(use = JsonTypeInfo.Id.NAME, include = JsonTypeInfo.As.PROPERTY, property = "type")
    @JsonSubTypes({@JsonSubTypes.Type(value = Polygon.class, name = "polygon"),
        @JsonSubTypes.Type(value = Ellipse.class, name = "ellipse")})
    sealed interface Shape permits Polygon, Ellipse {
    }

    record Polygon(@Required List<Point> vertices) implements Shape {
    }

    record Ellipse(@Required Point centre, @Required Double radiusX, @Required Double radiusY,
            @Required Double angleDeg) implements Shape {
    }

    record Calibration(@Required MeasuredCalibration.Source source, Double mmPerPixelX, Double mmPerPixelY,
            Integer regionIndex, Double skinLineY) {
    }

    record Injection(@Required String id, @Required String targetId, @Required Boolean locked,
            @Required Approach approach, @Required Needle needle, @Required Solution solution,
            @Required Double volumeMl, NeedlePath path, @Required ProcedureRecord record) {
    }

    record Needle(@Required Integer gauge, Double lengthMm) {
    }

    record Solution(Double dextrosePercent, String anaesthetic, Double anaestheticPercent) {
    }

    record NeedlePath(@Required Point entry, @Required Calibration entryCalibration, Double imageEdgeX) {
    }

    record ProcedureRecord(@Required InjectionState state, String at, @Required String note) {
    }

    record ChecklistEntry(@Required ChecklistItem item, ChecklistAnswer answer, @Required String note) {
    }

    /** {@code blocksSignOff} is absent from files written before it (and from a plan's items that do not block). */
    record ChecklistItem(@Required String id, @Required String question, Boolean blocksSignOff) {
    }

    record FindingOverride(@Required String findingKey, Double measured, @Required String reason,
            @Required String author, @Required String at) {
    }

    /** A signature; {@code seal} is absent in files written before keyed signatures. */
    record Signature(@Required String signer, @Required String signedAt, @Required String contentSha256,
            Seal seal) {
    }

    /** The keyed part of a signature; {@code settings} is a clinic settings document. */
    record Seal(@Required String keyId, @Required JsonNode settings, @Required String value) {
    }

    record Amendment(@Required String reason, @Required String author, @Required String at,
            @Required Signature amended) {
    }

    record Settings(@Required String format, @Required Integer formatVersion, @Required Double defaultMarginMm,
            @Required List<Structure> catalogue, @Required List<Preset> presets,
            @Required List<ChecklistItem> checklist, @Required Limits limits, OrderWeights orderWeights, Drugs drugs,
            PlausibleScale plausibleMmPerPixel, CourseDefaults course, String aftercareText) {
    }

    /** The plausible mm per pixel; absent from files written before it (then the default applies). */
    record PlausibleScale(@Required Double min, @Required Double max) {
    }

    /** The course defaults; absent from files written before them (then the defaults apply). */
    record CourseDefaults(@Required Integer plannedSessions, @Required Integer maxIntervalDays) {
    }

    /** The order cost model's weights; absent from files written before them (then the defaults apply). */
    record OrderWeights(@Required Double levelWeight, @Required Double sideWeight,
            @Required Double imageChangeWeight, @Required Double orientationWeight,
            @Required Double reversalWeight) {
    }

    /**
     * A catalogue entry. {@code midline} is read from files written before {@code laterality} (and no longer
     * written); {@code laterality} and {@code levels} are absent from such files.
     */
    record Structure(@Required String id, @Required String name, StructureKind kind, String hackettCode,
            String snomedCode, Laterality laterality, Boolean midline,
            @Required Boolean levelled, List<String> levels, @Required Boolean userAdded) {
    }

    record Preset(@Required String name, @Required Solution solution, @Required Double volumeMl,
            @Required Needle needle, @Required Approach approach) {
    }

    /**
     * The limits. {@code maxAnaestheticMg} and {@code maxAnaestheticMgPerKg} (plain lidocaine) are read from
     * files written before the drug table (and no longer written).
     */
    record Limits(@Required Double needleReserveMm, @Required Double maxInsertionAngleDeg,
            @Required Double midlineNoGoDepthMm, @Required Double maxSiteVolumeMl,
            @Required Double maxSessionVolumeMl, Double maxAnaestheticMg, Double maxAnaestheticMgPerKg,
            @Required Integer minIntervalDays, Double maxEntryBelowSkinMm) {
    }

    /** The drug table; absent from files written before it. */
    record Drugs(@Required List<Anaesthetic> anaesthetics, @Required PercentRange dextrose) {
    }

    record Anaesthetic(@Required String name, @Required List<String> synonyms, @Required DoseLimit plain,
            @Required DoseLimit withVasoconstrictor, @Required PercentRange concentration) {
    }

    record DoseLimit(@Required Double mgPerKg, @Required Double maxMg) {
    }

    record PercentRange(@Required Double minPercent, @Required Double maxPercent) {
    }
}
