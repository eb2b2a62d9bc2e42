package org.injectionplanner.export;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.StringReader;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.injectionplanner.plan.SessionPlan;
import org.injectionplanner.store.TestPlans;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class CsvExportTest {

    /** The records of a CSV text as Commons CSV parses it back under RFC 4180. */
    private static List<CSVRecord> parse(String csv) throws IOException {
        return CSVFormat.RFC4180.parse(new StringReader(csv)).getRecords();
    }

    private static String cell(CSVRecord header, CSVRecord row, String column) {
        return row.get(header.toList().indexOf(column));
    }

    @Test
    void oneRowPerInjectionInSessionOrderWithTheMapsValues() throws IOException {
        List<CSVRecord> records = parse(ExportFixtures.csv(ExportFixtures.plan(), false));
        CSVRecord header = records.get(0);
        assertThat(header.toList()).startsWith(CsvExport.COLUMNS.toArray(String[]::new))
                .endsWith(CsvExport.IDENTIFYING_COLUMNS.toArray(String[]::new));
        assertThat(records).hasSize(4);
        CSVRecord t1 = records.get(1);
        // T1: (140.5 − 42.5) px × 0.08 = 7.84 mm deep, shown 7.9 (up); the path from (250.5, 42.5) is
        // √(6.175² + 7.84²) = 9.98 mm long, shown 10.0 (up), at atan(7.84 / 6.175) = 51.8°; the clearance is the
        // map's, rounded down
        SessionPlan plan = ExportFixtures.plan();
        double clearance = ExportFixtures.map(plan).injections().get(0).minClearanceMm();
        assertThat(clearance).isBetween(1.8, 1.9);
        assertThat(t1.toList()).containsExactly("1", "T1", "L4/5 supraspinous", "Supraspinous ligament", "Midline",
                "L4/L5", "in-plane", "25", "38.1", "dextrose 15 % + lidocaine 0.2 %", "0.5", "7.9", "10.0", "52",
                "1.8", "done", ExportFixtures.SOP, "3", "312.25", "140.5", "31.225", "11.24", "PID-4711",
                "Doe, Jane", "1970-01-02", "prefers the left side", "");
        assertThat(records.get(2).toList().subList(0, 3)).containsExactly("2", "T2", "T2");
        assertThat(records.get(3).toList().subList(0, 3)).containsExactly("3", "T3", "T3");
    }

    @Test
    void uncalibratedValuesSaySoAndAreNeverGuessed() throws IOException {
        List<CSVRecord> records = parse(ExportFixtures.csv(ExportFixtures.plan(), false));
        CSVRecord header = records.get(0);
        CSVRecord t2 = records.get(2);
        for (String column : List.of("depth_mm", "min_clearance_mm", "x_mm", "y_mm")) {
            assertThat(cell(header, t2, column)).as(column).isEqualTo(CsvExport.NOT_CALIBRATED);
        }
        assertThat(cell(header, t2, "path_length_mm")).isEmpty();
        assertThat(cell(header, t2, "needle_length_mm")).isEmpty();
        assertThat(cell(header, t2, "x_px")).isEqualTo("100");
        assertThat(cell(header, t2, "status")).isEqualTo("skipped");
        assertThat(cell(header, t2, "status_note")).isEqualTo("fainted");
        CSVRecord t3 = records.get(3);
        assertThat(cell(header, t3, "depth_mm")).isEqualTo(CsvExport.NO_SKIN_LINE);
        assertThat(cell(header, t3, "x_mm")).isEqualTo("-1.25");
        assertThat(cell(header, t3, "x_px")).isEqualTo("-12.5");
        assertThat(cell(header, t3, "min_clearance_mm")).isEmpty();
        assertThat(cell(header, t3, "structure")).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {"=", "+", "-", "@"})
    void textStartingLikeAFormulaGetsAnApostrophe(String start) throws IOException {
        String payload = start + "HYPERLINK(\"http://x\",\"y\")";
        SessionPlan plan = ExportFixtures.plan(payload, start + "cmd", start + "caine");
        List<CSVRecord> records = parse(ExportFixtures.csv(plan, false));
        CSVRecord header = records.get(0);
        CSVRecord t1 = records.get(1);
        assertThat(cell(header, t1, "site")).isEqualTo("'" + payload);
        assertThat(cell(header, t1, "structure")).isEqualTo("'" + start + "cmd");
        assertThat(cell(header, t1, "solution")).isEqualTo("dextrose 15 % + " + start + "caine 0.2 %");
        for (CSVRecord r : records) {
            for (String value : r) {
                assertThat(value).as("a cell of %s", r).doesNotStartWith(start + "HYPERLINK")
                        .doesNotStartWith(start + "cmd");
            }
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"\t", "\r", "=", "+", "-", "@"})
    void notesStartingLikeAFormulaGetAnApostrophe(String start) throws IOException {
        SessionPlan base = ExportFixtures.plan();
        SessionPlan plan = base.withTarget(base.targets().get(0).describedAs("T1", "supraspinous",
                base.targets().get(0).side(), base.targets().get(0).level(), start + "cmd|' /C calc'!A0"));
        List<CSVRecord> records = parse(ExportFixtures.csv(plan, false));
        assertThat(cell(records.get(0), records.get(1), "notes")).isEqualTo("'" + start + "cmd|' /C calc'!A0");
    }

    @Test
    void negativeNumbersAreNumbersNotEscapedText() throws IOException {
        List<CSVRecord> records = parse(ExportFixtures.csv(ExportFixtures.plan(), true));
        assertThat(cell(records.get(0), records.get(3), "x_px")).isEqualTo("-12.5");
    }

    @Test
    void commasQuotesAndLineBreaksAreQuotedAsRfc4180Says() throws IOException {
        String label = "L4, \"the\" site";
        SessionPlan base = ExportFixtures.plan(label, "supraspinous", "lidocaine");
        String notes = "line one,\r\nline \"two\"\nthree";
        SessionPlan plan = base.withTarget(base.targets().get(0).describedAs(label, "supraspinous",
                base.targets().get(0).side(), base.targets().get(0).level(), notes));
        String csv = ExportFixtures.csv(plan, false);
        assertThat(csv).contains(",\"L4, \"\"the\"\" site\",")
                .contains("\"line one,\r\nline \"\"two\"\"\nthree\"")
                .startsWith(String.join(",", CsvExport.COLUMNS) + ",")
                .endsWith("\r\n");
        List<CSVRecord> records = parse(csv);
        assertThat(records).hasSize(4);
        assertThat(cell(records.get(0), records.get(1), "site")).isEqualTo(label);
        assertThat(cell(records.get(0), records.get(1), "notes")).isEqualTo(notes);
        assertThat(records).allSatisfy(r -> assertThat(r.size()).isEqualTo(records.get(0).size()));
    }

    @Test
    void numbersHaveADotUnderACommaDecimalLocale() throws IOException {
        Locale before = Locale.getDefault();
        String csv;
        try {
            Locale.setDefault(Locale.GERMANY);
            assertThat(String.format("%.1f", 0.5)).isEqualTo("0,5");
            csv = ExportFixtures.csv(ExportFixtures.plan(), false);
        } finally {
            Locale.setDefault(before);
        }
        assertThat(csv).isEqualTo(ExportFixtures.csv(ExportFixtures.plan(), false));
        List<CSVRecord> records = parse(csv);
        CSVRecord header = records.get(0);
        CSVRecord t1 = records.get(1);
        for (String column : List.of("needle_length_mm", "volume_ml", "depth_mm", "path_length_mm",
                "min_clearance_mm", "x_px", "y_px", "x_mm", "y_mm")) {
            String value = cell(header, t1, column);
            assertThat(value).as(column).matches("-?[0-9]+(\\.[0-9]+)?");
            assertThat(Double.parseDouble(value)).as(column).isFinite();
        }
        assertThat(Double.parseDouble(cell(header, t1, "volume_ml"))).isEqualTo(0.5);
        assertThat(Double.parseDouble(cell(header, t1, "y_mm"))).isEqualTo(11.24);
    }

    @Test
    void theDeidentifiedCsvHasNoPatientNotesOrOriginalUids() throws IOException {
        SessionPlan plan = ExportFixtures.plan();
        String identified = ExportFixtures.csv(plan, false);
        assertThat(identified).contains("PID-4711", "Doe, Jane", "1970-01-02", "prefers the left side", "fainted");
        String csv = ExportFixtures.csv(plan, true);
        byte[] bytes = csv.getBytes(StandardCharsets.UTF_8);
        for (String value : ExportFixtures.IDENTIFYING) {
            assertThat(new String(bytes, StandardCharsets.UTF_8)).as(value).doesNotContain(value);
        }
        List<CSVRecord> records = parse(csv);
        assertThat(records.get(0).toList()).containsExactlyElementsOf(CsvExport.COLUMNS);
        List<String> uids = records.subList(1, 4).stream().map(r -> cell(records.get(0), r, "sop_instance_uid"))
                .distinct().toList();
        assertThat(uids).hasSize(1);
        assertThat(uids.get(0)).matches("2\\.25\\.[1-9][0-9]*");
        assertThat(cell(records.get(0), records.get(1), "site")).isEqualTo("L4/5 supraspinous");
    }

    @Test
    void randomPlansGiveOneWellFormedRowPerInjection() throws IOException {
        for (int seed = 0; seed < 200; seed++) {
            SessionPlan plan = TestPlans.random(new Random(seed));
            for (boolean deidentify : new boolean[] {false, true}) {
                List<CSVRecord> records = parse(ExportFixtures.csv(plan, deidentify));
                assertThat(records).as("seed %d", seed).hasSize(plan.injections().size() + 1);
                int columns = records.get(0).size();
                assertThat(records).allSatisfy(r -> assertThat(r.size()).isEqualTo(columns));
                for (int i = 1; i < records.size(); i++) {
                    String x = cell(records.get(0), records.get(i), "x_px");
                    assertThat(new BigDecimal(x).doubleValue()).as("seed %d", seed)
                            .isEqualTo(plan.targetOf(plan.injections().get(i - 1)).point().x());
                }
            }
        }
    }

    @Test
    void aMapOfAnotherPlanIsRefused() {
        SessionPlan plan = ExportFixtures.plan();
        SessionPlan other = plan.withoutInjection(plan.injections().get(0).id())
                .withoutTarget(plan.targets().get(0).id());
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> CsvExport.write(ExportFixtures.map(plan), other,
                        false, new java.io.StringWriter()))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("not in plan " + plan.id());
    }
}
