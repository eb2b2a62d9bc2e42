package org.injectionplanner.dicom;

/** Tags used by the project, as 32-bit integers {@code (group << 16) | element}. */
public final class Tag {

    public static final int FILE_META_GROUP_LENGTH = 0x00020000;
    public static final int FILE_META_VERSION = 0x00020001;
    public static final int MEDIA_STORAGE_SOP_CLASS_UID = 0x00020002;
    public static final int MEDIA_STORAGE_SOP_INSTANCE_UID = 0x00020003;
    public static final int TRANSFER_SYNTAX_UID = 0x00020010;
    public static final int IMPLEMENTATION_CLASS_UID = 0x00020012;
    public static final int IMPLEMENTATION_VERSION_NAME = 0x00020013;

    public static final int SPECIFIC_CHARACTER_SET = 0x00080005;
    public static final int IMAGE_TYPE = 0x00080008;
    public static final int SOP_CLASS_UID = 0x00080016;
    public static final int SOP_INSTANCE_UID = 0x00080018;
    public static final int STUDY_DATE = 0x00080020;
    public static final int SERIES_DATE = 0x00080021;
    public static final int CONTENT_DATE = 0x00080023;
    public static final int STUDY_TIME = 0x00080030;
    public static final int SERIES_TIME = 0x00080031;
    public static final int CONTENT_TIME = 0x00080033;
    public static final int ACCESSION_NUMBER = 0x00080050;
    public static final int MODALITY = 0x00080060;
    public static final int MANUFACTURER = 0x00080070;
    public static final int REFERRING_PHYSICIAN_NAME = 0x00080090;
    public static final int STUDY_DESCRIPTION = 0x00081030;
    public static final int SERIES_DESCRIPTION = 0x0008103E;
    public static final int MANUFACTURER_MODEL_NAME = 0x00081090;
    public static final int RECOMMENDED_DISPLAY_FRAME_RATE = 0x00082144;
    public static final int PATIENT_NAME = 0x00100010;
    public static final int PATIENT_ID = 0x00100020;
    public static final int PATIENT_BIRTH_DATE = 0x00100030;
    public static final int PATIENT_SEX = 0x00100040;
    public static final int BODY_PART_EXAMINED = 0x00180015;
    public static final int CINE_RATE = 0x00180040;
    public static final int FRAME_TIME = 0x00181063;
    public static final int FRAME_TIME_VECTOR = 0x00181065;
    public static final int TRANSDUCER_DATA = 0x00185010;
    public static final int SEQUENCE_OF_ULTRASOUND_REGIONS = 0x00186011;
    public static final int REGION_SPATIAL_FORMAT = 0x00186012;
    public static final int REGION_DATA_TYPE = 0x00186014;
    public static final int REGION_FLAGS = 0x00186016;
    public static final int REGION_LOCATION_MIN_X0 = 0x00186018;
    public static final int REGION_LOCATION_MIN_Y0 = 0x0018601A;
    public static final int REGION_LOCATION_MAX_X1 = 0x0018601C;
    public static final int REGION_LOCATION_MAX_Y1 = 0x0018601E;
    public static final int REFERENCE_PIXEL_X0 = 0x00186020;
    public static final int REFERENCE_PIXEL_Y0 = 0x00186022;
    public static final int PHYSICAL_UNITS_X_DIRECTION = 0x00186024;
    public static final int PHYSICAL_UNITS_Y_DIRECTION = 0x00186026;
    public static final int REFERENCE_PIXEL_PHYSICAL_VALUE_X = 0x00186028;
    public static final int REFERENCE_PIXEL_PHYSICAL_VALUE_Y = 0x0018602A;
    public static final int PHYSICAL_DELTA_X = 0x0018602C;
    public static final int PHYSICAL_DELTA_Y = 0x0018602E;
    public static final int TRANSDUCER_FREQUENCY = 0x00186030;
    /** Transducer Type (US Image module): LINEAR, CURVED LINEAR, SECTOR_PHASED, ... */
    public static final int TRANSDUCER_TYPE = 0x00186031;
    public static final int STUDY_INSTANCE_UID = 0x0020000D;
    public static final int SERIES_INSTANCE_UID = 0x0020000E;
    public static final int STUDY_ID = 0x00200010;
    public static final int SERIES_NUMBER = 0x00200011;
    public static final int INSTANCE_NUMBER = 0x00200013;
    public static final int PATIENT_ORIENTATION = 0x00200020;
    public static final int LATERALITY = 0x00200060;
    public static final int SAMPLES_PER_PIXEL = 0x00280002;
    public static final int PHOTOMETRIC_INTERPRETATION = 0x00280004;
    public static final int PLANAR_CONFIGURATION = 0x00280006;
    public static final int NUMBER_OF_FRAMES = 0x00280008;
    public static final int FRAME_INCREMENT_POINTER = 0x00280009;
    public static final int ROWS = 0x00280010;
    public static final int COLUMNS = 0x00280011;
    public static final int PIXEL_SPACING = 0x00280030;
    public static final int BITS_ALLOCATED = 0x00280100;
    public static final int BITS_STORED = 0x00280101;
    public static final int HIGH_BIT = 0x00280102;
    public static final int PIXEL_REPRESENTATION = 0x00280103;
    public static final int LOSSY_IMAGE_COMPRESSION = 0x00282110;
    public static final int LOSSY_IMAGE_COMPRESSION_RATIO = 0x00282112;
    public static final int LOSSY_IMAGE_COMPRESSION_METHOD = 0x00282114;
    public static final int RED_PALETTE_LUT_DESCRIPTOR = 0x00281101;
    public static final int GREEN_PALETTE_LUT_DESCRIPTOR = 0x00281102;
    public static final int BLUE_PALETTE_LUT_DESCRIPTOR = 0x00281103;
    public static final int RED_PALETTE_LUT_DATA = 0x00281201;
    public static final int GREEN_PALETTE_LUT_DATA = 0x00281202;
    public static final int BLUE_PALETTE_LUT_DATA = 0x00281203;
    public static final int SEGMENTED_RED_PALETTE_LUT_DATA = 0x00281221;
    public static final int SEGMENTED_GREEN_PALETTE_LUT_DATA = 0x00281222;
    public static final int SEGMENTED_BLUE_PALETTE_LUT_DATA = 0x00281223;
    public static final int EXTENDED_OFFSET_TABLE = 0x7FE00001;
    public static final int EXTENDED_OFFSET_TABLE_LENGTHS = 0x7FE00002;
    public static final int PIXEL_DATA = 0x7FE00010;
    public static final int ITEM = 0xFFFEE000;
    public static final int ITEM_DELIMITATION = 0xFFFEE00D;
    public static final int SEQUENCE_DELIMITATION = 0xFFFEE0DD;

    private Tag() {
    }

    /** {@code (gggg,eeee)} in upper-case hex. */
    public static String toString(int tag) {
        return String.format("(%04X,%04X)", tag >>> 16, tag & 0xFFFF);
    }

    /** The group number, 0..0xFFFF. */
    public static int group(int tag) {
        return tag >>> 16;
    }

    /** True for private tags (odd group numbers other than 1, 3, 5, 7 and 0xFFFF). */
    public static boolean isPrivate(int tag) {
        int group = group(tag);
        return (group & 1) == 1 && group > 8 && group != 0xFFFF;
    }
}
