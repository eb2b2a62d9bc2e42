package org.injectionplanner.dicom;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * A JPEG Lossless frame whose stream ends early decodes as the IJG libjpeg (dcmtk's) decodes it, and
 * the other frames of the file are unaffected. The references were decoded by libjpeg itself
 * (src/test/resources/org/injectionplanner/dicom/jpeg-lossless-truncated/README.md).
 */
class JpegLosslessTruncationTest {

    private static final String FIXTURES = "jpeg-lossless-truncated/";

    @TempDir
    Path dir;

    private static byte[] fixture(String name) throws IOException {
        try (InputStream in = JpegLosslessTruncationTest.class.getResourceAsStream(FIXTURES + name)) {
            assertThat(in).as(name).isNotNull();
            return in.readAllBytes();
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"mono-sv1-433", "mono-sv2-427", "mono-sv3-631", "mono-sv4-247", "mono-sv5-433",
        "mono-sv6-427", "mono-sv6-852", "mono-sv7-447", "mono-sv7-889", "mono-sv1-pt2-329", "mono-sv1-pt2-656",
        "rgb-sv6-828", "rgb-sv6-2481"})
    void decodesLikeLibjpeg(String reference) throws Exception {
        int dash = reference.lastIndexOf('-');
        byte[] stream = fixture(reference.substring(0, dash) + ".jpg");
        byte[] truncated = Arrays.copyOf(stream, Integer.parseInt(reference.substring(dash + 1)));
        assertThat(JpegLosslessDecoder.isTruncated(stream)).isFalse();
        assertThat(JpegLosslessDecoder.isTruncated(truncated)).isTrue();
        JpegLosslessDecoder.Result result = JpegLosslessDecoder.decode(truncated);
        assertThat(result.decoded().width()).isEqualTo(64);
        assertThat(result.decoded().height()).isEqualTo(48);
        // a cut inside the end-of-image marker (the last 3 or 2 bytes kept off) loses no data
        boolean markerOnly = stream.length - truncated.length <= 3 && (stream[truncated.length] & 0xFF) == 0xD9
                || stream.length - truncated.length <= 3 && (stream[truncated.length] & 0xFF) == 0xFF;
        if (markerOnly) {
            assertThat(result.firstMissingRow()).isEqualTo(48);
        } else {
            assertThat(result.firstMissingRow()).isLessThan(48);
        }
        assertThat((byte[]) result.decoded().samples()).isEqualTo(fixture(reference + ".raw"));
    }

    @Test
    void aCineWhoseLastFrameIsCutShortOpensEveryFrameWithAWarning() throws Exception {
        byte[] complete = fixture("mono-sv6.jpg");
        // cut inside the end-of-image marker: the stream ends with a lone FF
        byte[] cut = Arrays.copyOf(complete, 852);
        Path file = dir.resolve("cut.dcm");
        DataSet ds = TestImages.usHeader("cut");
        ds.putString(Tag.SOP_CLASS_UID, Vr.UI, Uids.US_MULTIFRAME_IMAGE_STORAGE);
        ds.putShorts(Tag.SAMPLES_PER_PIXEL, Vr.US, 1);
        ds.putString(Tag.PHOTOMETRIC_INTERPRETATION, Vr.CS, "MONOCHROME2");
        ds.putString(Tag.NUMBER_OF_FRAMES, Vr.IS, "3");
        ds.putShorts(Tag.ROWS, Vr.US, 48);
        ds.putShorts(Tag.COLUMNS, Vr.US, 64);
        ds.putShorts(Tag.BITS_ALLOCATED, Vr.US, 8);
        ds.putShorts(Tag.BITS_STORED, Vr.US, 8);
        ds.putShorts(Tag.HIGH_BIT, Vr.US, 7);
        ds.putShorts(Tag.PIXEL_REPRESENTATION, Vr.US, 0);
        // JPEG Lossless, Non-Hierarchical (Process 14): any predictor
        DicomWriter.writeEncapsulated(file, ds, "1.2.840.10008.1.2.4.57", List.of(complete, complete, cut));
        try (DicomFile dicom = DicomFile.open(file)) {
            assertThat(dicom.frameCount()).isEqualTo(3);
            assertThat(dicom.warnings()).isEmpty();
            byte[] whole = dicom.frame(1).bytes();
            assertThat(dicom.frame(2).bytes()).isEqualTo(whole);
            byte[] last = dicom.frame(3).bytes();
            assertThat(last).isEqualTo(fixture("mono-sv6-852.raw"));
            // the cut took only the end-of-image marker: every row is the frame's own
            assertThat(last).isEqualTo(whole);
            assertThat(dicom.warnings()).containsExactly("frame 3: the JPEG Lossless stream ends early (no end-of-image"
                    + " marker in its 852 bytes); decoded as libjpeg does: its data holds every row");
        }
        Path early = dir.resolve("early.dcm");
        DicomWriter.writeEncapsulated(early, ds, "1.2.840.10008.1.2.4.57",
                List.of(complete, Arrays.copyOf(complete, 427), complete));
        try (DicomFile dicom = DicomFile.open(early)) {
            assertThat(dicom.frame(2).bytes()).isEqualTo(fixture("mono-sv6-427.raw"));
            assertThat(dicom.frame(3).bytes()).isEqualTo(dicom.frame(1).bytes());
            assertThat(dicom.warnings()).singleElement().asString().startsWith("frame 2: the JPEG Lossless stream"
                    + " ends early (no end-of-image marker in its 428 bytes); decoded as libjpeg does: its data runs"
                    + " out in row ");
        }
    }
}
