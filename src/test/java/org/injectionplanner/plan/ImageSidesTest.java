package org.injectionplanner.plan;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import java.util.UUID;
import org.injectionplanner.dicom.PatientOrientation;
import org.junit.jupiter.api.Test;

/** Image sides: from the header, set by a physician, and as an undoable edit of the plan. */
class ImageSidesTest {

    private static final PlanImage IMAGE = new PlanImage("1.2.3", "1.2", "1.2.3.0", "transverse L4-L5", 1, null,
            null, null);

    @Test
    void theHeadersRowDirectionGivesTheEdgesAndTheMidlineIsTheCentre() {
        ImageSides transverse = ImageSides.fromHeader(new PatientOrientation("L", "P"), 800).orElseThrow();
        assertThat(transverse.leftEdge()).isEqualTo(PatientDirection.RIGHT);
        assertThat(transverse.rightEdge()).isEqualTo(PatientDirection.LEFT);
        assertThat(transverse.midlineX()).isEqualTo(400.0);
        assertThat(transverse.source()).isEqualTo(ImageSides.Source.DICOM_HEADER);
        assertThat(transverse.describe()).isEqualTo("left edge R, right edge L, midline at x = 400.0 (from the DICOM "
                + "header: Patient Orientation (0020,0020) \"L\\P\")");
        assertThat(transverse.sideAt(100)).contains(Side.RIGHT);
        assertThat(transverse.sideAt(700)).contains(Side.LEFT);
        ImageSides longitudinal = ImageSides.fromHeader(new PatientOrientation("H", "A"), 640).orElseThrow();
        assertThat(longitudinal.leftEdge()).isEqualTo(PatientDirection.CAUDAL);
        assertThat(longitudinal.rightEdge().marker()).isEqualTo("CRAN");
        assertThat(longitudinal.midlineX()).isNull();
        assertThat(longitudinal.sideAt(10)).isEmpty();
        assertThat(ImageSides.fromHeader(new PatientOrientation("A", "F"), 640)).isEmpty();
        assertThat(ImageSides.fromHeader(null, 640)).isEmpty();
    }

    @Test
    void sidesAreConsistentOrRefused() {
        assertThatThrownBy(() -> new ImageSides(PatientDirection.RIGHT, null, ImageSides.Source.PHYSICIAN, "Dr A"))
                .hasMessageContaining("midline");
        assertThatThrownBy(() -> new ImageSides(PatientDirection.CRANIAL, 3.0, ImageSides.Source.PHYSICIAN, "Dr A"))
                .hasMessageContaining("longitudinal");
        assertThatThrownBy(() -> new ImageSides(PatientDirection.LEFT, -1.0, ImageSides.Source.PHYSICIAN, ""))
                .hasMessageContaining("-1.0");
        assertThatThrownBy(() -> new ImageSides(PatientDirection.LEFT, 5.0, ImageSides.Source.DICOM_HEADER, " "))
                .hasMessageContaining("name the element");
        assertThat(new ImageSides(PatientDirection.LEFT, 5.0, ImageSides.Source.PHYSICIAN, null).describe())
                .endsWith("(set by a physician)");
        assertThat(PatientDirection.parse("cran")).isEqualTo(PatientDirection.CRANIAL);
        assertThat(PatientDirection.parse("F")).isEqualTo(PatientDirection.CAUDAL);
        assertThatThrownBy(() -> PatientDirection.parse("up")).hasMessageContaining("R, L, CRAN or CAUD");
    }

    @Test
    void settingTheSidesIsOneUndoableEditThatAddsTheImage() {
        SessionPlan empty = SessionPlan.newDraft(UUID.randomUUID(), 1, LocalDate.of(2026, 12, 5), "Dr A");
        PlanEditor editor = new PlanEditor(empty);
        ImageSides sides = new ImageSides(PatientDirection.RIGHT, 320.0, ImageSides.Source.PHYSICIAN, "Dr A");
        editor.apply(PlanEdits.setImageSides(IMAGE, sides));
        assertThat(editor.plan().image("1.2.3").orElseThrow().sides()).isEqualTo(sides);
        editor.apply(PlanEdits.setImageSides(IMAGE, null));
        assertThat(editor.plan().image("1.2.3").orElseThrow().sides()).isNull();
        editor.undo();
        assertThat(editor.plan().image("1.2.3").orElseThrow().sides()).isEqualTo(sides);
        editor.undo();
        assertThat(editor.plan().images()).isEmpty();
        editor.redo();
        assertThat(editor.plan().image("1.2.3").orElseThrow().sides()).isEqualTo(sides);
    }
}
