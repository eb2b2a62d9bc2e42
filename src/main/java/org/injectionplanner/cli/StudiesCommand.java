package org.injectionplanner.cli;

import java.io.PrintStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import org.injectionplanner.dicom.StudyIndex;
import org.injectionplanner.dicom.UltrasoundCalibration;
import org.injectionplanner.dicom.UltrasoundRegion;

/**
 * {@code studies DIR [--json]}: lists what a folder (or file) holds as Open Ultrasound Study finds it:
 * patients, their studies, and the openable series of each (files, frames, calibration), then the
 * files left out and why.
 */
final class StudiesCommand implements Main.Command {

    @Override
    public String usage() {
        return "studies DIR [--json]         list the patients, studies and series a folder holds";
    }

    @Override
    public int run(String[] args, PrintStream out) throws Exception {
        boolean json = args.length == 2 && args[1].equals("--json");
        if (args.length != 1 && !json) {
            throw new Main.UsageException("studies takes DIR and optionally --json");
        }
        Path path = Path.of(args[0]);
        StudyIndex.ScanResult scan = StudyIndex.scan(path, (done, total) -> { }, () -> false);
        Map<String, Object> listing = describe(path, scan);
        if (json) {
            out.println(InspectCommand.Json.MAPPER.writeValueAsString(listing));
        } else {
            printText(scan, out);
        }
        return 0;
    }

    /** The JSON form: {@code {path, patients: [{patientId, patientName, studies: [{..., series: [...]}]}], ...}}. */
    private static Map<String, Object> describe(Path path, StudyIndex.ScanResult scan) {
        Map<String, Map<String, Object>> patients = new LinkedHashMap<>();
        Map<String, List<Map<String, Object>>> seriesOfStudy = new LinkedHashMap<>();
        for (StudyIndex.OpenableSeries s : scan.series()) {
            StudyIndex.Instance f = s.first();
            Map<String, Object> patient = patients.computeIfAbsent(f.patientId() + "|" + f.patientName(), k -> {
                Map<String, Object> p = new LinkedHashMap<>();
                p.put("patientId", f.patientId());
                p.put("patientName", f.patientName());
                p.put("studies", new ArrayList<Map<String, Object>>());
                return p;
            });
            List<Map<String, Object>> series = seriesOfStudy.computeIfAbsent(f.studyUid(), k -> {
                Map<String, Object> study = new LinkedHashMap<>();
                study.put("studyInstanceUid", f.studyUid());
                study.put("studyDate", f.studyDate());
                study.put("studyDescription", f.studyDescription());
                List<Map<String, Object>> list = new ArrayList<>();
                study.put("series", list);
                studies(patient).add(study);
                return list;
            });
            series.add(series(s));
        }
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("path", path.toString());
        m.put("patients", new ArrayList<>(patients.values()));
        m.put("skippedFiles", scan.skippedFiles());
        m.put("problems", scan.problems());
        m.put("warnings", scan.warnings());
        return m;
    }

    @SuppressWarnings("unchecked")
    private static List<Map<String, Object>> studies(Map<String, Object> patient) {
        return (List<Map<String, Object>>) patient.get("studies");
    }

    private static Map<String, Object> series(StudyIndex.OpenableSeries s) {
        StudyIndex.Instance f = s.first();
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("seriesInstanceUid", f.seriesUid());
        m.put("seriesNumber", f.seriesNumber());
        m.put("seriesDescription", f.seriesDescription());
        m.put("modality", f.modality());
        m.put("description", s.description());
        m.put("rows", f.rows());
        m.put("columns", f.columns());
        m.put("encoding", f.encoding());
        m.put("frames", s.frames());
        m.put("files", s.instances().stream().map(i -> i.file().toString()).toList());
        m.put("calibration", calibration(f.calibration()));
        m.put("warnings", s.instances().stream().flatMap(i -> i.warnings().stream()
                .map(w -> i.file().getFileName() + ": " + w)).toList());
        return m;
    }

    /**
     * The first file's scales: {@code {regions: [{region, mmPerPixelX, mmPerPixelY}], pixelSpacingMm,
     * problems}}, regions being those that give mm (numbered from 1), pixelSpacingMm [row, column] or null.
     */
    private static Map<String, Object> calibration(UltrasoundCalibration cal) {
        Map<String, Object> m = new LinkedHashMap<>();
        List<Map<String, Object>> regions = new ArrayList<>();
        for (UltrasoundRegion r : cal.spatialRegions()) {
            Map<String, Object> rm = new LinkedHashMap<>();
            rm.put("region", r.index() + 1);
            rm.put("mmPerPixelX", cal.mmPerPixelX(r));
            rm.put("mmPerPixelY", cal.mmPerPixelY(r));
            regions.add(rm);
        }
        m.put("regions", regions);
        m.put("pixelSpacingMm", cal.pixelSpacing().map(s -> List.of(s[0], s[1])).orElse(null));
        m.put("problems", cal.problems());
        return m;
    }

    private static void printText(StudyIndex.ScanResult scan, PrintStream out) {
        String patient = null;
        String study = null;
        for (StudyIndex.OpenableSeries s : scan.series()) {
            StudyIndex.Instance f = s.first();
            String p = "Patient " + orQuestion(f.patientId()) + (f.patientName() == null ? "" : " (" + f.patientName()
                    + ")");
            if (!p.equals(patient)) {
                out.println(p);
                patient = p;
                study = null;
            }
            if (!f.studyUid().equals(study)) {
                out.println("  Study " + orQuestion(f.studyDate()) + " " + orQuestion(f.studyDescription()) + " ["
                        + f.studyUid() + "]");
                study = f.studyUid();
            }
            out.println("    " + s.description() + ", " + s.instances().size() + " file"
                    + (s.instances().size() == 1 ? "" : "s") + ", " + calibrationLine(f.calibration()));
            for (StudyIndex.Instance i : s.instances()) {
                out.println("      " + i.file());
                for (String w : i.warnings()) {
                    out.println("        warning: " + w);
                }
            }
        }
        out.println(scan.series().size() + " series; " + scan.skippedFiles() + " files skipped");
        for (String problem : scan.problems()) {
            out.println("problem: " + problem);
        }
        for (String warning : scan.warnings()) {
            out.println("warning: " + warning);
        }
    }

    private static String calibrationLine(UltrasoundCalibration cal) {
        List<String> scales = new ArrayList<>();
        for (UltrasoundRegion r : cal.spatialRegions()) {
            scales.add(String.format(Locale.ROOT, "region %d %.5f × %.5f mm/pixel", r.index() + 1,
                    cal.mmPerPixelX(r), cal.mmPerPixelY(r)));
        }
        if (cal.regions().isEmpty()) {
            cal.pixelSpacing().ifPresent(s -> scales.add(String.format(Locale.ROOT,
                    "Pixel Spacing %.5f × %.5f mm/pixel", s[1], s[0])));
        }
        String problems = cal.problems().isEmpty() ? "" : " (" + String.join("; ", cal.problems()) + ")";
        return (scales.isEmpty() ? "uncalibrated" : "calibrated: " + String.join(", ", scales)) + problems;
    }

    private static String orQuestion(String s) {
        return Objects.requireNonNullElse(s, "?");
    }
}
