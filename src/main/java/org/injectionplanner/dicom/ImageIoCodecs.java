package org.injectionplanner.dicom;

import com.github.jaiimageio.jpeg2000.impl.J2KImageReader;
import com.github.jaiimageio.jpeg2000.impl.J2KImageReaderSpi;
import java.awt.Transparency;
import java.awt.color.ColorSpace;
import java.awt.image.BufferedImage;
import java.awt.image.ComponentColorModel;
import java.awt.image.DataBuffer;
import java.awt.image.DataBufferByte;
import java.awt.image.PixelInterleavedSampleModel;
import java.awt.image.Raster;
import java.awt.image.WritableRaster;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.Iterator;
import java.util.List;
import javax.imageio.IIOImage;
import javax.imageio.ImageReadParam;
import javax.imageio.ImageReader;
import javax.imageio.ImageTypeSpecifier;
import javax.imageio.ImageWriteParam;
import javax.imageio.ImageWriter;
import javax.imageio.metadata.IIOMetadata;
import javax.imageio.spi.IIORegistry;
import javax.imageio.spi.ImageReaderSpi;
import javax.imageio.spi.ImageWriterSpi;
import javax.imageio.spi.ServiceRegistry;
import javax.imageio.stream.ImageInputStream;
import javax.imageio.stream.MemoryCacheImageInputStream;
import javax.imageio.stream.MemoryCacheImageOutputStream;
import org.w3c.dom.Node;

/**
 * The image codecs behind the JPEG and JPEG 2000 transfer syntaxes: the JDK's JPEG reader for lossy
 * 8-bit JPEG (and its writer for the JPEG Baseline files we write), TwelveMonkeys for JPEG Lossless,
 * jai-imageio for JPEG 2000. Readers and the writer are created directly (the JDK's picked by class name,
 * never looked up by format in the global ImageIO registry, which Fiji fills with other plugins) and kept
 * one per thread. All but {@link #decodeJpegToRgb} return raw components ({@link Decoded}): colour
 * conversion is the caller's.
 *
 * <p>This is the one place outside the imagej package that uses {@code java.awt.image}: ImageIO
 * hands decoded samples back as {@link Raster}s. No windowing classes are used.
 */
final class ImageIoCodecs {

    private static final String JDK_JPEG_SPI = "com.sun.imageio.plugins.jpeg.JPEGImageReaderSpi";
    private static final String JDK_JPEG_WRITER_SPI = "com.sun.imageio.plugins.jpeg.JPEGImageWriterSpi";

    private static final ThreadLocal<ImageReader> JDK_JPEG = ThreadLocal.withInitial(ImageIoCodecs::newJdkJpeg);
    private static final ThreadLocal<ImageReader> LOSSLESS_JPEG =
            ThreadLocal.withInitial(ImageIoCodecs::newTwelveMonkeysJpeg);
    private static final ThreadLocal<ImageReader> JPEG_2000 =
            ThreadLocal.withInitial(() -> new J2KImageReader(new J2KImageReaderSpi()));
    private static final ThreadLocal<ImageWriter> JDK_JPEG_WRITER =
            ThreadLocal.withInitial(ImageIoCodecs::newJdkJpegWriter);

    /** sRGB, 8 bits a sample, no alpha: a destination into which the JDK's reader applies no colour profile. */
    private static final ComponentColorModel RGB = new ComponentColorModel(ColorSpace.getInstance(ColorSpace.CS_sRGB),
            false, false, Transparency.OPAQUE, DataBuffer.TYPE_BYTE);
    private static final int[] RGB_BAND_OFFSETS = {0, 1, 2};

    private ImageIoCodecs() {
    }

    /** The JDK's own provider of {@code category} named {@code className}, picked by class name. */
    private static <T> T jdkSpi(Class<T> category, String className, String what) {
        Iterator<T> it = IIORegistry.getDefaultInstance().getServiceProviders(category, true);
        while (it.hasNext()) {
            T spi = it.next();
            if (spi.getClass().getName().equals(className)) {
                return spi;
            }
        }
        throw new IllegalStateException("the JDK's " + what + " is missing from this Java runtime");
    }

    private static ImageReaderSpi jdkJpegSpi() {
        return jdkSpi(ImageReaderSpi.class, JDK_JPEG_SPI, "JPEG reader");
    }

    private static ImageWriter newJdkJpegWriter() {
        try {
            return jdkSpi(ImageWriterSpi.class, JDK_JPEG_WRITER_SPI, "JPEG writer").createWriterInstance();
        } catch (IOException e) {
            throw new IllegalStateException("cannot create the JDK's JPEG writer", e);
        }
    }

    private static ImageReader newJdkJpeg() {
        try {
            return jdkJpegSpi().createReaderInstance();
        } catch (IOException e) {
            throw new IllegalStateException("cannot create the JDK's JPEG reader", e);
        }
    }

    /** TwelveMonkeys wraps the JDK reader; it finds it in a registry of our own, not the global one. */
    private static ImageReader newTwelveMonkeysJpeg() {
        ServiceRegistry registry = new ServiceRegistry(List.<Class<?>>of(ImageReaderSpi.class).iterator());
        registry.registerServiceProvider(jdkJpegSpi(), ImageReaderSpi.class);
        var spi = new com.twelvemonkeys.imageio.plugins.jpeg.JPEGImageReaderSpi();
        registry.registerServiceProvider(spi, ImageReaderSpi.class);
        try {
            return spi.createReaderInstance();
        } catch (IOException e) {
            throw new IllegalStateException("cannot create the JPEG Lossless reader", e);
        }
    }

    /**
     * A decoded frame's raw components.
     *
     * @param width columns
     * @param height rows
     * @param bands components per pixel
     * @param samples pixel-interleaved, rows top to bottom: {@code byte[]} for 8-bit data, else {@code short[]}
     */
    record Decoded(int width, int height, int bands, Object samples) {
    }

    private static Decoded decoded(Raster raster) {
        return new Decoded(raster.getWidth(), raster.getHeight(), raster.getNumBands(), samples(raster));
    }

    /** Decodes a lossy (8-bit) JPEG stream to its raw components. */
    static Decoded decodeJpeg(byte[] stream) throws IOException {
        return decoded(read(JDK_JPEG.get(), stream));
    }

    /**
     * Decodes a lossy 8-bit JPEG stream that the JDK's reader takes for YCbCr
     * ({@link JpegHeader#readAsYcbcrByTheJdk}) to interleaved RGB: libjpeg converts (with its fixed-point
     * JFIF equations, as dcmtk's {@code dcmdjpeg} does) and writes the rows straight into the result.
     */
    static byte[] decodeJpegToRgb(byte[] stream, int width, int height) throws IOException {
        byte[] rgb = new byte[width * height * 3];
        WritableRaster raster = Raster.createInterleavedRaster(new DataBufferByte(rgb, rgb.length), width, height,
                width * 3, 3, RGB_BAND_OFFSETS, null);
        ImageReader reader = JDK_JPEG.get();
        ImageReadParam param = reader.getDefaultReadParam();
        param.setDestination(new BufferedImage(RGB, raster, false, null));
        try (ImageInputStream in = new MemoryCacheImageInputStream(new ByteArrayInputStream(stream))) {
            reader.setInput(in, true, true);
            reader.read(0, param);
        } finally {
            reader.reset();
        }
        return rgb;
    }

    /** Decodes a JPEG Lossless (Process 14) stream to its raw components. */
    static Decoded decodeJpegLossless(byte[] stream) throws IOException {
        return decoded(read(LOSSLESS_JPEG.get(), stream));
    }

    /** Decodes a JPEG 2000 codestream; multi-component transforms (ICT/RCT) are undone. */
    static Decoded decodeJpeg2000(byte[] stream) throws IOException {
        ImageReader reader = JPEG_2000.get();
        try (ImageInputStream in = new MemoryCacheImageInputStream(new ByteArrayInputStream(stream))) {
            // J2KImageReader.reset() fails on a null input, so the next setInput replaces this one
            reader.setInput(in);
            return decoded(reader.read(0).getRaster());
        }
    }

    private static Raster read(ImageReader reader, byte[] stream) throws IOException {
        try (ImageInputStream in = new MemoryCacheImageInputStream(new ByteArrayInputStream(stream))) {
            reader.setInput(in, true, true);
            return reader.readRaster(0, null);
        } finally {
            reader.reset();
        }
    }

    /**
     * The samples of a raster, pixel-interleaved, rows top to bottom: bytes for 8-bit data, else
     * 16-bit words. A raster fresh from a reader whose byte buffer already holds exactly that layout
     * gives up its array (no copy); the caller then owns the raster's data.
     */
    private static Object samples(Raster raster) {
        byte[] direct = interleavedBytes(raster);
        return direct != null ? direct : copySamples(raster);
    }

    /** The raster's own byte array if it is exactly the interleaved samples in band order, else null. */
    private static byte[] interleavedBytes(Raster raster) {
        if (!(raster.getSampleModel() instanceof PixelInterleavedSampleModel model)
                || !(raster.getDataBuffer() instanceof DataBufferByte buffer)
                || buffer.getNumBanks() != 1 || buffer.getOffset() != 0
                || raster.getSampleModelTranslateX() != 0 || raster.getSampleModelTranslateY() != 0) {
            return null;
        }
        int w = raster.getWidth();
        int h = raster.getHeight();
        int bands = raster.getNumBands();
        if (model.getNumBands() != bands || model.getPixelStride() != bands
                || model.getScanlineStride() != w * bands || model.getWidth() != w || model.getHeight() != h) {
            return null;
        }
        int[] offsets = model.getBandOffsets();
        for (int b = 0; b < bands; b++) {
            if (offsets[b] != b || model.getSampleSize(b) != 8) {
                return null;
            }
        }
        byte[] data = buffer.getData();
        return data.length == w * h * bands ? data : null;
    }

    /** Reads the samples of any raster row by row. */
    private static Object copySamples(Raster raster) {
        int w = raster.getWidth();
        int h = raster.getHeight();
        int bands = raster.getNumBands();
        int rowLength = w * bands;
        int[] row = new int[rowLength];
        boolean eightBit = raster.getSampleModel().getSampleSize(0) <= 8;
        byte[] bytes = eightBit ? new byte[rowLength * h] : null;
        short[] shorts = eightBit ? null : new short[rowLength * h];
        for (int y = 0; y < h; y++) {
            raster.getPixels(raster.getMinX(), raster.getMinY() + y, w, 1, row);
            int base = y * rowLength;
            if (eightBit) {
                for (int i = 0; i < rowLength; i++) {
                    bytes[base + i] = (byte) row[i];
                }
            } else {
                for (int i = 0; i < rowLength; i++) {
                    shorts[base + i] = (short) row[i];
                }
            }
        }
        return eightBit ? bytes : shorts;
    }

    /**
     * Encodes one frame (interleaved RGB, or grey when {@code rgb} is false) as a baseline JFIF JPEG with
     * 4:2:2 subsampling (Y sampled 2×1), at the JDK writer's quality 0–1.
     */
    static byte[] encodeJpegYbr422(byte[] frame, int rows, int columns, boolean rgb, float quality)
            throws IOException {
        BufferedImage img = new BufferedImage(columns, rows, BufferedImage.TYPE_3BYTE_BGR);
        byte[] bgr = ((DataBufferByte) img.getRaster().getDataBuffer()).getData();
        int pixels = rows * columns;
        for (int i = 0; i < pixels; i++) {
            byte r = rgb ? frame[3 * i] : frame[i];
            byte g = rgb ? frame[3 * i + 1] : frame[i];
            byte b = rgb ? frame[3 * i + 2] : frame[i];
            bgr[3 * i] = b;
            bgr[3 * i + 1] = g;
            bgr[3 * i + 2] = r;
        }
        ImageWriter writer = JDK_JPEG_WRITER.get();
        ImageWriteParam param = writer.getDefaultWriteParam();
        param.setCompressionMode(ImageWriteParam.MODE_EXPLICIT);
        param.setCompressionQuality(quality);
        IIOMetadata metadata = writer.getDefaultImageMetadata(new ImageTypeSpecifier(img), param);
        Node tree = metadata.getAsTree("javax_imageio_jpeg_image_1.0");
        Node sof = find(tree, "sof");
        Node luma = sof.getFirstChild();
        ((org.w3c.dom.Element) luma).setAttribute("HsamplingFactor", "2");
        ((org.w3c.dom.Element) luma).setAttribute("VsamplingFactor", "1");
        metadata.setFromTree("javax_imageio_jpeg_image_1.0", tree);
        ByteArrayOutputStream bytes = new ByteArrayOutputStream(pixels / 4);
        try (MemoryCacheImageOutputStream out = new MemoryCacheImageOutputStream(bytes)) {
            writer.setOutput(out);
            writer.write(null, new IIOImage(img, null, metadata), param);
        } finally {
            // the writer is kept for the thread's next frame; it must not hold the closed stream
            writer.setOutput(null);
        }
        return bytes.toByteArray();
    }

    private static Node find(Node node, String name) {
        if (name.equals(node.getNodeName())) {
            return node;
        }
        for (Node c = node.getFirstChild(); c != null; c = c.getNextSibling()) {
            Node found = find(c, name);
            if (found != null) {
                return found;
            }
        }
        return null;
    }
}
