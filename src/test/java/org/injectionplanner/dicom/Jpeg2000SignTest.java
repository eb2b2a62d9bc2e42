package org.injectionplanner.dicom;

import static org.assertj.core.api.Assertions.assertThat;

import com.github.jaiimageio.jpeg2000.J2KImageWriteParam;
import com.github.jaiimageio.jpeg2000.impl.J2KImageWriter;
import com.github.jaiimageio.jpeg2000.impl.J2KImageWriterSpi;
import java.awt.Transparency;
import java.awt.color.ColorSpace;
import java.awt.image.BufferedImage;
import java.awt.image.ColorModel;
import java.awt.image.ComponentColorModel;
import java.awt.image.DataBuffer;
import java.awt.image.WritableRaster;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import javax.imageio.IIOImage;
import javax.imageio.stream.ImageOutputStream;
import javax.imageio.stream.MemoryCacheImageOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Signed (Pixel Representation 1) images in an unsigned JPEG 2000 codestream: the codestream's
 * samples are the two's complement bit patterns of the stored values and must be sign-extended
 * from the codestream precision (found by the conformance test on pydicom's
 * J2K_pixelrep_mismatch.dcm, pydicom issue 1149).
 */
class Jpeg2000SignTest {

    private static final int ROWS = 4;
    private static final int COLUMNS = 8;
    private static final int BITS = 13;

    @TempDir
    Path dir;

    @Test
    void unsignedCodestreamWithPixelRepresentation1IsSignExtended() throws Exception {
        byte[] codestream = unsigned13BitCodestream();
        Jpeg2000Header header = Jpeg2000Header.read(codestream);
        assertThat(header).isNotNull();
        assertThat(header.precision()).isEqualTo(BITS);
        assertThat(header.signed()).isFalse();

        short[] unsigned = decode(codestream, 0).shorts();
        short[] signed = decode(codestream, 1).shorts();

        int max = 0;
        for (short v : unsigned) {
            assertThat((int) v).isBetween(0, (1 << BITS) - 1);
            max = Math.max(max, v);
        }
        assertThat(max).as("some codestream values have the sign bit set").isGreaterThanOrEqualTo(1 << (BITS - 1));
        for (int i = 0; i < unsigned.length; i++) {
            int expected = unsigned[i] >= 1 << (BITS - 1) ? unsigned[i] - (1 << BITS) : unsigned[i];
            assertThat(signed[i]).as("sample %d (codestream value %d)", i, unsigned[i]).isEqualTo((short) expected);
        }
    }

    @Test
    void signExtendTurnsLowBitPatternsIntoTwosComplement() {
        short[] words = {0x1830, 0x0FFF, 0x1000, (short) 0xF830, 0};
        PixelDecoder.signExtend(words, 13);
        assertThat(words).containsExactly((short) -2000, (short) 4095, (short) -4096, (short) -2000, (short) 0);
    }

    private Frame decode(byte[] codestream, int pixelRepresentation) throws IOException, DicomException {
        DataSet ds = new DataSet();
        ds.putString(Tag.SOP_CLASS_UID, Vr.UI, "1.2.840.10008.5.1.4.1.1.7");
        ds.putString(Tag.SOP_INSTANCE_UID, Vr.UI, Uids.fromName("j2k sign " + pixelRepresentation));
        ds.putShorts(Tag.SAMPLES_PER_PIXEL, Vr.US, 1);
        ds.putString(Tag.PHOTOMETRIC_INTERPRETATION, Vr.CS, "MONOCHROME2");
        ds.putShorts(Tag.ROWS, Vr.US, ROWS);
        ds.putShorts(Tag.COLUMNS, Vr.US, COLUMNS);
        ds.putShorts(Tag.BITS_ALLOCATED, Vr.US, 16);
        ds.putShorts(Tag.BITS_STORED, Vr.US, BITS);
        ds.putShorts(Tag.HIGH_BIT, Vr.US, BITS - 1);
        ds.putShorts(Tag.PIXEL_REPRESENTATION, Vr.US, pixelRepresentation);
        Path file = dir.resolve("j2k-pr" + pixelRepresentation + ".dcm");
        DicomWriter.writeEncapsulated(file, ds, "1.2.840.10008.1.2.4.90", List.of(codestream));
        try (DicomFile dicom = DicomFile.open(file)) {
            Frame frame = dicom.frame(1);
            assertThat(frame.type()).isEqualTo(pixelRepresentation == 1 ? Frame.SampleType.INT16
                    : Frame.SampleType.UINT16);
            return frame;
        }
    }

    /** A lossless 13-bit unsigned codestream whose samples span the whole range. */
    private static byte[] unsigned13BitCodestream() throws IOException {
        ColorModel model = new ComponentColorModel(ColorSpace.getInstance(ColorSpace.CS_GRAY), new int[] {BITS},
                false, false, Transparency.OPAQUE, DataBuffer.TYPE_USHORT);
        WritableRaster raster = model.createCompatibleWritableRaster(COLUMNS, ROWS);
        for (int y = 0; y < ROWS; y++) {
            for (int x = 0; x < COLUMNS; x++) {
                raster.setSample(x, y, 0, (x * 1000 + y * 7) % (1 << BITS));
            }
        }
        J2KImageWriteParam param = new J2KImageWriteParam();
        param.setLossless(true);
        param.setWriteCodeStreamOnly(true);
        J2KImageWriter writer = new J2KImageWriter(new J2KImageWriterSpi());
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ImageOutputStream out = new MemoryCacheImageOutputStream(bytes)) {
            writer.setOutput(out);
            writer.write(null, new IIOImage(new BufferedImage(model, raster, false, null), null, null), param);
        } finally {
            writer.dispose();
        }
        return bytes.toByteArray();
    }
}
