package org.injectionplanner.architecture;

import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAnyPackage;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideOutsideOfPackage;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The layering of DESIGN.md §2, and where AWT may be used (docs/decisions.md). */
class ArchitectureTest {

    private static JavaClasses classes;

    @BeforeAll
    static void importClasses() {
        classes = new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages("org.injectionplanner");
    }

    @Test
    void onlyTheImageJPackageUsesImageJ() {
        noClasses().that().resideOutsideOfPackage("org.injectionplanner.imagej..")
                .should().dependOnClassesThat().resideInAPackage("ij..")
                .check(classes);
    }

    @Test
    void awtOnlyInImageJExportCliAndTheImageIoCodecs() {
        noClasses().that().resideOutsideOfPackages("org.injectionplanner.imagej..",
                        "org.injectionplanner.export..", "org.injectionplanner.cli..")
                .and().doNotHaveFullyQualifiedName("org.injectionplanner.dicom.ImageIoCodecs")
                .should().dependOnClassesThat().resideInAnyPackage("java.awt..", "javax.swing..")
                .check(classes);
    }

    @Test
    void theCodecDependsOnNothingOfTheProject() {
        noClasses().that().resideInAPackage("org.injectionplanner.dicom..")
                .should().dependOnClassesThat().resideInAnyPackage("org.injectionplanner.imagej..",
                        "org.injectionplanner.cli..", "org.injectionplanner.sample..",
                        "org.injectionplanner.plan..", "org.injectionplanner.store..")
                .check(classes);
    }

    @Test
    void thePlanModelDependsOnlyOnGeometryAndDicom() {
        classes().that().resideInAPackage("org.injectionplanner.plan..")
                .should().onlyDependOnClassesThat(resideOutsideOfPackage("org.injectionplanner..")
                        .or(resideInAnyPackage("org.injectionplanner.plan..", "org.injectionplanner.geometry..",
                                "org.injectionplanner.dicom..")))
                .check(classes);
    }

    @Test
    void safetyAndOrderDependOnNothingOfStoreExportImageJOrCli() {
        noClasses().that().resideInAnyPackage("org.injectionplanner.safety..", "org.injectionplanner.order..")
                .should().dependOnClassesThat().resideInAnyPackage("org.injectionplanner.store..",
                        "org.injectionplanner.export..", "org.injectionplanner.imagej..", "org.injectionplanner.cli..")
                .check(classes);
    }

    @Test
    void thePlanFileFormatDependsOnlyOnThePlanModel() {
        classes().that().resideInAPackage("org.injectionplanner.planfile..")
                .should().onlyDependOnClassesThat(resideOutsideOfPackage("org.injectionplanner..")
                        .or(resideInAnyPackage("org.injectionplanner.planfile..", "org.injectionplanner.plan..",
                                "org.injectionplanner.geometry..")))
                .check(classes);
    }

    @Test
    void packagesHaveNoCycles() {
        slices().matching("org.injectionplanner.(*)..").should().beFreeOfCycles().check(classes);
    }
}
