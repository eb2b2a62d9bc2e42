package org.injectionplanner.imagej;

import static org.assertj.core.api.Assertions.assertThat;

import ij.ImagePlus;
import ij.measure.Calibration;
import ij.process.ByteProcessor;
import ij.process.ColorProcessor;
import ij.process.ImageProcessor;
import ij.process.ShortProcessor;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.injectionplanner.dicom.DataSet;
import org.injectionplanner.dicom.DicomFile;
import org.injectionplanner.dicom.Frame;
import org.injectionplanner.dicom.FrameTiming;
import org.injectionplanner.dicom.StudyIndex;
import org.injectionplanner.dicom.Tag;
import org.injectionplanner.dicom.TestImages;
import org.injectionplanner.dicom.UltrasoundCalibration;
import org.injectionplanner.dicom.UltrasoundImageWriter;
import org.injectionplanner.dicom.Vr;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The ImageJ adapters, headless: processors, calibration, frame interval, virtual stack paging. */
class UltrasoundImagesTest {

    private static final int ROWS = 48;
    private static final int COLUMNS = 64;

    @TempDir
    Path dir;

    /** A load listener that reports nothing and never cancels (shared with the other image tests). */
    static final UltrasoundImages.LoadListener QUIET = new UltrasoundImages.LoadListener() {
        @Override
        public void firstFrameReady(ImagePlus imp) {
        }

        @Override
        public void progress(int done, int total) {
        }

        @Override
        public boolean cancelled() {
            return false;
        }

        @Override
        public void warning(String message) {
        }
    };

    private Path writeCine(String name, int frames, boolean rgb) throws Exception {
        List<byte[]> data = new ArrayList<>();
        for (int i = 0; i < frames; i++) {
            data.add(TestImages.pattern(ROWS, COLUMNS, rgb, i));
        }
        Path file = dir.resolve(name + ".dcm");
        DataSet header = TestImages.usHeader(name);
        header.putString(Tag.SERIES_DESCRIPTION, Vr.LO, "Test " + name);
        UltrasoundImageWriter.write(file, header,
                new UltrasoundImageWriter.Image(ROWS, COLUMNS, rgb, data, frames > 1 ? 25.0 : null),
                UltrasoundImageWriter.Encoding.UNCOMPRESSED);
        return file;
    }

    private static StudyIndex.OpenableSeries only(Path path) throws Exception {
        StudyIndex.ScanResult scan = StudyIndex.scan(path, (a, b) -> { }, () -> false);
        assertThat(scan.series()).hasSize(1);
        return scan.series().get(0);
    }

    @Test
    void framesBecomeProcessorsOfTheRightType() {
        assertThat(FrameProcessors.toProcessor(new Frame(2, 2, Frame.SampleType.UINT8, new byte[4], null)))
                .isInstanceOf(ByteProcessor.class);
        ImageProcessor signed = FrameProcessors.toProcessor(
                new Frame(1, 2, Frame.SampleType.INT16, null, new short[] {-5, 7}));
        assertThat(signed).isInstanceOf(ShortProcessor.class);
        assertThat(signed.get(0, 0)).isEqualTo(32768 - 5);
        ImageProcessor rgb = FrameProcessors.toProcessor(
                new Frame(1, 1, Frame.SampleType.RGB8, new byte[] {10, 20, (byte) 200}, null));
        assertThat(rgb).isInstanceOf(ColorProcessor.class);
        assertThat(rgb.getPixel(0, 0) & 0xFFFFFF).isEqualTo(10 << 16 | 20 << 8 | 200);
    }

    @Test
    void cineOpensCalibratedAsTimeHyperstackWithFrameInterval() throws Exception {
        Path file = writeCine("cine", 5, true);
        ImagePlus imp = UltrasoundImages.open(only(file), Long.MAX_VALUE, QUIET);
        assertThat(imp.getStackSize()).isEqualTo(5);
        assertThat(imp.getNFrames()).isEqualTo(5);
        assertThat(imp.getNSlices()).isEqualTo(1);
        assertThat(imp.getTitle()).isEqualTo("Test cine (5 frames)");
        Calibration cal = imp.getCalibration();
        assertThat(cal.getUnit()).isEqualTo("mm");
        assertThat(cal.pixelWidth).isEqualTo(0.085);
        assertThat(cal.pixelHeight).isEqualTo(0.085);
        assertThat(cal.frameInterval).isEqualTo(0.025);
        assertThat(cal.fps).isEqualTo(40.0);
        assertThat(imp.getStack().isVirtual()).isFalse();
        try (DicomFile f = DicomFile.open(file)) {
            java.util.Set<Object> arrays = java.util.Collections.newSetFromMap(new java.util.IdentityHashMap<>());
            for (int n = 1; n <= 5; n++) {
                int[] expected = (int[]) FrameProcessors.toProcessor(f.frame(n)).getPixels();
                assertThat((int[]) imp.getStack().getPixels(n)).isEqualTo(expected);
                arrays.add(imp.getStack().getPixels(n));
            }
            assertThat(arrays).as("each frame its own array once loaded (none left on the shared blank)").hasSize(5);
            assertThat(imp.getProp(UltrasoundImages.PROP_SOP_UID))
                    .isEqualTo(f.dataSet().getString(Tag.SOP_INSTANCE_UID));
            assertThat(imp.getProp(UltrasoundImages.PROP_STUDY_UID))
                    .isEqualTo(f.dataSet().getString(Tag.STUDY_INSTANCE_UID));
        }
        assertThat(imp.getInfoProperty()).contains("Physical Delta X").contains("calibrated from ultrasound region 1");
    }

    @Test
    void theFrameShownWhenTheRestIsDecodedGetsItsOwnPixelsOnScreen() throws Exception {
        Path file = writeCine("shown", 5, true);
        UltrasoundImages.LoadListener showThird = new UltrasoundImages.LoadListener() {
            @Override
            public void firstFrameReady(ImagePlus imp) {
                imp.setSlice(3);
            }

            @Override
            public void progress(int done, int total) {
            }

            @Override
            public boolean cancelled() {
                return false;
            }

            @Override
            public void warning(String message) {
            }
        };
        ImagePlus imp = UltrasoundImages.open(only(file), Long.MAX_VALUE, showThird);
        assertThat(imp.getCurrentSlice()).isEqualTo(3);
        assertThat(imp.getProcessor().getPixels()).as("the displayed processor holds frame 3's own array")
                .isSameAs(imp.getStack().getPixels(3));
        try (DicomFile f = DicomFile.open(file)) {
            assertThat((int[]) imp.getProcessor().getPixels())
                    .isEqualTo((int[]) FrameProcessors.toProcessor(f.frame(3)).getPixels());
        }
    }

    @Test
    void cineOverBudgetOpensVirtualAndPagesWithinItsCache() throws Exception {
        Path file = writeCine("big", 12, false);
        long frameBytes = (long) ROWS * COLUMNS;
        ImagePlus imp = UltrasoundImages.open(only(file), 3 * frameBytes, QUIET);
        assertThat(imp.getStack()).isInstanceOf(UltrasoundVirtualStack.class);
        UltrasoundVirtualStack stack = (UltrasoundVirtualStack) imp.getStack();
        assertThat(stack.cacheCapacity()).isEqualTo(3);
        try (DicomFile f = DicomFile.open(file)) {
            for (int n = 12; n >= 1; n--) {
                assertThat((byte[]) stack.getProcessor(n).getPixels()).isEqualTo(f.frame(n).bytes());
                assertThat(stack.cachedFrames()).isLessThanOrEqualTo(3);
            }
        }
        assertThat(stack.getSize()).isEqualTo(12);
    }

    @Test
    void calibrationFallsBackToPixelSpacingAndSaysWhenRegionsDisagree() {
        DataSet ds = new DataSet();
        ds.putString(Tag.PIXEL_SPACING, Vr.DS, "0.2", "0.3");
        ImageCalibrations.Result spacing = ImageCalibrations.of(UltrasoundCalibration.of(ds),
                FrameTiming.of(ds, 1), false);
        assertThat(spacing.calibration().pixelWidth).isEqualTo(0.3);
        assertThat(spacing.calibration().pixelHeight).isEqualTo(0.2);
        assertThat(spacing.description()).startsWith("calibrated from Pixel Spacing");

        DataSet two = TestImages.usHeader("two");
        List<DataSet> regions = new ArrayList<>(two.getSequence(Tag.SEQUENCE_OF_ULTRASOUND_REGIONS));
        DataSet small = new DataSet();
        small.putShorts(Tag.REGION_SPATIAL_FORMAT, Vr.US, 1);
        small.putInts(Tag.REGION_LOCATION_MIN_X0, Vr.UL, 0);
        small.putInts(Tag.REGION_LOCATION_MIN_Y0, Vr.UL, 46);
        small.putInts(Tag.REGION_LOCATION_MAX_X1, Vr.UL, 10);
        small.putInts(Tag.REGION_LOCATION_MAX_Y1, Vr.UL, 47);
        small.putShorts(Tag.PHYSICAL_UNITS_X_DIRECTION, Vr.US, 3);
        small.putShorts(Tag.PHYSICAL_UNITS_Y_DIRECTION, Vr.US, 3);
        small.putDoubles(Tag.PHYSICAL_DELTA_X, -0.02);
        small.putDoubles(Tag.PHYSICAL_DELTA_Y, 0.02);
        regions.add(small);
        two.putSequence(Tag.SEQUENCE_OF_ULTRASOUND_REGIONS, regions);
        ImageCalibrations.Result disagree = ImageCalibrations.of(UltrasoundCalibration.of(two),
                FrameTiming.of(two, 1), false);
        assertThat(disagree.regionsDisagree()).isTrue();
        assertThat(disagree.region().index()).isZero();
        assertThat(disagree.calibration().pixelWidth).isEqualTo(0.085);
        long skin = UltrasoundCalibration.of(two).imageRegion().orElseThrow().y0();
        assertThat(disagree.calibration().getY(skin + 10)).as("ImageJ's y is the depth below the skin line")
                .isCloseTo(10 * 0.085, org.assertj.core.api.Assertions.within(1e-12));
        assertThat(disagree.description()).contains("y is the depth below the skin line (row " + skin + ")");
        assertThat(disagree.description()).contains("differ in scale");

        ImageCalibrations.Result none = ImageCalibrations.of(UltrasoundCalibration.of(new DataSet()),
                FrameTiming.of(new DataSet(), 1), false);
        assertThat(none.calibration().scaled()).isFalse();
        assertThat(none.description()).startsWith("uncalibrated");
    }

    @Test
    void folderScanGroupsSeriesAndSkipsNonDicom() throws Exception {
        writeCine("a", 3, false);
        writeCine("b", 1, true);
        Files.writeString(dir.resolve("notes.txt"), "not an image");
        StudyIndex.ScanResult scan = StudyIndex.scan(dir, (a, b) -> { }, () -> false);
        assertThat(scan.series()).hasSize(2);
        assertThat(scan.skippedFiles()).isEqualTo(1);
        assertThat(scan.series()).extracting(StudyIndex.OpenableSeries::frames).containsExactlyInAnyOrder(3, 1);
    }

    @Test
    void anOverstatedFrameCountOpensTheFramesPresentAndWarns() throws Exception {
        Path file = dir.resolve("overstated.dcm");
        TestImages.writeWithFrameCount(file, TestImages.usHeader("overstated"), 2_147_483_647, 3);
        List<String> warnings = new ArrayList<>();
        UltrasoundImages.LoadListener listener = new UltrasoundImages.LoadListener() {
            @Override
            public void firstFrameReady(ImagePlus imp) {
            }

            @Override
            public void progress(int done, int total) {
            }

            @Override
            public boolean cancelled() {
                return false;
            }

            @Override
            public void warning(String message) {
                warnings.add(message);
            }
        };
        ImagePlus imp = UltrasoundImages.open(only(file), Long.MAX_VALUE, listener);
        assertThat(imp.getStackSize()).isEqualTo(3);
        assertThat(((byte[]) imp.getStack().getPixels(3))[0]).isEqualTo((byte) 3);
        assertThat(warnings).containsExactly(file + ": Number of Frames is 2147483647 but the Pixel Data holds 3;"
                + " the 3 present are read");
    }
}
