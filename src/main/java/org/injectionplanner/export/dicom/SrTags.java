package org.injectionplanner.export.dicom;

/** Tags of the SR, Encapsulated Document and de-identification modules that {@code dicom.Tag} lacks. */
final class SrTags {

    static final int INSTANCE_CREATION_DATE = 0x00080012;
    static final int INSTANCE_CREATION_TIME = 0x00080013;
    static final int ACQUISITION_DATE_TIME = 0x0008002A;
    static final int CONVERSION_TYPE = 0x00080064;
    static final int INSTITUTION_NAME = 0x00080080;
    static final int INSTITUTION_ADDRESS = 0x00080081;
    static final int CODE_VALUE = 0x00080100;
    static final int CODING_SCHEME_DESIGNATOR = 0x00080102;
    static final int CODE_MEANING = 0x00080104;
    static final int MAPPING_RESOURCE = 0x00080105;
    static final int CODING_SCHEME_IDENTIFICATION_SEQUENCE = 0x00080110;
    static final int CODING_SCHEME_NAME = 0x00080115;
    static final int CODING_SCHEME_RESPONSIBLE_ORGANIZATION = 0x00080116;
    static final int LONG_CODE_VALUE = 0x00080119;
    static final int STATION_NAME = 0x00081010;
    static final int PHYSICIANS_OF_RECORD = 0x00081048;
    static final int PERFORMING_PHYSICIAN_NAME = 0x00081050;
    static final int PHYSICIANS_READING_STUDY = 0x00081060;
    static final int OPERATORS_NAME = 0x00081070;
    static final int REFERENCED_PERFORMED_PROCEDURE_STEP_SEQUENCE = 0x00081111;
    static final int REFERENCED_SERIES_SEQUENCE = 0x00081115;
    static final int REFERENCED_SOP_CLASS_UID = 0x00081150;
    static final int REFERENCED_SOP_INSTANCE_UID = 0x00081155;
    static final int REFERENCED_FRAME_NUMBER = 0x00081160;
    static final int REFERENCED_SOP_SEQUENCE = 0x00081199;
    static final int PATIENT_IDENTITY_REMOVED = 0x00120062;
    static final int DEIDENTIFICATION_METHOD = 0x00120063;
    static final int DEIDENTIFICATION_METHOD_CODE_SEQUENCE = 0x00120064;
    static final int SOFTWARE_VERSIONS = 0x00181020;
    static final int BURNED_IN_ANNOTATION = 0x00280301;
    static final int LONGITUDINAL_TEMPORAL_INFORMATION_MODIFIED = 0x00280303;
    static final int RELATIONSHIP_TYPE = 0x0040A010;
    static final int VERIFYING_ORGANIZATION = 0x0040A027;
    static final int VERIFICATION_DATE_TIME = 0x0040A030;
    static final int VALUE_TYPE = 0x0040A040;
    static final int CONCEPT_NAME_CODE_SEQUENCE = 0x0040A043;
    static final int CONTINUITY_OF_CONTENT = 0x0040A050;
    static final int VERIFYING_OBSERVER_SEQUENCE = 0x0040A073;
    static final int VERIFYING_OBSERVER_NAME = 0x0040A075;
    static final int VERIFYING_OBSERVER_IDENTIFICATION_CODE_SEQUENCE = 0x0040A088;
    static final int PERSON_NAME = 0x0040A123;
    static final int UID = 0x0040A124;
    static final int TEXT_VALUE = 0x0040A160;
    static final int CONCEPT_CODE_SEQUENCE = 0x0040A168;
    static final int MEASURED_VALUE_SEQUENCE = 0x0040A300;
    static final int NUMERIC_VALUE = 0x0040A30A;
    static final int MEASUREMENT_UNITS_CODE_SEQUENCE = 0x004008EA;
    static final int PREDECESSOR_DOCUMENTS_SEQUENCE = 0x0040A360;
    static final int PERFORMED_PROCEDURE_CODE_SEQUENCE = 0x0040A372;
    static final int CURRENT_REQUESTED_PROCEDURE_EVIDENCE_SEQUENCE = 0x0040A375;
    static final int COMPLETION_FLAG = 0x0040A491;
    static final int VERIFICATION_FLAG = 0x0040A493;
    static final int CONTENT_TEMPLATE_SEQUENCE = 0x0040A504;
    static final int CONTENT_SEQUENCE = 0x0040A730;
    static final int TEMPLATE_IDENTIFIER = 0x0040DB00;
    static final int DOCUMENT_TITLE = 0x00420010;
    static final int ENCAPSULATED_DOCUMENT = 0x00420011;
    static final int MIME_TYPE_OF_ENCAPSULATED_DOCUMENT = 0x00420012;
    static final int SOURCE_INSTANCE_SEQUENCE = 0x00420013;
    static final int ENCAPSULATED_DOCUMENT_LENGTH = 0x00420015;
    static final int GRAPHIC_DATA = 0x00700022;
    static final int GRAPHIC_TYPE = 0x00700023;

    private SrTags() {
    }
}
