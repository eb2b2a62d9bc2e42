package org.injectionplanner.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import org.injectionplanner.plan.Anaesthetic;
import java.nio.charset.StandardCharsets;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.injectionplanner.plan.ChecklistItem;
import org.injectionplanner.plan.ClinicSettings;
import org.injectionplanner.plan.CourseDefaults;
import org.injectionplanner.plan.DrugTable;
import org.injectionplanner.plan.OrderWeights;
import org.injectionplanner.plan.PlanStatus;
import org.injectionplanner.plan.SafetyLimits;
import org.injectionplanner.plan.SessionPlan;
import org.injectionplanner.plan.SignatureStatus;
import org.injectionplanner.planfile.JsonDialect;
import org.injectionplanner.planfile.PlanJson;
import org.injectionplanner.planfile.SettingsJson;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Files written by the store before the plan format moved to {@code planfile} (test resources
 * {@code planfile/golden/}, written by that code from {@link TestPlans}) still read, and writing what was
 * read gives the same bytes: the canonical bytes that revision hashes and signatures cover are unchanged.
 * (The targets' depths in them were made to agree with their points and calibrations when depth became
 * derived: the sample's fixture depth 9.75 mm disagreed with its point, which now is an integrity error;
 * the hashes over them were recomputed.)
 */
class GoldenFilesTest {

    private static byte[] golden(String name) throws IOException {
        try (InputStream in = GoldenFilesTest.class.getResourceAsStream("/org/injectionplanner/planfile/golden/"
                + name)) {
            assertThat(in).as(name).isNotNull();
            return in.readAllBytes();
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"plan-sample.json", "plan-signed.json", "plan-random-1.json", "plan-random-2.json",
        "plan-random-3.json", "plan-random-4.json"})
    void plansReadAndWriteTheSameBytes(String name) throws Exception {
        byte[] bytes = golden(name);
        SessionPlan plan = PlanJson.read(bytes, name);
        assertThat(PlanJson.write(plan)).isEqualTo(bytes);
    }

    @Test
    void theSampleWritesAsBeforeAndItsOldSignatureStillHolds() throws Exception {
        assertThat(PlanJson.write(TestPlans.sample())).isEqualTo(golden("plan-sample.json"));
        SessionPlan signed = PlanJson.read(golden("plan-signed.json"), "plan-signed.json");
        assertThat(signed.status()).isEqualTo(PlanStatus.SIGNED);
        assertThat(SignOff.intact(signed)).isTrue();
        assertThat(signed.signature().contentSha256()).isEqualTo(PlanJson.plannedContentSha256(TestPlans.sample()));
        assertThat(signed.signature().seal()).isNull();
        assertThat(SignOff.status(signed, Keyring.EMPTY, null)).as("reported, neither trusted nor refused")
                .isEqualTo(SignatureStatus.UNKEYED);
    }

    @ParameterizedTest
    @ValueSource(strings = {"revision-000001.json", "revision-000002.json"})
    void revisionsReadIntactAndWriteTheSameBytes(String name) throws Exception {
        byte[] bytes = golden(name);
        RevisionFile.Parsed parsed = RevisionFile.parse(bytes, name);
        assertThat(parsed.contentIntact()).isTrue();
        RevisionHeader h = parsed.header();
        RevisionFile.Written again = RevisionFile.write(parsed.plan(), h.sequence(), h.savedAt(), h.author(),
                h.reason(), h.previousSha256());
        assertThat(again.bytes()).isEqualTo(bytes);
        assertThat(again.header()).isEqualTo(h);
        assertThat(JsonDialect.sha256(again.bytes())).isEqualTo(JsonDialect.sha256(bytes));
    }

    @ParameterizedTest
    @ValueSource(strings = {"autosave.json", "autosave-unsaved.json"})
    void autosavesReadAndWriteTheSameBytes(String name) throws Exception {
        byte[] bytes = golden(name);
        AutosaveFile.Parsed parsed = AutosaveFile.parse(bytes, name);
        assertThat(AutosaveFile.write(parsed.plan(), parsed.savedAt(), parsed.basedOnSequence())).isEqualTo(bytes);
    }

    /**
     * Settings files written before the entry tolerance and the course defaults existed read with their
     * defaults, and write back as they were with only those added: the tolerance after the interval, the
     * course defaults at the end.
     */
    @ParameterizedTest
    @ValueSource(strings = {"settings-defaults.json", "settings-custom.json"})
    void settingsReadAndWriteTheSameBytesPlusTheEntryTolerance(String name) throws Exception {
        byte[] bytes = golden(name);
        ClinicSettings settings = SettingsJson.read(bytes, name);
        assertThat(settings.limits().maxEntryBelowSkinMm()).isEqualTo(SafetyLimits.DEFAULT_MAX_ENTRY_BELOW_SKIN_MM);
        assertThat(settings.course()).isEqualTo(CourseDefaults.defaults());
        assertThat(new String(SettingsJson.write(settings), StandardCharsets.UTF_8))
                .isEqualTo(withLaterFields(new String(bytes, StandardCharsets.UTF_8)));
    }

    @Test
    void settingsWrittenBeforeTheDrugTableReadWithTheSourcedTableAndTheirLidocaineLimits() throws Exception {
        // the defaults of then (lidocaine 300 mg, 4.5 mg/kg) are the defaults of now
        // (and before the shallow no-go depth and the entry tolerance: its 40 mm stays, the tolerance defaults)
        SafetyLimits d = SafetyLimits.defaults();
        ClinicSettings thenDefaults = SettingsJson.read(golden("settings-before-drugs-defaults.json"), "d");
        assertThat(thenDefaults).isEqualTo(ClinicSettings.defaults().withLimits(new SafetyLimits(d.needleReserveMm(),
                d.maxInsertionAngleDeg(), 40, d.maxSiteVolumeMl(), d.maxSessionVolumeMl(), d.minIntervalDays(),
                d.maxEntryBelowSkinMm())).withPresets(thenDefaults.presets()));
        // a clinic's own lidocaine limits (250 mg, 4.0 mg/kg) are kept as plain lidocaine's, the rest sourced
        ClinicSettings custom = SettingsJson.read(golden("settings-before-drugs-custom.json"), "c");
        Anaesthetic lidocaine = custom.drugs().find("lidocaine").orElseThrow().drug();
        assertThat(lidocaine.plain()).isEqualTo(new Anaesthetic.DoseLimit(4.0, 250));
        assertThat(lidocaine.withVasoconstrictor()).isEqualTo(DrugTable.defaults().find("lidocaine with adrenaline")
                .orElseThrow().drug().withVasoconstrictor());
        assertThat(custom.drugs().anaesthetics().subList(1, custom.drugs().anaesthetics().size()))
                .isEqualTo(DrugTable.defaults().anaesthetics().subList(1, DrugTable.defaults().anaesthetics().size()));
        // it was written before the order weights too, so it has the default ones
        assertThat(custom).isEqualTo(SettingsJson.read(golden("settings-custom.json"), "c")
                .withOrderWeights(OrderWeights.defaults()));
    }

    @Test
    void theDefaultSettingsWriteAsBeforeButForTheShallowNoGoDepthTheEntryToleranceAndNeedleLengths()
            throws Exception {
        String before = new String(golden("settings-defaults.json"), StandardCharsets.UTF_8);
        assertThat(before).contains("\"midlineNoGoDepthMm\": 40.0,");
        String written = new String(SettingsJson.write(ClinicSettings.defaults()), StandardCharsets.UTF_8);
        // the default presets now carry their needle's length (issue 15), so no new injection lacks one
        assertThat(ClinicSettings.defaults().presets()).allSatisfy(p -> assertThat(p.needle().lengthMm()).isNotNull());
        String now = withLaterFields(before.replace("\"midlineNoGoDepthMm\": 40.0,",
                "\"midlineNoGoDepthMm\": 20.0,").replace(presets(before), presets(written)));
        assertThat(written).isEqualTo(now);
        assertThat(SettingsJson.read(now.getBytes(StandardCharsets.UTF_8), "d")).isEqualTo(ClinicSettings.defaults());
    }

    /**
     * The settings document as this build writes it: each checklist item with whether it blocks sign-off (the
     * default for its id), the entry tolerance after the interval, and the default plausible scale, course
     * defaults and an empty aftercare text at the end (settings written before them read with the defaults).
     */
    private static String withLaterFields(String settingsJson) {
        Matcher item = Pattern.compile("(\"id\": \"([a-z0-9-]+)\",\n( +)\"question\": "
                + "\"(?:[^\"\\\\]|\\\\.)*\")\n").matcher(settingsJson);
        String flagged = item.replaceAll(m -> Matcher.quoteReplacement(m.group(1) + ",\n" + m.group(3)
                + "\"blocksSignOff\": " + ChecklistItem.blocksByDefault(m.group(2)) + "\n"));
        String interval = "\"minIntervalDays\": ";
        int at = flagged.indexOf('\n', flagged.indexOf(interval));
        String withTolerance = flagged.substring(0, at) + ",\n    \"maxEntryBelowSkinMm\": 2.0"
                + flagged.substring(at);
        int end = withTolerance.lastIndexOf("\n}");
        return withTolerance.substring(0, end) + ",\n  \"plausibleMmPerPixel\": {\n    \"min\": 0.005,\n"
                + "    \"max\": 5.0\n  },\n  \"course\": {\n    \"plannedSessions\": 4,\n"
                + "    \"maxIntervalDays\": 42\n  },\n  \"aftercareText\": \"\"" + withTolerance.substring(end);
    }

    /** The {@code presets} array of a settings document as written, from its opening bracket to its closing one. */
    private static String presets(String settingsJson) {
        int start = settingsJson.indexOf("\"presets\": [");
        return settingsJson.substring(start, settingsJson.indexOf("\n  ],", start) + 5);
    }
}
