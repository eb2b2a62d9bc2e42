package org.injectionplanner.plan;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

/** Structures as a user reads them (by name) and as macros give them (by id, or by name). */
class StructureNamesTest {

    private final StructureCatalogue catalogue = StructureCatalogue.defaults();

    @Test
    void anIdIsShownByItsName() {
        assertThat(catalogue.nameOf("long-posterior-sacroiliac")).isEqualTo("Long posterior sacroiliac ligament");
        assertThat(catalogue.nameOf("other-clinics-structure")).as("not in this catalogue: its id")
                .isEqualTo("other-clinics-structure");
        assertThat(catalogue.nameOf(null)).isEmpty();
    }

    @Test
    void theNamesAreOfferedInCatalogueOrder() {
        assertThat(catalogue.names()).hasSameSizeAs(catalogue.ids()).startsWith("Supraspinous ligament",
                "Interspinous ligament", "Iliolumbar ligament", "Long posterior sacroiliac ligament")
                .noneMatch(n -> n.contains("-") && !n.contains(" "));
        for (int i = 0; i < catalogue.ids().size(); i++) {
            assertThat(catalogue.require(catalogue.names().get(i)).id()).isEqualTo(catalogue.ids().get(i));
        }
    }

    @Test
    void aMacroGivesAnIdOrANameInAnyCase() {
        assertThat(catalogue.require("long-posterior-sacroiliac").name())
                .isEqualTo("Long posterior sacroiliac ligament");
        assertThat(catalogue.require("long posterior sacroiliac LIGAMENT").id()).isEqualTo("long-posterior-sacroiliac");
        assertThat(catalogue.require(" Facet joint capsule ").id()).isEqualTo("facet-capsule");
        assertThatThrownBy(() -> catalogue.require("facet")).hasMessageContaining("unknown structure 'facet'");
    }

    @Test
    void anUnknownStructureIsRefusedListingTheCatalogueByNameWithTheIdsForMacros() {
        assertThatThrownBy(() -> catalogue.require("facet")).hasMessageStartingWith("unknown structure 'facet': "
                + "choose one of the catalogue (Supraspinous ligament [supraspinous], Interspinous ligament "
                + "[interspinous], Iliolumbar ligament [iliolumbar], Long posterior sacroiliac ligament "
                + "[long-posterior-sacroiliac], ").hasMessageEndingWith(
                        "Sacrococcygeal ligament [sacrococcygeal]) or add it");
    }

    @Test
    void aLabelIsGivenItsStructuresNameOnce() {
        assertThat(catalogue.withName("L iliolumbar", "iliolumbar")).isEqualTo("L iliolumbar · Iliolumbar ligament");
        assertThat(catalogue.withName("left iliolumbar LIGAMENT", "iliolumbar")).isEqualTo("left iliolumbar LIGAMENT");
        assertThat(catalogue.withName(" ", "facet-capsule")).isEqualTo("Facet joint capsule");
        assertThat(catalogue.withName("L5", null)).isEqualTo("L5");
    }

    @Test
    void anIdGoesBeforeAnotherStructuresName() {
        Structure namedLikeAnId = new Structure("odd", "iliolumbar", StructureKind.LIGAMENT, null, null,
                Laterality.PAIRED, false, List.of(), true);
        StructureCatalogue withIt = catalogue.with(namedLikeAnId);
        assertThat(withIt.require("iliolumbar").name()).isEqualTo("Iliolumbar ligament");
        assertThat(withIt.require("odd")).isEqualTo(namedLikeAnId);
    }

    @Test
    void twoStructuresOfOneNameAreRefused() {
        Structure twin = new Structure("iliolumbar-2", "ILIOLUMBAR ligament", StructureKind.LIGAMENT, null, null,
                Laterality.PAIRED, false, List.of(), true);
        assertThatThrownBy(() -> catalogue.with(twin)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("duplicate structure name 'ILIOLUMBAR ligament'")
                .hasMessageContaining("iliolumbar-2");
    }
}
