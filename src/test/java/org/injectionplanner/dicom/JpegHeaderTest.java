package org.injectionplanner.dicom;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The colour hints of a JPEG stream are read as libjpeg reads them, and where they say the JDK's reader
 * converts YCbCr itself, its RGB is what our own conversion of the raw components gives (within the
 * rounding of libjpeg's fixed-point equations).
 */
class JpegHeaderTest {

    private static final int ROWS = 48;
    private static final int COLUMNS = 64;
    private static byte[] jfifStream;

    @BeforeAll
    static void encode() throws IOException {
        jfifStream = ImageIoCodecs.encodeJpegYbr422(TestImages.pattern(ROWS, COLUMNS, true, 3), ROWS, COLUMNS,
                true, UltrasoundImageWriter.JPEG_QUALITY);
    }

    @Test
    void theJdkWritersStreamIsJfifYcbcr() throws IOException {
        JpegHeader header = JpegHeader.scan(jfifStream);
        assertThat(header.jfif()).isTrue();
        assertThat(header.componentIds()).containsExactly(1, 2, 3);
        assertThat(header.adobeTransform()).isEqualTo(-1);
        assertThat(header.readAsYcbcrByTheJdk()).isTrue();
        assertConvertsLikeUs(jfifStream);
    }

    @Test
    void withoutJfifComponentIds123StillMeanYcbcr() throws IOException {
        byte[] stream = rebuilt(jfifStream);
        JpegHeader header = JpegHeader.scan(stream);
        assertThat(header.jfif()).isFalse();
        assertThat(header.readAsYcbcrByTheJdk()).isTrue();
        assertConvertsLikeUs(stream);
    }

    @Test
    void adobeTransformDecides() throws IOException {
        byte[] transform1 = rebuilt(jfifStream, adobe(1));
        assertThat(JpegHeader.scan(transform1).readAsYcbcrByTheJdk()).isTrue();
        assertConvertsLikeUs(transform1);
        assertThat(JpegHeader.scan(rebuilt(jfifStream, adobe(0))).readAsYcbcrByTheJdk()).isFalse();
        assertThat(JpegHeader.scan(rebuilt(jfifStream, adobe(2))).readAsYcbcrByTheJdk()).isFalse();
    }

    @Test
    void anIccProfileKeepsTheStreamOnOurConversion() {
        byte[] stream = rebuilt(jfifStream, segment(0xE2, "ICC_PROFILE\0\1\1"));
        assertThat(JpegHeader.scan(stream).iccProfile()).isTrue();
        assertThat(JpegHeader.scan(stream).readAsYcbcrByTheJdk()).isFalse();
    }

    @Test
    void markersAfterStrayBytesAreSeenAsLibjpegSeesThem() {
        byte[] adobe0 = adobe(0);
        byte[] stray = new byte[adobe0.length + 3];
        stray[0] = 0x12;
        stray[1] = 0x34;
        stray[2] = (byte) 0xFF;
        System.arraycopy(adobe0, 0, stray, 3, adobe0.length);
        JpegHeader header = JpegHeader.scan(rebuilt(jfifStream, stray));
        assertThat(header.adobeTransform()).isZero();
        assertThat(header.sofMarker()).isEqualTo(0xC0);
        assertThat(header.readAsYcbcrByTheJdk()).isFalse();
    }

    @Test
    void shortJfifAndAdobeSegmentsDoNotCount() {
        byte[] shortJfif = segment(0xE0, "JFIF\0");
        byte[] shortAdobe = segment(0xEE, "Adobe\0\0\0\0\0");
        JpegHeader header = JpegHeader.scan(rebuilt(jfifStream, shortJfif, shortAdobe));
        assertThat(header.jfif()).isFalse();
        assertThat(header.adobeTransform()).isEqualTo(-1);
    }

    /** The JDK's RGB differs from our conversion of its raw components by at most 1, and rarely. */
    private static void assertConvertsLikeUs(byte[] stream) throws IOException {
        byte[] ours = (byte[]) ImageIoCodecs.decodeJpeg(stream).samples();
        ColourConversion.ybrToRgb(ours);
        byte[] jdk = ImageIoCodecs.decodeJpegToRgb(stream, COLUMNS, ROWS);
        int differ = 0;
        for (int i = 0; i < ours.length; i++) {
            int d = Math.abs((ours[i] & 0xFF) - (jdk[i] & 0xFF));
            assertThat(d).as("sample %d", i).isLessThanOrEqualTo(1);
            differ += d;
        }
        assertThat(differ).isLessThan(ours.length / 100);
    }

    /** SOI, the given segments, then the stream after its SOI with its APP0 segments left out. */
    private static byte[] rebuilt(byte[] stream, byte[]... segments) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.write(0xFF);
        out.write(0xD8);
        for (byte[] s : segments) {
            out.writeBytes(s);
        }
        int i = 2;
        while ((stream[i + 1] & 0xFF) == 0xE0) {
            i += 2 + ((stream[i + 2] & 0xFF) << 8 | (stream[i + 3] & 0xFF));
        }
        out.write(stream, i, stream.length - i);
        return out.toByteArray();
    }

    /** An Adobe APP14 segment (12 data bytes) with the given transform flag. */
    private static byte[] adobe(int transform) {
        return segment(0xEE, "Adobe\0\144\0\0\0\0" + (char) transform);
    }

    private static byte[] segment(int marker, String data) {
        byte[] body = data.getBytes(StandardCharsets.ISO_8859_1);
        byte[] s = new byte[4 + body.length];
        s[0] = (byte) 0xFF;
        s[1] = (byte) marker;
        s[2] = (byte) ((body.length + 2) >> 8);
        s[3] = (byte) (body.length + 2);
        System.arraycopy(body, 0, s, 4, body.length);
        return s;
    }
}
