package org.injectionplanner.dicom;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

/**
 * Finds which fragments of encapsulated pixel data make up each frame (PS3.5 A.4): from the Extended
 * Offset Table, else the Basic Offset Table, else one fragment per frame when the counts match, else
 * by the start of each frame's bitstream (JPEG SOI, JPEG 2000 SOC or JP2 signature, RLE header).
 * The frames found may be fewer than Number of Frames (an offset table or bitstreams that list fewer),
 * or more (bitstreams found beyond it): the caller decides what to tell.
 */
final class FrameLocator {

    private FrameLocator() {
    }

    static List<List<BulkData.Fragment>> locate(BulkData bulk, DataSet ds, int frames, TransferSyntax.Codec codec,
            ByteSource source, Function<String, DicomException> fail) throws DicomException {
        List<BulkData.Fragment> fragments = bulk.fragments();
        if (fragments.isEmpty()) {
            throw fail.apply("encapsulated Pixel Data holds no fragments");
        }
        long firstItem = fragments.get(0).itemOffset();
        byte[] extendedRaw = ds.getBytes(Tag.EXTENDED_OFFSET_TABLE);
        if (extendedRaw != null && extendedRaw.length >= 8 && frames > 0) {
            long[] offsets = new long[extendedRaw.length / 8];
            for (int i = 0; i < offsets.length; i++) {
                long v = 0;
                for (int b = 7; b >= 0; b--) {
                    v = v << 8 | (extendedRaw[8 * i + b] & 0xFF);
                }
                offsets[i] = v;
            }
            return byOffsets(fragments, firstItem, offsets, frames, "Extended Offset Table", fail);
        }
        if (bulk.basicOffsetTable().length > 0 && frames > 1) {
            return byOffsets(fragments, firstItem, bulk.basicOffsetTable(), frames, "Basic Offset Table", fail);
        }
        if (frames == 1) {
            return List.of(fragments);
        }
        if (fragments.size() == frames) {
            List<List<BulkData.Fragment>> out = new ArrayList<>(frames);
            for (BulkData.Fragment f : fragments) {
                out.add(List.of(f));
            }
            return out;
        }
        return byBitstreamStart(fragments, codec, source, fail);
    }

    /** The frames an offset table gives: as many as Number of Frames, or as it lists when it lists fewer. */
    private static List<List<BulkData.Fragment>> byOffsets(List<BulkData.Fragment> fragments, long firstItem,
            long[] offsets, int declared, String table, Function<String, DicomException> fail)
            throws DicomException {
        int frames = Math.min(declared, offsets.length);
        List<List<BulkData.Fragment>> out = new ArrayList<>(frames);
        int f = 0;
        for (int frame = 0; frame < frames; frame++) {
            long start = offsets[frame];
            long end = frame + 1 < offsets.length ? offsets[frame + 1] : Long.MAX_VALUE;
            if (end < start) {
                throw fail.apply(table + " offsets decrease at frame " + (frame + 2));
            }
            List<BulkData.Fragment> parts = new ArrayList<>();
            while (f < fragments.size() && fragments.get(f).itemOffset() - firstItem < start) {
                f++;
            }
            if (f >= fragments.size() || fragments.get(f).itemOffset() - firstItem != start) {
                throw fail.apply(table + " offset " + start + " of frame " + (frame + 1)
                        + " does not point at a fragment");
            }
            while (f < fragments.size() && fragments.get(f).itemOffset() - firstItem < end) {
                parts.add(fragments.get(f++));
            }
            out.add(parts);
        }
        return out;
    }

    private static List<List<BulkData.Fragment>> byBitstreamStart(List<BulkData.Fragment> fragments,
            TransferSyntax.Codec codec, ByteSource source, Function<String, DicomException> fail)
            throws DicomException {
        List<List<BulkData.Fragment>> out = new ArrayList<>();
        byte[] head = new byte[12];
        for (BulkData.Fragment f : fragments) {
            int n = Math.min(head.length, f.length());
            try {
                source.read(f.offset(), head, 0, n);
            } catch (IOException e) {
                throw fail.apply("cannot read fragment at byte " + f.offset() + ": " + e.getMessage());
            }
            if (out.isEmpty() || startsFrame(head, n, codec)) {
                out.add(new ArrayList<>());
            }
            out.get(out.size() - 1).add(f);
        }
        return out;
    }

    private static boolean startsFrame(byte[] h, int n, TransferSyntax.Codec codec) {
        if (n < 4) {
            return false;
        }
        int b0 = h[0] & 0xFF;
        int b1 = h[1] & 0xFF;
        return switch (codec) {
            case RLE -> {
                int segments = b0 | b1 << 8 | (h[2] & 0xFF) << 16 | (h[3] & 0xFF) << 24;
                int first = n >= 8 ? (h[4] & 0xFF) | (h[5] & 0xFF) << 8 | (h[6] & 0xFF) << 16 | (h[7] & 0xFF) << 24 : 0;
                yield segments >= 1 && segments <= 15 && first == 64;
            }
            case JPEG_2000, HTJ2K -> (b0 == 0xFF && b1 == 0x4F && (h[2] & 0xFF) == 0xFF && (h[3] & 0xFF) == 0x51)
                    || (n >= 8 && b0 == 0 && b1 == 0 && (h[2] & 0xFF) == 0 && (h[3] & 0xFF) == 0x0C
                    && h[4] == 'j' && h[5] == 'P');
            default -> b0 == 0xFF && b1 == 0xD8 && (h[2] & 0xFF) == 0xFF;
        };
    }
}
