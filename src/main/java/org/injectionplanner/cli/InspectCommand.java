package org.injectionplanner.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.injectionplanner.dicom.DataSet;
import org.injectionplanner.dicom.DicomFile;
import org.injectionplanner.dicom.Tag;
import org.injectionplanner.dicom.UltrasoundCalibration;
import org.injectionplanner.dicom.UltrasoundRegion;

/** {@code inspect FILE}: prints the image's key attributes and ultrasound regions as JSON. */
final class InspectCommand implements Main.Command {

    /** The JSON writer, built on first use: Jackson's start-up is a good part of a short command's run time. */
    static final class Json {
        static final ObjectMapper MAPPER = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
    }

    @Override
    public String usage() {
        return "inspect FILE                 print the image's attributes and calibration as JSON";
    }

    @Override
    public int run(String[] args, PrintStream out) throws Exception {
        if (args.length != 1) {
            throw new Main.UsageException("inspect takes one FILE");
        }
        try (DicomFile file = DicomFile.open(Path.of(args[0]))) {
            out.println(Json.MAPPER.writeValueAsString(describe(file)));
        }
        return 0;
    }

    static Map<String, Object> describe(DicomFile file) {
        DataSet ds = file.dataSet();
        Map<String, Object> m = new LinkedHashMap<>();
        String sopClass = ds.getString(Tag.SOP_CLASS_UID);
        m.put("sopClassUid", sopClass != null ? sopClass : file.meta().getString(Tag.MEDIA_STORAGE_SOP_CLASS_UID));
        m.put("transferSyntaxUid", file.transferSyntax().uid());
        m.put("photometricInterpretation", ds.getString(Tag.PHOTOMETRIC_INTERPRETATION));
        m.put("rows", ds.getInteger(Tag.ROWS));
        m.put("columns", ds.getInteger(Tag.COLUMNS));
        m.put("frames", file.hasPixelData() ? file.frameCount() : null);
        m.put("samplesPerPixel", ds.getInteger(Tag.SAMPLES_PER_PIXEL));
        m.put("bitsAllocated", ds.getInteger(Tag.BITS_ALLOCATED));
        m.put("frameTimeMs", file.frameTiming().frameTimeMs());
        m.put("patientId", ds.getString(Tag.PATIENT_ID));
        m.put("studyInstanceUid", ds.getString(Tag.STUDY_INSTANCE_UID));
        m.put("seriesInstanceUid", ds.getString(Tag.SERIES_INSTANCE_UID));
        m.put("sopInstanceUid", ds.getString(Tag.SOP_INSTANCE_UID));
        UltrasoundCalibration cal = file.calibration();
        m.put("pixelSpacingMm", cal.pixelSpacing().map(s -> List.of(s[0], s[1])).orElse(null));
        List<Map<String, Object>> regions = new ArrayList<>();
        for (UltrasoundRegion r : cal.regions()) {
            Map<String, Object> rm = new LinkedHashMap<>();
            rm.put("x0", r.x0());
            rm.put("y0", r.y0());
            rm.put("x1", r.x1());
            rm.put("y1", r.y1());
            rm.put("spatialFormat", r.spatialFormat());
            rm.put("dataType", r.dataType());
            rm.put("unitsX", r.unitsX());
            rm.put("unitsY", r.unitsY());
            rm.put("physicalDeltaX", r.physicalDeltaX());
            rm.put("physicalDeltaY", r.physicalDeltaY());
            rm.put("mmPerPixelX", cal.mmPerPixelX(r));
            rm.put("mmPerPixelY", cal.mmPerPixelY(r));
            rm.put("problem", cal.problem(r));
            regions.add(rm);
        }
        m.put("regions", regions);
        if (!file.warnings().isEmpty()) {
            m.put("warnings", file.warnings());
        }
        return m;
    }
}
