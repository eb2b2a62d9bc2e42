package org.injectionplanner.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;
import org.injectionplanner.plan.Anaesthetic;
import org.injectionplanner.plan.ClinicSettings;
import org.injectionplanner.plan.DrugTable;
import org.injectionplanner.plan.PercentRange;
import org.injectionplanner.planfile.PlanFormatException;
import org.injectionplanner.planfile.SettingsJson;
import org.junit.jupiter.api.Test;

/** The drug table in the clinic settings document (docs/plan-format.md §5): round trip, old files, errors. */
class DrugTableJsonTest {

    private static final ObjectMapper MAPPER = new ObjectMapper();

    private static ClinicSettings custom() {
        List<Anaesthetic> anaesthetics = new ArrayList<>(DrugTable.defaults().anaesthetics());
        anaesthetics.set(0, Anaesthetic.fromLine("lidocaine; lignocaine, Xylocaine, Lidocaton; 3.5; 250; 6; 400; 0.05; "
                + "1"));
        anaesthetics.add(Anaesthetic.fromLine("articaine; Septocaine, Ubistesin; 5; 350; 7; 500; 0; 4"));
        return ClinicSettings.defaults().withDrugs(new DrugTable(anaesthetics, new PercentRange(10, 25)));
    }

    @Test
    void aClinicsDrugTableRoundTrips() throws Exception {
        ClinicSettings settings = custom();
        ClinicSettings read = SettingsJson.read(SettingsJson.write(settings), "settings.json");
        assertThat(read).isEqualTo(settings);
        assertThat(read.drugs().find("Lidocaton with adrenaline")).hasValueSatisfying(m -> {
            assertThat(m.drug().name()).isEqualTo("lidocaine");
            assertThat(m.withVasoconstrictor()).isTrue();
            assertThat(m.drug().withVasoconstrictor()).isEqualTo(new Anaesthetic.DoseLimit(6, 400));
        });
        assertThat(read.drugs().dextrose()).isEqualTo(new PercentRange(10, 25));
        ObjectNode tree = (ObjectNode) MAPPER.readTree(SettingsJson.write(settings));
        assertThat(tree.path("limits").has("maxAnaestheticMg")).as("the old fields are not written").isFalse();
        assertThat(tree.path("drugs").path("anaesthetics").get(6).path("name").asText()).isEqualTo("articaine");
    }

    @Test
    void aFileWithoutTheDrugTableGetsTheSourcedDefaultsAndKeepsItsLidocaineLimits() throws Exception {
        ObjectNode old = (ObjectNode) MAPPER.readTree(SettingsJson.write(ClinicSettings.defaults()));
        old.remove("drugs");
        assertThat(SettingsJson.read(MAPPER.writeValueAsBytes(old), "old.json")).isEqualTo(ClinicSettings.defaults());
        ((ObjectNode) old.get("limits")).put("maxAnaestheticMg", 200.0).put("maxAnaestheticMgPerKg", 3.0);
        ClinicSettings read = SettingsJson.read(MAPPER.writeValueAsBytes(old), "old.json");
        assertThat(read.drugs().find("Xylocaine").orElseThrow().drug().plain())
                .isEqualTo(new Anaesthetic.DoseLimit(3.0, 200));
    }

    @Test
    void errorsNameTheFieldAtFault() throws Exception {
        ObjectNode tree = (ObjectNode) MAPPER.readTree(SettingsJson.write(custom()));
        ((ObjectNode) tree.at("/drugs/anaesthetics/1/concentration")).put("maxPercent", -1.0);
        assertThatThrownBy(() -> SettingsJson.read(MAPPER.writeValueAsBytes(tree), "s.json"))
                .isInstanceOf(PlanFormatException.class)
                .hasMessageStartingWith("s.json: /drugs/anaesthetics/1/concentration: a concentration range needs");

        ObjectNode both = (ObjectNode) MAPPER.readTree(SettingsJson.write(custom()));
        ((ObjectNode) both.get("limits")).put("maxAnaestheticMg", 300.0);
        assertThatThrownBy(() -> SettingsJson.read(MAPPER.writeValueAsBytes(both), "s.json"))
                .isInstanceOf(PlanFormatException.class)
                .hasMessage("s.json: /limits/maxAnaestheticMg: replaced by the drug table /drugs: set the lidocaine "
                        + "limit there");

        ObjectNode duplicate = (ObjectNode) MAPPER.readTree(SettingsJson.write(custom()));
        ((ArrayNode) duplicate.at("/drugs/anaesthetics/6/synonyms")).add("Marcaine");
        assertThatThrownBy(() -> SettingsJson.read(MAPPER.writeValueAsBytes(duplicate), "s.json"))
                .isInstanceOf(PlanFormatException.class)
                .hasMessage("s.json: /drugs: drug name 'Marcaine' is listed for both bupivacaine and articaine");
    }
}
