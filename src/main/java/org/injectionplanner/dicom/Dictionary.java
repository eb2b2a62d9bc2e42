package org.injectionplanner.dicom;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;

/**
 * The standard data dictionary: VR (for implicit-VR files) and name of every standard tag. Loaded once
 * from {@code dictionary.tsv}, generated from the DICOM standard as packaged by pydicom.
 */
public final class Dictionary {

    private record Entry(Vr vr, String keyword, String name) {
    }

    private static final Map<Integer, Entry> ENTRIES = load();

    private Dictionary() {
    }

    private static Map<Integer, Entry> load() {
        Map<Integer, Entry> map = new HashMap<>(8192);
        try (InputStream in = Dictionary.class.getResourceAsStream("dictionary.tsv")) {
            if (in == null) {
                throw new IllegalStateException("dictionary.tsv missing from the plugin jar");
            }
            BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
            for (String line; (line = reader.readLine()) != null; ) {
                if (line.startsWith("#")) {
                    continue;
                }
                String[] f = line.split("\t", -1);
                Vr vr = f[1].length() == 2 ? Vr.valueOf(f[1]) : Vr.UN;
                map.put(Integer.parseUnsignedInt(f[0], 16), new Entry(vr, f[3], f[4]));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return map;
    }

    /** The dictionary VR of a tag; UN for private and unknown tags, UL for group lengths. */
    public static Vr vrOf(int tag) {
        if ((tag & 0xFFFF) == 0) {
            return Vr.UL;
        }
        if (Tag.isPrivate(tag)) {
            return (tag & 0xFF00) == 0 && (tag & 0xFF) >= 0x10 ? Vr.LO : Vr.UN;
        }
        Entry e = ENTRIES.get(tag);
        return e == null ? Vr.UN : e.vr();
    }

    /** The attribute's name, e.g. "Physical Delta X", or "Private Tag"/"Unknown Tag". */
    public static String nameOf(int tag) {
        if (Tag.isPrivate(tag)) {
            return (tag & 0xFF00) == 0 && (tag & 0xFF) >= 0x10 ? "Private Creator" : "Private Tag";
        }
        if ((tag & 0xFFFF) == 0) {
            return "Group Length";
        }
        Entry e = ENTRIES.get(tag);
        return e == null ? "Unknown Tag" : e.name();
    }
}
