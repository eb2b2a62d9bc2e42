package org.injectionplanner.architecture;

import static com.tngtech.archunit.core.domain.JavaClass.Predicates.assignableTo;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAnyPackage;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideOutsideOfPackage;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.type;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.Architectures.layeredArchitecture;
import static com.tngtech.archunit.library.GeneralCodingRules.ACCESS_STANDARD_STREAMS;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.injectionplanner.dicom.PlausibleScale;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The layers of docs/design.md §2, where AWT may be used (docs/decisions.md) and who may write to the
 * console, checked on the main classes.
 */
class ArchitectureTest {

    private static final String ROOT = "org.injectionplanner.";

    /**
     * The AWT packages a painter may use: drawing with Graphics2D and colour spaces (the sRGB profile of a
     * PDF/A output intent), never windows or events.
     */
    private static final String[] PAINTING = {"java.awt", "java.awt.geom", "java.awt.image", "java.awt.font",
        "java.awt.color"};

    private static JavaClasses classes;

    @BeforeAll
    static void importClasses() {
        classes = new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages("org.injectionplanner");
    }

    @Test
    void packagesFollowTheLayerOrder() {
        layeredArchitecture().consideringOnlyDependenciesInLayers()
                .withOptionalLayers(true)
                .layer("dicom").definedBy(ROOT + "dicom..")
                .layer("geometry").definedBy(ROOT + "geometry..")
                .layer("plan").definedBy(ROOT + "plan..")
                .layer("safety").definedBy(ROOT + "safety..")
                .layer("order").definedBy(ROOT + "order..")
                .layer("planfile").definedBy(ROOT + "planfile..")
                .layer("sessionmap").definedBy(ROOT + "sessionmap..")
                .layer("scene").definedBy(ROOT + "scene..")
                .layer("store").definedBy(ROOT + "store..")
                .layer("workspace").definedBy(ROOT + "workspace..")
                .layer("export").definedBy(ROOT + "export..")
                .layer("pacs").definedBy(ROOT + "pacs..")
                .layer("sample").definedBy(ROOT + "sample..")
                .layer("imagej").definedBy(ROOT + "imagej..")
                .layer("cli").definedBy(ROOT + "cli..")
                .whereLayer("dicom").mayNotAccessAnyLayer()
                .whereLayer("geometry").mayOnlyAccessLayers("dicom")
                .whereLayer("plan").mayOnlyAccessLayers("dicom", "geometry")
                .whereLayer("safety").mayOnlyAccessLayers("dicom", "geometry", "plan")
                .whereLayer("order").mayOnlyAccessLayers("dicom", "geometry", "plan")
                .whereLayer("planfile").mayOnlyAccessLayers("dicom", "geometry", "plan", "safety", "order")
                .whereLayer("sessionmap").mayOnlyAccessLayers("dicom", "geometry", "plan", "safety", "order",
                        "planfile")
                .whereLayer("scene").mayOnlyAccessLayers("dicom", "geometry", "plan", "safety", "order",
                        "planfile", "sessionmap")
                .whereLayer("store").mayOnlyAccessLayers("dicom", "geometry", "plan", "safety", "order",
                        "planfile", "sessionmap", "scene")
                .whereLayer("workspace").mayOnlyAccessLayers("dicom", "geometry", "plan", "safety", "order",
                        "planfile", "sessionmap", "scene", "store")
                .whereLayer("export").mayOnlyAccessLayers("dicom", "geometry", "plan", "safety", "order",
                        "planfile", "sessionmap", "scene", "store", "workspace")
                .whereLayer("pacs").mayOnlyAccessLayers("dicom", "geometry", "plan", "safety", "order",
                        "planfile", "sessionmap", "scene", "store", "workspace", "export")
                .whereLayer("sample").mayOnlyAccessLayers("dicom", "geometry", "plan")
                .whereLayer("sample").mayOnlyBeAccessedByLayers("imagej", "cli")
                .whereLayer("imagej").mayNotBeAccessedByAnyLayer()
                .whereLayer("cli").mayNotBeAccessedByAnyLayer()
                .ensureAllClassesAreContainedInArchitecture()
                .check(classes);
    }

    @Test
    void onlyTheImageJPackageUsesImageJ() {
        noClasses().that().resideOutsideOfPackage(ROOT + "imagej..")
                .should().dependOnClassesThat().resideInAPackage("ij..")
                .check(classes);
    }

    @Test
    void exportAndPacsNeverUseImageJ() {
        noClasses().that().resideInAnyPackage(ROOT + "export..", ROOT + "pacs..")
                .should().dependOnClassesThat().resideInAnyPackage("ij..", ROOT + "imagej..")
                .allowEmptyShould(true)
                .check(classes);
    }

    @Test
    void theDicomExportUsesNoAwtAndNotTheExporterAboveIt() {
        noClasses().that().resideInAPackage(ROOT + "export.dicom..")
                .should().dependOnClassesThat().resideInAnyPackage("java.awt..", "javax.swing..", ROOT + "export")
                .allowEmptyShould(true)
                .check(classes);
    }

    @Test
    void onlyImageJUsesWindowsEventsOrSwing() {
        noClasses().that().resideOutsideOfPackage(ROOT + "imagej..")
                .should().dependOnClassesThat(windowing())
                .check(classes);
    }

    @Test
    void awtOnlyInImageJSceneExportAndTheImageIoCodecs() {
        noClasses().that().resideOutsideOfPackages(ROOT + "imagej..", ROOT + "scene..", ROOT + "export..")
                .and().doNotHaveFullyQualifiedName(ROOT + "dicom.ImageIoCodecs")
                .should().dependOnClassesThat().resideInAnyPackage("java.awt..", "javax.swing..")
                .check(classes);
    }

    @Test
    void sceneAndExportPaintWithGraphics2dOnly() {
        classes().that().resideInAnyPackage(ROOT + "scene..", ROOT + "export..")
                .should().onlyDependOnClassesThat(resideOutsideOfPackage("java.awt..")
                        .or(resideInAnyPackage(PAINTING)))
                .allowEmptyShould(true)
                .check(classes);
    }

    @Test
    void theImageIoCodecsUseOnlyRastersAndColourSpaces() {
        classes().that().haveFullyQualifiedName(ROOT + "dicom.ImageIoCodecs")
                .should().onlyDependOnClassesThat(resideOutsideOfPackage("java.awt..")
                        .or(resideInAnyPackage("java.awt", "java.awt.image", "java.awt.color")))
                .check(classes);
    }

    @Test
    void onlyTheCommandLineWritesToTheConsole() {
        noClasses().that().resideOutsideOfPackage(ROOT + "cli..")
                .should(ACCESS_STANDARD_STREAMS)
                .check(classes);
    }

    @Test
    void thePlanFileFormatDependsOnlyOnThePlanModel() {
        classes().that().resideInAPackage("org.injectionplanner.planfile..")
                .should().onlyDependOnClassesThat(resideOutsideOfPackage("org.injectionplanner..")
                        .or(resideInAnyPackage("org.injectionplanner.planfile..", "org.injectionplanner.plan..",
                                "org.injectionplanner.geometry.."))
                        // the clinic settings' plausible image scale, a value the dicom layer decides with
                        .or(type(PlausibleScale.class)))
                .check(classes);
    }

    @Test
    void packagesHaveNoCycles() {
        slices().matching("org.injectionplanner.(*)..").should().beFreeOfCycles().check(classes);
    }

    /** Windows, components, menus, the toolkit, events, drag and drop, the clipboard and Swing. */
    private static DescribedPredicate<JavaClass> windowing() {
        return resideInAnyPackage("javax.swing..", "java.awt.event..", "java.awt.dnd..", "java.awt.datatransfer..",
                "java.awt.im..", "java.awt.print..")
                .or(assignableTo("java.awt.Component"))
                .or(assignableTo("java.awt.MenuComponent"))
                .or(assignableTo("java.awt.Toolkit"))
                .as("are windowing AWT or Swing");
    }
}
