package org.injectionplanner.dicom;

import java.util.HexFormat;

/**
 * A text listing of a data set, one attribute per line as {@code (gggg,eeee) VR Name: value}, with
 * sequence items indented by {@code >} per level (the form ImageJ's Image>Show Info uses).
 */
public final class DicomDump {

    private static final int MAX_VALUE_CHARS = 96;

    private DicomDump() {
    }

    /** Lists the file meta and data set of a file. */
    public static String of(DicomFile file) {
        StringBuilder sb = new StringBuilder();
        append(sb, file.meta(), 0);
        append(sb, file.dataSet(), 0);
        return sb.toString();
    }

    /** Lists a data set. */
    public static String of(DataSet ds) {
        StringBuilder sb = new StringBuilder();
        append(sb, ds, 0);
        return sb.toString();
    }

    private static void append(StringBuilder sb, DataSet ds, int depth) {
        for (Element e : ds.elements()) {
            sb.append(Tag.toString(e.tag()).substring(1, 10)).append("  ");
            sb.append(">".repeat(depth));
            sb.append(Dictionary.nameOf(e.tag())).append(" [").append(e.vr()).append("]: ");
            if (e.items() != null) {
                sb.append(e.items().size()).append(e.items().size() == 1 ? " item" : " items").append('\n');
                for (int i = 0; i < e.items().size(); i++) {
                    sb.append("FFFE,E000  ").append(">".repeat(depth + 1)).append("Item ").append(i + 1)
                            .append('\n');
                    append(sb, e.items().get(i), depth + 1);
                }
                continue;
            }
            sb.append(valueText(ds, e)).append('\n');
        }
    }

    private static String valueText(DataSet ds, Element e) {
        if (e.bulk() != null) {
            return e.bulk().encapsulated()
                    ? "encapsulated, " + e.bulk().fragments().size() + " fragments, " + e.bulk().length() + " bytes"
                    : e.bulk().length() + " bytes at offset " + e.bulk().offset();
        }
        byte[] v = e.value();
        if (v == null) {
            return "";
        }
        String text = switch (e.vr()) {
            case US, SS, UL, SL, FL, FD, AT -> numbers(ds, e);
            case OB, OW, OF, OD, OL, OV, UN, SV, UV -> v.length <= 16
                    ? HexFormat.ofDelimiter(" ").formatHex(v) : v.length + " bytes";
            default -> ds.getText(e.tag());
        };
        if (text == null) {
            return "";
        }
        text = text.replace('\n', ' ').replace('\r', ' ');
        return text.length() > MAX_VALUE_CHARS ? text.substring(0, MAX_VALUE_CHARS) + "…" : text;
    }

    private static String numbers(DataSet ds, Element e) {
        if (e.vr() == Vr.AT) {
            byte[] v = e.value();
            StringBuilder sb = new StringBuilder();
            for (int i = 0; i + 3 < v.length; i += 4) {
                int g = (v[i] & 0xFF) | (v[i + 1] & 0xFF) << 8;
                int el = (v[i + 2] & 0xFF) | (v[i + 3] & 0xFF) << 8;
                sb.append(i > 0 ? "\\" : "").append(Tag.toString(g << 16 | el));
            }
            return sb.toString();
        }
        double[] values = ds.getDoubles(e.tag());
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < values.length && i < 16; i++) {
            double d = values[i];
            sb.append(i > 0 ? "\\" : "");
            sb.append(d == Math.rint(d) && Math.abs(d) < 1e15 ? Long.toString((long) d) : Double.toString(d));
        }
        if (values.length > 16) {
            sb.append("\\… (").append(values.length).append(" values)");
        }
        return sb.toString();
    }
}
