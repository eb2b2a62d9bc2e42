package org.injectionplanner.dicom;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * A JP2 file whose box claims more bytes than the frame holds is refused before the JPEG 2000 reader sees it
 * (found by DicomFuzzTest in CI: a box length of 685,909,299 in a 756-byte file made the reader allocate
 * 654 MiB).
 */
class Jp2BoxesTest {

    private static final FuzzSeed SEED = FuzzSeed.of("generated-jpeg-2000", FuzzSeeds.jpeg2000());

    @Test
    void theFuzzFindingIsRefusedNamingTheBox() throws Exception {
        byte[] mutated = FuzzMutation.apply(SEED,
                List.of(new FuzzMutation(FuzzMutation.Op.RANDOM_BYTES, 1064904, 8, 20)));
        DicomFile file = DicomFile.read(mutated, "mutated.dcm");
        assertThatThrownBy(() -> file.frame(1)).isInstanceOf(DicomException.class)
                .hasMessageContaining("mutated.dcm").hasMessageContaining("frame 1: the JP2 box at byte")
                .hasMessageContaining("claims 685909299 bytes");
    }

    @Test
    void boxesThatFitAndBareCodestreamsPass() throws Exception {
        DicomFile file = DicomFile.read(SEED.bytes(), "seed.dcm");
        assertThat(file.frame(1).rows()).isPositive();
        byte[] codestream = {(byte) 0xFF, 0x4F, (byte) 0xFF, 0x51};
        assertThat(Jpeg2000Header.jp2BoxProblem(codestream)).isNull();
    }

    @Test
    void aCutOffOrTooShortBoxIsNamedButPaddingIsNot() {
        byte[] signature = {0, 0, 0, 0x0C, 0x6A, 0x50, 0x20, 0x20, 0x0D, 0x0A, (byte) 0x87, 0x0A};
        byte[] cut = java.util.Arrays.copyOf(signature, 24);
        cut[15] = 1;
        assertThat(Jpeg2000Header.jp2BoxProblem(cut))
                .isEqualTo("the JP2 box at byte 12 is cut off in its extended length");
        assertThat(Jpeg2000Header.jp2BoxProblem(java.util.Arrays.copyOf(signature, 13))).as("even-length padding")
                .isNull();
        byte[] tooShort = java.util.Arrays.copyOf(signature, 20);
        tooShort[15] = 4;
        assertThat(Jpeg2000Header.jp2BoxProblem(tooShort)).isEqualTo("the JP2 box at byte 12 claims 4 bytes but 8 "
                + "remain");
    }
}
