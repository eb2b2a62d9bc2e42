package org.injectionplanner.architecture;

import static com.tngtech.archunit.core.domain.JavaClass.Predicates.assignableTo;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAnyPackage;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import java.awt.Component;
import java.awt.MenuComponent;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The plan scene and the session map are core: they draw and tabulate for the ImageJ plugin, the CLI and
 * exports alike. The scene may paint with Java2D (java.awt, its geom, image and font packages) but never
 * open a window; neither uses ImageJ, the store or the CLI.
 */
class SceneArchitectureTest {

    private static JavaClasses classes;

    @BeforeAll
    static void importClasses() {
        classes = new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages("org.injectionplanner");
    }

    @Test
    void theScenePaintsButOpensNoWindow() {
        noClasses().that().resideInAPackage("org.injectionplanner.scene..")
                .should().dependOnClassesThat(resideInAnyPackage("javax.swing..", "java.awt.event..",
                        "java.awt.dnd..", "java.awt.datatransfer..", "java.awt.im..", "java.awt.print..")
                        .or(assignableTo(Component.class)).or(assignableTo(MenuComponent.class)))
                .check(classes);
    }

    @Test
    void sceneAndSessionMapUseNeitherImageJNorTheStoreNorTheCli() {
        noClasses().that().resideInAnyPackage("org.injectionplanner.scene..", "org.injectionplanner.sessionmap..")
                .should().dependOnClassesThat().resideInAnyPackage("ij..", "org.injectionplanner.imagej..",
                        "org.injectionplanner.store..", "org.injectionplanner.cli..")
                .check(classes);
    }

    @Test
    void theSessionMapDrawsNothing() {
        noClasses().that().resideInAPackage("org.injectionplanner.sessionmap..")
                .should().dependOnClassesThat().resideInAnyPackage("java.awt..", "javax.swing..",
                        "org.injectionplanner.scene..")
                .check(classes);
    }
}
