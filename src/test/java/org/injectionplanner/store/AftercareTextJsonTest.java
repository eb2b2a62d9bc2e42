package org.injectionplanner.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.injectionplanner.plan.ClinicSettings;
import org.injectionplanner.planfile.SettingsJson;
import org.junit.jupiter.api.Test;

/** The clinic's aftercare text in the settings document (docs/plan-format.md §5): round trip, old files. */
class AftercareTextJsonTest {

    private static final ObjectMapper MAPPER = new ObjectMapper();

    @Test
    void theAftercareTextRoundTripsWithItsLineBreaksAndIsWrittenLast() throws Exception {
        ClinicSettings settings = ClinicSettings.defaults().withAftercareText("Keep the sites dry for 24 hours.\n"
                + "Call the clinic for fever or new weakness.");
        byte[] json = SettingsJson.write(settings);
        assertThat(SettingsJson.read(json, "settings.json")).isEqualTo(settings);
        ObjectNode tree = (ObjectNode) MAPPER.readTree(json);
        assertThat(tree.path("aftercareText").asText()).isEqualTo(settings.aftercareText());
        var names = tree.fieldNames();
        String last = null;
        while (names.hasNext()) {
            last = names.next();
        }
        assertThat(last).isEqualTo("aftercareText");
    }

    @Test
    void aFileWithoutItReadsWithNoneAndControlCharactersAreRefused() throws Exception {
        ObjectNode old = (ObjectNode) MAPPER.readTree(SettingsJson.write(ClinicSettings.defaults()
                .withAftercareText("x")));
        old.remove("aftercareText");
        assertThat(SettingsJson.read(MAPPER.writeValueAsBytes(old), "old.json").aftercareText()).isEmpty();
        assertThatThrownBy(() -> ClinicSettings.defaults().withAftercareText("bell\u0007"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("the aftercare text");
    }
}
