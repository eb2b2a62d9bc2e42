package org.injectionplanner.plan;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import org.junit.jupiter.api.Test;

class PatientTest {

    private static PlanImage image(String sop, Patient patient) {
        return new PlanImage(sop, "2.25.1", "2.25.2", "test", 1, null, patient, LocalDate.of(2026, 11, 2));
    }

    @Test
    void displayNameReadsThePersonNameForm() {
        assertThat(new Patient("P1", "Doe^Jane^Q^Dr", null).displayName()).isEqualTo("Doe, Jane Q");
        assertThat(new Patient("P1", "Doe", null).displayName()).isEqualTo("Doe");
        assertThat(new Patient("P1", "^Jane", null).displayName()).isEqualTo("Jane");
        assertThat(new Patient("P1", "Yamada^Tarou=山田^太郎", null).displayName()).isEqualTo("Yamada, Tarou");
        assertThat(new Patient("P1", null, null).displayName()).isEmpty();
    }

    @Test
    void thePlansPatientIsItsImagesPatient() {
        Patient jane = new Patient("P1", "Doe^Jane", LocalDate.of(1970, 1, 2));
        SessionPlan plan = SessionPlan.newDraft(PlanFixtures.COURSE, 1, PlanFixtures.DATE, "Dr A")
                .withImage(image("2.25.10", null)).withImage(image("2.25.11", jane));
        assertThat(plan.patient()).contains(jane);
        assertThat(SessionPlan.newDraft(PlanFixtures.COURSE, 1, PlanFixtures.DATE, "Dr A").patient()).isEmpty();
    }

    @Test
    void anImageOfAnotherPatientIsRefused() {
        SessionPlan plan = SessionPlan.newDraft(PlanFixtures.COURSE, 1, PlanFixtures.DATE, "Dr A")
                .withImage(image("2.25.10", new Patient("P1", "Doe^Jane", null)));
        assertThatThrownBy(() -> plan.withImage(image("2.25.11", new Patient("P2", "Roe^Rick", null))))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("2.25.11").hasMessageContaining("Patient ID P2").hasMessageContaining("P1");
        assertThat(plan.withImage(image("2.25.12", new Patient("", "", null))).images()).hasSize(2);
    }

    @Test
    void namesWithControlCharactersAreRefused() {
        assertThatThrownBy(() -> new Patient("P1", "Doe\u0007", null)).isInstanceOf(IllegalArgumentException.class);
    }
}
