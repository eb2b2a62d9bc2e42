package org.injectionplanner.imagej;

import static org.assertj.core.api.Assertions.assertThat;

import org.injectionplanner.plan.Laterality;
import org.junit.jupiter.api.Test;

/** How Clinic Settings reads a new structure's laterality from its dialog and from recorded macros. */
class ClinicSettingsCommandTest {

    @Test
    void theChoiceIsTheLateralityInTheDialogAndInMacrosThatNameIt() {
        assertThat(ClinicSettingsCommand.lateralityOf("any", null)).isEqualTo(Laterality.ANY);
        assertThat(ClinicSettingsCommand.lateralityOf("paired", "new_id=x new_laterality=paired levelled "))
                .isEqualTo(Laterality.PAIRED);
    }

    @Test
    void aMacroRecordedBeforeTheChoiceMeansMidlineByItsCheckbox() {
        assertThat(ClinicSettingsCommand.lateralityOf("paired", "new_id=x new_kind=ligament structure_midline "))
                .isEqualTo(Laterality.MIDLINE);
        assertThat(ClinicSettingsCommand.lateralityOf("paired", "structure_midline levelled"))
                .isEqualTo(Laterality.MIDLINE);
        assertThat(ClinicSettingsCommand.lateralityOf("any", "structure_midline new_laterality=any"))
                .as("the new key wins").isEqualTo(Laterality.ANY);
    }

    @Test
    void theOldKeyInsideABracketedValueIsNotTheCheckbox() {
        assertThat(ClinicSettingsCommand.lateralityOf("paired", "new_id=x new_name=[a structure_midline b] "))
                .isEqualTo(Laterality.PAIRED);
        assertThat(ClinicSettingsCommand.lateralityOf("paired", "new_name=[structure_midline] levelled"))
                .isEqualTo(Laterality.PAIRED);
    }
}
