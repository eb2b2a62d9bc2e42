package org.injectionplanner.plan;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

/** How entered anaesthetic names find their drug, and the table's own rules. */
class DrugTableTest {

    private static final DrugTable TABLE = DrugTable.defaults();

    private static String drug(String entered) {
        return TABLE.find(entered).map(m -> m.drug().name() + (m.withVasoconstrictor() ? "+adrenaline" : ""))
                .orElse(null);
    }

    @Test
    void brandNamesSaltsAndTheVasoconstrictorAreRecognised() {
        assertThat(drug("lidocaine")).isEqualTo("lidocaine");
        assertThat(drug(" Xylocaine ")).isEqualTo("lidocaine");
        assertThat(drug("Lidocaine HCl")).isEqualTo("lidocaine");
        assertThat(drug("lignocaine hydrochloride")).isEqualTo("lidocaine");
        assertThat(drug("lidocaine with adrenaline")).isEqualTo("lidocaine+adrenaline");
        assertThat(drug("Xylocaine w/ epinephrine 1:100,000")).isEqualTo("lidocaine+adrenaline");
        assertThat(drug("lidocaine/epi")).isEqualTo("lidocaine+adrenaline");
        assertThat(drug("Marcaine 0.5% with epinephrine")).isEqualTo("bupivacaine+adrenaline");
        assertThat(drug("levobupivacaine")).isEqualTo("levobupivacaine");
        assertThat(drug("Chirocaine")).isEqualTo("levobupivacaine");
        assertThat(drug("Naropin")).isEqualTo("ropivacaine");
        assertThat(drug("Carbocaine")).isEqualTo("mepivacaine");
        assertThat(drug("procaine hydrochloride")).isEqualTo("procaine");
    }

    @Test
    void namesThatAreNotExactlyAKnownOneAreUnknown() {
        assertThat(drug("lidocaine and prilocaine")).isNull();
        assertThat(drug("lido")).isNull();
        assertThat(drug("adrenaline")).isNull();
        assertThat(drug("chloroprocaine")).isNull();
    }

    @Test
    void theDefaultLimitsAreTheSourcedOnes() {
        Anaesthetic lidocaine = TABLE.find("lidocaine").orElseThrow().drug();
        assertThat(lidocaine.plain()).isEqualTo(new Anaesthetic.DoseLimit(4.5, 300));
        assertThat(lidocaine.withVasoconstrictor()).isEqualTo(new Anaesthetic.DoseLimit(7, 500));
        assertThat(lidocaine.plain().mg(50)).isEqualTo(225.0);
        assertThat(lidocaine.plain().mg(80)).isEqualTo(300.0);
        Anaesthetic bupivacaine = TABLE.find("bupivacaine").orElseThrow().drug();
        assertThat(bupivacaine.plain()).isEqualTo(new Anaesthetic.DoseLimit(2, 175));
        assertThat(bupivacaine.withVasoconstrictor()).isEqualTo(new Anaesthetic.DoseLimit(3, 225));
        assertThat(TABLE.dextrose()).isEqualTo(new PercentRange(0, 30));
    }

    @Test
    void linesRoundTripAndBadOnesNameTheirField() {
        for (Anaesthetic a : TABLE.anaesthetics()) {
            assertThat(Anaesthetic.fromLine(a.toLine())).isEqualTo(a);
        }
        assertThat(TABLE.anaesthetics().get(0).toLine()).isEqualTo("lidocaine; lignocaine, lidocain, Xylocaine, "
                + "Xylocain; 4.5; 300; 7; 500; 0; 2");
        assertThatThrownBy(() -> Anaesthetic.fromLine("articaine; ; 5; ; 7; 500; 0; 4"))
                .hasMessage("drug 'articaine; ; 5; ; 7; 500; 0; 4': max mg is missing");
        assertThatThrownBy(() -> Anaesthetic.fromLine("articaine; 5; 350"))
                .hasMessageContaining("expected 8 fields");
        assertThatThrownBy(() -> Anaesthetic.fromLine("articaine; ; 0; 350; 7; 500; 0; 4"))
                .hasMessageContaining("a dose limit needs finite mg/kg and mg above 0");
    }

    @Test
    void theTableRefusesAmbiguousNamesAndNamesOfTheVasoconstrictor() {
        Anaesthetic withAdrenaline = Anaesthetic.fromLine("lidocaine with adrenaline; ; 7; 500; 7; 500; 0; 2");
        assertThatThrownBy(() -> TABLE.withAnaesthetics(List.of(withAdrenaline)))
                .hasMessageContaining("names a vasoconstrictor");
        Anaesthetic twice = Anaesthetic.fromLine("lidocaine-b; Lignocaine HCl; 4.5; 300; 7; 500; 0; 2");
        assertThatThrownBy(() -> new DrugTable(List.of(TABLE.anaesthetics().get(0), twice), TABLE.dextrose()))
                .hasMessage("drug name 'Lignocaine HCl' is listed for both lidocaine and lidocaine-b");
    }
}
