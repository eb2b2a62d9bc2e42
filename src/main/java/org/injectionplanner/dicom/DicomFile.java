package org.injectionplanner.dicom;

import java.io.Closeable;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * An open DICOM file: its file meta and data set are read at once, its pixel data only when a frame
 * is asked for. Any frame can be decoded on its own, from several threads at once. Close it to
 * release the file.
 */
public final class DicomFile implements Closeable {

    /** Most decoded samples accepted in one frame (a 8K × 8K RGB frame is 201 M): 256 M. */
    static final long MAX_FRAME_SAMPLES = 256L * 1024 * 1024;
    /** Decoded frames up to this size (bytes) are decoded whatever the size of their encoded data. */
    static final long UNCHECKED_FRAME_BYTES = 16L * 1024 * 1024;

    private final ByteSource source;
    private final DataSet meta;
    private final DataSet dataSet;
    private final TransferSyntax syntax;
    /** Defects tolerated: at opening, then while decoding (a truncated frame); each once. */
    private final CopyOnWriteArrayList<String> warnings = new CopyOnWriteArrayList<>();
    private final ImagePixelModule pixels;
    private final Element pixelElement;
    private final int frameCount;
    private volatile List<List<BulkData.Fragment>> frameFragments;
    private volatile PaletteColorLut palette;

    private DicomFile(ByteSource source, DicomParser.Result result) {
        this.source = result.source();
        this.meta = result.meta();
        this.dataSet = result.dataSet();
        this.syntax = result.syntax();
        this.pixels = ImagePixelModule.of(dataSet);
        this.pixelElement = dataSet.get(Tag.PIXEL_DATA);
        this.warnings.addAll(result.warnings());
        this.frameCount = hasPixelData() ? countFrames() : 0;
        if (source != this.source) {
            try {
                source.close();
            } catch (IOException ignored) {
                // the inflated copy is in memory; the file itself is no longer needed
            }
        }
    }

    /** Opens a file and reads everything but its pixel data. */
    public static DicomFile open(Path path) throws DicomException {
        FileByteSource source;
        try {
            source = new FileByteSource(path);
        } catch (IOException e) {
            throw new DicomException(path.toString(), -1, -1, "cannot open the file: " + e);
        }
        try {
            return new DicomFile(source, DicomParser.parse(source));
        } catch (DicomException | RuntimeException e) {
            try {
                source.close();
            } catch (IOException ignored) {
                // reporting the parse failure matters more
            }
            if (e instanceof RuntimeException re) {
                throw new DicomException(path.toString(), -1, -1, "cannot be read: " + re, re);
            }
            throw (DicomException) e;
        }
    }

    /** Reads a file held in memory; {@code name} is used in messages. */
    public static DicomFile read(byte[] bytes, String name) throws DicomException {
        ArrayByteSource source = new ArrayByteSource(bytes, bytes.length, name);
        try {
            return new DicomFile(source, DicomParser.parse(source));
        } catch (RuntimeException e) {
            throw new DicomException(name, -1, -1, "cannot be read: " + e, e);
        }
    }

    /** The file meta information (group 0002); empty when the file has none. */
    public DataSet meta() {
        return meta;
    }

    /** The data set (without group 0002). */
    public DataSet dataSet() {
        return dataSet;
    }

    /** The transfer syntax of the data set. */
    public TransferSyntax transferSyntax() {
        return syntax;
    }

    /**
     * Defects the reader tolerated, in words (empty for a clean file): those found on opening, then those
     * found decoding the frames decoded so far.
     */
    public List<String> warnings() {
        return List.copyOf(warnings);
    }

    /** The Image Pixel attributes. */
    public ImagePixelModule pixels() {
        return pixels;
    }

    /** The file's name as used in messages. */
    public String name() {
        return source.name();
    }

    /** True if the file has Pixel Data. */
    public boolean hasPixelData() {
        return pixelElement != null && pixelElement.bulk() != null;
    }

    /**
     * The number of frames: Number of Frames (else 1), but no more than the Pixel Data can hold (frames
     * begun in native data, fragments in encapsulated data); 0 without Pixel Data.
     */
    public int frameCount() {
        return frameCount;
    }

    /**
     * The frames to open: Number of Frames, or fewer when the Pixel Data holds fewer (frames begun in
     * native data; frames found in encapsulated data), with a warning either way the counts disagree.
     */
    private int countFrames() {
        int declared = pixels.frames();
        BulkData bulk = pixelElement.bulk();
        if (bulk.encapsulated()) {
            List<List<BulkData.Fragment>> found;
            try {
                found = locateFrames();
            } catch (DicomException e) {
                // decoding a frame reports the damage
                return Math.min(declared, Math.max(1, bulk.fragments().size()));
            }
            if (found.size() > declared) {
                warnings.add("the Pixel Data holds " + found.size() + " frames but Number of Frames is " + declared
                        + "; the last " + (found.size() - declared) + " are ignored");
                found = List.copyOf(found.subList(0, declared));
                frameFragments = found;
            } else if (found.size() < declared) {
                warnings.add("Number of Frames is " + declared + " but the Pixel Data holds " + found.size()
                        + "; the " + found.size() + " present are read");
            }
            return found.size();
        }
        long frameLength = pixels.nativeFrameLength();
        if (frameLength <= 0) {
            return 1;
        }
        long begun = Math.max(1, Math.min(Integer.MAX_VALUE, (bulk.available() + frameLength - 1) / frameLength));
        if (begun < declared) {
            warnings.add("Number of Frames is " + declared + " but the Pixel Data holds " + begun
                    + "; the " + begun + " present are read");
            return (int) begun;
        }
        long extra = bulk.available() - declared * frameLength;
        if (extra > 1) {
            // one byte pads an odd length to even
            warnings.add("the Pixel Data holds " + extra + " bytes more than Number of Frames (" + declared
                    + ") frames of " + frameLength + " bytes; they are ignored");
        }
        return declared;
    }

    /** The ultrasound regions and the Pixel Spacing fallback of this image. */
    public UltrasoundCalibration calibration() {
        return UltrasoundCalibration.of(dataSet);
    }

    /** Frame timing from Frame Time, Frame Time Vector, Cine Rate or Recommended Display Frame Rate. */
    public FrameTiming frameTiming() {
        return FrameTiming.of(dataSet, frameCount());
    }

    private DicomException fail(String reason) {
        return new DicomException(source.name(), -1, Tag.PIXEL_DATA, reason);
    }

    private DicomException fail(long offset, String reason) {
        return new DicomException(source.name(), offset, Tag.PIXEL_DATA, reason);
    }

    /**
     * Decodes one frame into the canonical form described by {@link Frame}.
     *
     * @param number frame number, 1-based
     */
    public Frame frame(int number) throws DicomException {
        checkDecodable(number);
        BulkData bulk = pixelElement.bulk();
        if (!bulk.encapsulated()) {
            if (syntax.codec().isEncapsulated()) {
                throw fail(pixelElement.valueOffset(), "Pixel Data has an explicit length but the transfer syntax "
                        + syntax.name() + " requires encapsulated (undefined-length) data");
            }
            long frameLength = pixels.nativeFrameLength();
            long start = bulk.offset() + (number - 1) * frameLength;
            if ((number - 1) * frameLength + frameLength > bulk.available()) {
                throw fail(Math.min(start, bulk.offset() + bulk.available()), "frame " + number
                        + " is incomplete: Pixel Data holds "
                        + bulk.available() + " bytes, frame needs bytes up to "
                        + ((number - 1) * frameLength + frameLength));
            }
            byte[] data = readBytes(start, (int) frameLength);
            boolean wordsBigEndian = bulk.bigEndian() && pixels.bitsAllocated() == 16
                    && pixelElement.vr() != Vr.OB;
            return PixelDecoder.fromNative(data, pixels, wordsBigEndian, this::paletteOrFail, r -> fail(r));
        }
        if (!syntax.codec().isEncapsulated()) {
            throw fail(pixelElement.valueOffset(), "Pixel Data is encapsulated but the transfer syntax "
                    + syntax.name() + " is not a compressed one");
        }
        byte[] encoded = encodedFrame(number);
        return decodeEncapsulated(encoded, number);
    }

    /**
     * Refuses to decode a frame far larger than its encoded data can describe, so that a damaged size
     * never makes the reader allocate more than the file warrants: above
     * {@link #UNCHECKED_FRAME_BYTES}, the decoded size may be at most the codec's largest plausible
     * compression ratio times the encoded size (RLE: 64, a PackBits run of 128 bytes takes 2; JPEG
     * Lossless: 16, every sample takes at least one bit; lossy JPEG and JPEG 2000: 1024).
     */
    private void checkDecodedSize(byte[] encoded, int number) throws DicomException {
        long encodedLength = encoded.length;
        long decoded = (long) pixels.rows() * pixels.columns() * pixels.samplesPerPixel()
                * (pixels.bitsAllocated() / 8);
        int ratio = switch (syntax.codec()) {
            case RLE -> 64;
            case JPEG_LOSSLESS -> 16;
            default -> 1024;
        };
        if (decoded > UNCHECKED_FRAME_BYTES && decoded > ratio * encodedLength) {
            List<BulkData.Fragment> parts = locateFrames().get(number - 1);
            long firstFragment = parts.isEmpty() ? -1 : parts.get(0).offset();
            throw fail(firstFragment, "frame " + number + " of " + pixels.columns() + " × " + pixels.rows()
                    + " pixels (" + decoded + " bytes) cannot come from " + encodedLength + " bytes of " + syntax.name()
                    + " data; Rows, Columns or the frame data are damaged");
        }
    }

    private void checkDecodable(int number) throws DicomException {
        if (!hasPixelData()) {
            throw fail("the file has no Pixel Data");
        }
        if (number < 1 || number > frameCount()) {
            throw fail("frame " + number + " requested, the file has " + frameCount());
        }
        String unsupported = syntax.unsupportedReason();
        if (unsupported != null) {
            throw fail(unsupported);
        }
        if (pixels.rows() <= 0 || pixels.columns() <= 0) {
            throw fail("invalid image size: Rows " + pixels.rows() + ", Columns " + pixels.columns());
        }
        if (pixels.bitsAllocated() != 8 && pixels.bitsAllocated() != 16) {
            throw fail("Bits Allocated " + pixels.bitsAllocated()
                    + " is not supported (ultrasound images use 8 or 16)");
        }
        if (pixels.samplesPerPixel() != 1 && pixels.samplesPerPixel() != 3) {
            throw fail("Samples per Pixel " + pixels.samplesPerPixel() + " is not supported");
        }
        if (pixels.samplesPerPixel() == 3 && pixels.bitsAllocated() != 8) {
            throw fail("16-bit colour (" + pixels.photometric() + ") is not supported");
        }
        if ((long) pixels.rows() * pixels.columns() * 3 > MAX_FRAME_SAMPLES) {
            throw fail("frame of " + pixels.rows() + " × " + pixels.columns() + " pixels is too large");
        }
    }

    /** The palette, resolved once per file (a palette cine would otherwise rebuild it for every frame). */
    private PaletteColorLut paletteOrFail() throws DicomException {
        PaletteColorLut lut = palette;
        if (lut == null) {
            lut = PaletteColorLut.of(dataSet, r -> fail(r));
            palette = lut;
        }
        return lut;
    }

    private byte[] readBytes(long position, int length) throws DicomException {
        byte[] data = new byte[length];
        try {
            source.read(position, data, 0, length);
        } catch (IOException e) {
            throw fail(position, "cannot read the file: " + e.getMessage());
        }
        return data;
    }

    /** The encoded bytes of one frame of encapsulated pixel data (its fragments joined). */
    public byte[] encodedFrame(int number) throws DicomException {
        if (!hasPixelData() || !pixelElement.bulk().encapsulated()) {
            throw fail("the file has no encapsulated Pixel Data");
        }
        List<List<BulkData.Fragment>> frames = locateFrames();
        if (number < 1 || number > frames.size()) {
            throw fail("frame " + number + " not found: the encapsulated Pixel Data holds "
                    + frames.size() + " frames");
        }
        List<BulkData.Fragment> parts = frames.get(number - 1);
        long total = 0;
        for (BulkData.Fragment f : parts) {
            total += f.length();
        }
        if (total > Integer.MAX_VALUE - 8) {
            throw fail("frame " + number + " is larger than 2 GiB");
        }
        byte[] out = new byte[(int) total];
        int at = 0;
        for (BulkData.Fragment f : parts) {
            try {
                source.read(f.offset(), out, at, f.length());
            } catch (IOException e) {
                throw fail(f.offset(), "cannot read the file: " + e.getMessage());
            }
            at += f.length();
        }
        return out;
    }

    private List<List<BulkData.Fragment>> locateFrames() throws DicomException {
        List<List<BulkData.Fragment>> located = frameFragments;
        if (located == null) {
            located = FrameLocator.locate(pixelElement.bulk(), dataSet, pixels.frames(), syntax.codec(),
                    source, r -> fail(r));
            frameFragments = located;
        }
        return located;
    }

    private Frame decodeEncapsulated(byte[] encoded, int number) throws DicomException {
        String where = "frame " + number;
        try {
            return switch (syntax.codec()) {
                case RLE -> {
                    checkDecodedSize(encoded, number);
                    int bytesPerSample = pixels.bitsAllocated() / 8;
                    byte[] planes = RleDecoder.decode(encoded, pixels.rows() * pixels.columns(),
                            pixels.samplesPerPixel(), bytesPerSample, r -> fail(where + ": " + r));
                    ImagePixelModule planar = new ImagePixelModule(pixels.rows(), pixels.columns(), 1,
                            pixels.samplesPerPixel(), pixels.bitsAllocated(), pixels.bitsStored(),
                            pixels.pixelRepresentation(), pixels.photometric(), 1);
                    yield PixelDecoder.fromNative(planes, planar, false, this::paletteOrFail, r -> fail(r));
                }
                case JPEG_BASELINE, JPEG_EXTENDED, JPEG_LOSSLESS -> decodeJpeg(encoded, number);
                case JPEG_2000 -> decodeJpeg2000(encoded, number);
                case JPEG_LS -> decodeJpegLs(encoded, number);
                default -> throw fail(syntax.unsupportedReason());
            };
        } catch (IOException | RuntimeException e) {
            throw fail(where + " cannot be decoded (" + syntax.name() + "): " + e.getMessage());
        } catch (VirtualMachineError e) {
            throw e;
        } catch (Error e) {
            // JJ2000 reports some corrupt codestreams with java.lang.Error
            throw fail(where + " cannot be decoded (" + syntax.name() + "): " + e.getMessage());
        }
    }

    private Frame decodeJpeg(byte[] encoded, int number) throws DicomException, IOException {
        String where = "frame " + number;
        JpegHeader header = JpegHeader.scan(encoded);
        if (header.sofMarker() < 0) {
            throw fail(where + " is not a JPEG stream (no start-of-frame marker)");
        }
        if (header.width() != pixels.columns() || header.height() != pixels.rows()) {
            throw fail(where + ": the JPEG stream is " + header.width() + " × " + header.height()
                    + " but Columns × Rows say " + pixels.columns() + " × " + pixels.rows());
        }
        if (header.components() != pixels.samplesPerPixel()) {
            throw fail(where + ": the JPEG stream has " + header.components()
                    + " components but Samples per Pixel is " + pixels.samplesPerPixel());
        }
        checkDecodedSize(encoded, number);
        boolean convert = switch (pixels.photometric()) {
            case "YBR_FULL", "YBR_FULL_422" -> true;
            case "RGB" -> header.looksLikeYcbcr();
            default -> false;
        };
        ImageIoCodecs.Decoded decoded;
        if (header.isLossless() && JpegLosslessDecoder.isTruncated(encoded)) {
            JpegLosslessDecoder.Result result = JpegLosslessDecoder.decode(encoded);
            decoded = result.decoded();
            int rows = pixels.rows();
            warnings.addIfAbsent(where + ": the JPEG Lossless stream ends early (no end-of-image marker in its "
                    + encoded.length + " bytes); decoded as libjpeg does: "
                    + (result.firstMissingRow() < rows ? "its data runs out in row " + (result.firstMissingRow() + 1)
                            + " of " + rows + ", which is finished with zero bits, and the rows after it are mid-grey"
                            : "its data holds every row"));
        } else if (header.isLossless()) {
            decoded = ImageIoCodecs.decodeJpegLossless(encoded);
        } else {
            if (header.precision() != 8) {
                throw fail(where + ": " + header.precision() + "-bit lossy JPEG is not supported;"
                        + " convert the file with dcmtk: dcmdjpeg IN.dcm OUT.dcm");
            }
            if (convert && header.readAsYcbcrByTheJdk()) {
                // the JDK's reader converts as we would, natively and without an intermediate raster
                byte[] rgb = ImageIoCodecs.decodeJpegToRgb(encoded, pixels.columns(), pixels.rows());
                return new Frame(pixels.rows(), pixels.columns(), Frame.SampleType.RGB8, rgb, null);
            }
            decoded = ImageIoCodecs.decodeJpeg(encoded);
        }
        return fromDecoded(decoded, convert);
    }

    private Frame decodeJpeg2000(byte[] encoded, int number) throws DicomException, IOException {
        String where = "frame " + number;
        String boxes = Jpeg2000Header.jp2BoxProblem(encoded);
        if (boxes != null) {
            throw fail(where + ": " + boxes);
        }
        Jpeg2000Header header = Jpeg2000Header.read(encoded);
        if (header == null) {
            throw fail(where + " is not a JPEG 2000 codestream (no valid SIZ marker)");
        }
        if (header.width() != pixels.columns() || header.height() != pixels.rows()) {
            throw fail(where + ": the JPEG 2000 codestream is " + header.width() + " × " + header.height()
                    + " but Columns × Rows say " + pixels.columns() + " × " + pixels.rows());
        }
        if (header.components() != pixels.samplesPerPixel()) {
            throw fail(where + ": the JPEG 2000 codestream has " + header.components()
                    + " components but Samples per Pixel is " + pixels.samplesPerPixel());
        }
        if (header.tiles() > Jpeg2000Header.MAX_TILES) {
            throw fail(where + ": the JPEG 2000 codestream's tiling makes more than " + Jpeg2000Header.MAX_TILES
                    + " tiles");
        }
        checkDecodedSize(encoded, number);
        int defect = Jpeg2000Header.packetDataDefect(encoded);
        if (defect >= 0) {
            throw fail(where + ": the JPEG 2000 codestream is damaged (bytes FF FF in its packet data, "
                    + defect + " bytes into the frame)");
        }
        ImageIoCodecs.Decoded decoded = ImageIoCodecs.decodeJpeg2000(encoded);
        boolean convert = pixels.photometric().equals("YBR_FULL") || pixels.photometric().equals("YBR_FULL_422");
        Frame frame = fromDecoded(decoded, convert);
        if (frame.type() == Frame.SampleType.INT16 && !header.signed() && header.precision() < 16) {
            // Pixel Representation 1 but an unsigned codestream: its samples are the two's complement
            // bit patterns of the stored values, precision bits wide (as pydicom reads them)
            PixelDecoder.signExtend(frame.shorts(), header.precision());
        }
        return frame;
    }

    /**
     * Decodes a JPEG-LS frame with {@link JpegLsDecoder}. Before any allocation the stream must match
     * Columns, Rows and Samples per Pixel, and be long enough: every line of every component takes at
     * least one bit (a run to the line's end), so a frame cannot have more lines than 8 × its bytes.
     */
    private Frame decodeJpegLs(byte[] encoded, int number) throws DicomException {
        String where = "frame " + number;
        JpegLsDecoder.Image image;
        try {
            JpegLsHeader header = JpegLsHeader.read(encoded);
            if (header.width != pixels.columns() || header.height != pixels.rows()) {
                throw fail(frameOffset(number, 0), where + ": the JPEG-LS stream is " + header.width + " × "
                        + header.height + " but Columns × Rows say " + pixels.columns() + " × " + pixels.rows());
            }
            if (header.components() != pixels.samplesPerPixel()) {
                throw fail(frameOffset(number, 0), where + ": the JPEG-LS stream has " + header.components()
                        + " components but Samples per Pixel is " + pixels.samplesPerPixel());
            }
            if (header.precision > pixels.bitsAllocated()) {
                throw fail(frameOffset(number, 0), where + ": the JPEG-LS stream has " + header.precision
                        + "-bit samples but Bits Allocated is " + pixels.bitsAllocated());
            }
            if ((long) header.height * header.components() > 8L * encoded.length) {
                throw fail(frameOffset(number, encoded.length), where + ": " + encoded.length
                        + " bytes of JPEG-LS data cannot hold " + header.height + " lines of "
                        + header.components() + " components; the frame data is truncated or Rows is damaged");
            }
            image = JpegLsDecoder.decode(encoded, header);
        } catch (JpegLsHeader.Malformed e) {
            throw fail(frameOffset(number, e.position), where + " cannot be decoded (" + syntax.name() + "): "
                    + e.getMessage() + " (" + e.position + " bytes into the frame)");
        }
        if (image.components() == 3) {
            byte[] rgb = image.bytes();
            String pi = pixels.photometric();
            if (pi.equals("YBR_FULL") || pi.equals("YBR_FULL_422")) {
                ColourConversion.ybrToRgb(rgb);
            }
            return new Frame(pixels.rows(), pixels.columns(), Frame.SampleType.RGB8, rgb, null);
        }
        Object samples = image.bytes() != null ? image.bytes() : image.words();
        if (pixels.photometric().equals("PALETTE COLOR")) {
            return PixelDecoder.applyPalette(samples, pixels, paletteOrFail());
        }
        return PixelDecoder.monochrome(samples, pixels);
    }

    /**
     * The file offset of byte {@code at} of a frame's joined fragments (at their end: just after the
     * last fragment), or -1 if it cannot be told.
     */
    private long frameOffset(int number, int at) {
        long end = -1;
        try {
            long skipped = 0;
            for (BulkData.Fragment f : locateFrames().get(number - 1)) {
                if (at < skipped + f.length()) {
                    return f.offset() + at - skipped;
                }
                skipped += f.length();
                end = f.offset() + f.length();
            }
        } catch (DicomException e) {
            return -1;
        }
        return end;
    }

    private Frame fromDecoded(ImageIoCodecs.Decoded decoded, boolean ybrToRgb) throws DicomException {
        if (decoded.width() != pixels.columns() || decoded.height() != pixels.rows()) {
            throw fail("decoded frame is " + decoded.width() + " × " + decoded.height()
                    + " but Columns × Rows say " + pixels.columns() + " × " + pixels.rows());
        }
        Object samples = decoded.samples();
        int bands = decoded.bands();
        if (bands == 3) {
            if (!(samples instanceof byte[] rgb)) {
                throw fail("16-bit colour JPEG is not supported");
            }
            if (ybrToRgb) {
                ColourConversion.ybrToRgb(rgb);
            }
            return new Frame(pixels.rows(), pixels.columns(), Frame.SampleType.RGB8, rgb, null);
        }
        if (bands != 1) {
            throw fail("decoded frame has " + bands + " components");
        }
        if (pixels.photometric().equals("PALETTE COLOR")) {
            return PixelDecoder.applyPalette(samples, pixels, paletteOrFail());
        }
        return PixelDecoder.monochrome(samples, pixels);
    }

    @Override
    public void close() throws IOException {
        source.close();
    }
}
