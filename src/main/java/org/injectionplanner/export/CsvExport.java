package org.injectionplanner.export;

import java.io.IOException;
import java.io.Writer;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.injectionplanner.plan.Decimals;
import org.injectionplanner.plan.MeasuredCalibration;
import org.injectionplanner.plan.Patient;
import org.injectionplanner.plan.SessionPlan;
import org.injectionplanner.plan.Target;
import org.injectionplanner.sessionmap.SessionMap;
import org.injectionplanner.sessionmap.SessionMap.InjectionEntry;

/**
 * The CSV export of a session (docs/exports.md, *CSV*): one row per injection in session order, taken from
 * the {@link SessionMap} (the one computation of what each injection gives), after a header row. RFC 4180:
 * comma-separated, fields with commas, quotes or line breaks quoted, CRLF between records; the caller
 * writes the characters as UTF-8. Numbers have a dot as decimal separator whatever the default locale;
 * measured values are rounded as the session map shows them — depth and path length up and clearance down
 * to 0.1 mm (toward the unsafe side, {@link Decimals}), the angle to whole degrees — while entered values
 * and pixel coordinates are exact, and positions in mm are given to 0.001 mm. An mm value the calibration
 * cannot give is {@value #NOT_CALIBRATED} (a depth without a skin line {@value #NO_SKIN_LINE}), never a
 * guess. Every text taken from the plan that starts with
 * {@code =}, {@code +}, {@code -}, {@code @}, tab or carriage return gets a leading apostrophe, so a
 * spreadsheet shows it instead of running it as a formula (OWASP CSV injection). Thread-safe.
 */
public final class CsvExport {

    /** What stands where an mm value (or angle) cannot be given because the annotation is uncalibrated. */
    public static final String NOT_CALIBRATED = "not calibrated";

    /** The depth of a calibrated target whose region has no skin line to measure from. */
    public static final String NO_SKIN_LINE = "no skin line";

    /** What stands where a derived number is too large for a double (never in a plan made on images). */
    public static final String OUT_OF_RANGE = "out of range";

    /** The columns of every export, in order. */
    public static final List<String> COLUMNS = List.of("position", "target", "site", "structure", "side", "level",
            "approach", "needle_gauge", "needle_length_mm", "solution", "volume_ml", "depth_mm", "path_length_mm",
            "angle_deg", "min_clearance_mm", "status", "sop_instance_uid", "frame", "x_px", "y_px", "x_mm", "y_mm");

    /** The columns added after {@link #COLUMNS} when the export is not de-identified. */
    public static final List<String> IDENTIFYING_COLUMNS = List.of("patient_id", "patient_name",
            "patient_birth_date", "notes", "status_note");

    /** The first characters that make a spreadsheet treat a cell as a formula. */
    private static final String FORMULA_STARTS = "=+-@\t\r";

    private CsvExport() {
    }

    /**
     * Writes the CSV of a plan's session map, de-identified with a new {@link Deidentifier} when asked.
     *
     * @throws IOException if {@code out} fails
     */
    public static void write(SessionMap map, SessionPlan plan, boolean deidentify, Writer out) throws IOException {
        write(map, plan, deidentify ? new Deidentifier() : null, out);
    }

    /**
     * Writes the CSV of a plan's session map.
     *
     * @param map the session map of {@code plan}
     * @param plan the plan (for the targets' positions and calibrations, the patient and the notes)
     * @param deidentifier the de-identification of this export (shared by all its files: it maps the SOP
     *        Instance UIDs), or null for the identified form, which adds {@link #IDENTIFYING_COLUMNS}
     * @param out where the characters go; flushed, not closed
     * @throws IllegalArgumentException if the map holds an injection whose target is not in the plan
     * @throws IOException if {@code out} fails
     */
    public static void write(SessionMap map, SessionPlan plan, Deidentifier deidentifier, Writer out)
            throws IOException {
        List<String> header = new ArrayList<>(COLUMNS);
        if (deidentifier == null) {
            header.addAll(IDENTIFYING_COLUMNS);
        }
        CSVPrinter printer = new CSVPrinter(out, CSVFormat.RFC4180);
        printer.printRecord(header);
        Patient patient = plan.patient().orElse(null);
        for (InjectionEntry e : map.injections()) {
            Target t = plan.target(e.targetId()).orElseThrow(() -> new IllegalArgumentException(
                    "the session map holds target " + e.targetId() + ", which is not in plan " + plan.id()));
            printer.printRecord(row(e, t, plan, patient, deidentifier));
        }
        printer.flush();
    }

    private static List<String> row(InjectionEntry e, Target t, SessionPlan plan, Patient patient,
            Deidentifier deidentifier) {
        MeasuredCalibration cal = t.calibration();
        boolean calibrated = cal.scale().isPresent();
        List<String> row = new ArrayList<>();
        row.add(Integer.toString(e.position()));
        row.add("T" + e.targetNumber());
        row.add(text(e.label()));
        row.add(text(e.structure()));
        row.add(e.side().label());
        row.add(e.level() == null ? "" : e.level().label());
        row.add(e.approach().label());
        row.add(Integer.toString(e.needle().gauge()));
        row.add(e.needle().lengthMm() == null ? "" : exact(e.needle().lengthMm()));
        row.add(text(e.solution().description()));
        row.add(exact(e.volumeMl()));
        row.add(e.depthMm() == null && calibrated ? NO_SKIN_LINE : measured(e.depthMm(), Decimals::ceilTenth));
        row.add(e.path() == null ? "" : measured(e.pathLengthMm(), Decimals::ceilTenth));
        row.add(e.path() == null ? "" : measured(e.angleDeg(), v -> Decimals.text(v, 0)));
        row.add(!calibrated ? NOT_CALIBRATED : e.minClearanceMm() == null ? ""
                : rounded(e.minClearanceMm(), Decimals::floorTenth));
        row.add(e.state().name().toLowerCase(Locale.ROOT));
        row.add(text(deidentifier == null ? e.image().sopInstanceUid() : deidentifier.uid(e.image().sopInstanceUid())));
        row.add(Integer.toString(e.image().frame()));
        row.add(exact(t.point().x()));
        row.add(exact(t.point().y()));
        row.add(calibrated ? rounded(t.point().x() * cal.mmPerPixelX(), v -> Decimals.text(v, 3)) : NOT_CALIBRATED);
        row.add(calibrated ? rounded(t.point().y() * cal.mmPerPixelY(), v -> Decimals.text(v, 3)) : NOT_CALIBRATED);
        if (deidentifier == null) {
            row.add(patient == null ? "" : text(patient.id()));
            row.add(patient == null ? "" : text(patient.displayName()));
            row.add(patient == null || patient.birthDate() == null ? "" : patient.birthDate().toString());
            row.add(text(t.notes()));
            row.add(text(plan.injection(e.injectionId()).map(i -> i.record().note()).orElse("")));
        }
        return row;
    }

    /** A value measured in mm (or degrees): {@value #NOT_CALIBRATED} when null. */
    private static String measured(Double value, Rounding rounding) {
        return value == null ? NOT_CALIBRATED : rounded(value, rounding);
    }

    /** A derived value rounded as shown, or {@value #OUT_OF_RANGE} when it overflowed a double. */
    private static String rounded(double value, Rounding rounding) {
        return Double.isFinite(value) ? rounding.text(value) : OUT_OF_RANGE;
    }

    /** A number as stored, with a dot and without exponent or trailing zeros ("38.1", "0.25", "15"). */
    private static String exact(double value) {
        return BigDecimal.valueOf(value).stripTrailingZeros().toPlainString();
    }

    /**
     * A text with an apostrophe before it when it starts like a formula ({@code = + - @}, tab, carriage
     * return), as OWASP's CSV-injection guidance asks.
     */
    private static String text(String value) {
        return !value.isEmpty() && FORMULA_STARTS.indexOf(value.charAt(0)) >= 0 ? "'" + value : value;
    }

    /** How a number is rounded for its column. */
    @FunctionalInterface
    private interface Rounding {
        String text(double value);
    }
}
