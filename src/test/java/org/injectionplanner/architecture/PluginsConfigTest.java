package org.injectionplanner.architecture;

import static org.assertj.core.api.Assertions.assertThat;

import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.domain.JavaModifier;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * {@code src/main/resources/plugins.config} lists exactly the plugin's ImageJ plugin classes, each once
 * under a unique label, in the submenus of docs/design.md §4. A class missing from the file never shows in
 * ImageJ's menus; a line naming no plugin class fails when ImageJ starts. A plugin class is a public,
 * concrete class that is a {@code PlugIn}, {@code PlugInFilter}, {@code PlugInTool} or {@code PlugInFrame}:
 * what ImageJ can create from a menu line. A frame the plugin opens itself (the Plan Panel) is not public.
 */
class PluginsConfigTest {

    private static final Path CONFIG = Path.of("src/main/resources/plugins.config");

    /** {@code <menu path>, "<label>", <class>} with an optional {@code ("arg")}; or a separator. */
    private static final Pattern COMMAND = Pattern.compile(
            "(?<menu>[^,\"]+),\\s*\"(?<label>[^\"]+)\",\\s*(?<cls>[\\w.$]+)(?:\\(\"[^\"]*\"\\))?");
    private static final Pattern SEPARATOR = Pattern.compile("(?<menu>[^,\"]+),\\s*\"-\"");

    private static final Set<String> SUBMENUS = Set.of("Study", "Annotate", "Plan", "Session", "Export",
            "Settings");

    private static final List<String> PLUGIN_TYPES = List.of("ij.plugin.PlugIn", "ij.plugin.filter.PlugInFilter",
            "ij.plugin.tool.PlugInTool", "ij.plugin.frame.PlugInFrame");

    private static final List<Line> lines = new ArrayList<>();

    /** One command line of the file. */
    private record Line(int number, String menu, String label, String className) {
    }

    @BeforeAll
    static void readConfig() throws IOException {
        List<String> text = Files.readAllLines(CONFIG, StandardCharsets.UTF_8);
        for (int i = 0; i < text.size(); i++) {
            String line = text.get(i).strip();
            if (line.isEmpty() || line.startsWith("#")) {
                continue;
            }
            Matcher separator = SEPARATOR.matcher(line);
            if (separator.matches()) {
                assertSubmenu(i + 1, separator.group("menu").strip());
                continue;
            }
            Matcher m = COMMAND.matcher(line);
            assertThat(m.matches()).as("%s line %d is not `<menu>, \"<label>\", <class>`: %s", CONFIG, i + 1, line)
                    .isTrue();
            assertSubmenu(i + 1, m.group("menu").strip());
            lines.add(new Line(i + 1, m.group("menu").strip(), m.group("label"), m.group("cls")));
        }
    }

    private static void assertSubmenu(int number, String menu) {
        assertThat(menu).as("%s line %d: menu", CONFIG, number).startsWith("Plugins>Injection Planner>");
        assertThat(menu.substring("Plugins>Injection Planner>".length()))
                .as("%s line %d: submenu", CONFIG, number).isIn(SUBMENUS);
    }

    @Test
    void listsExactlyThePluginClasses() {
        JavaClasses main = new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages("org.injectionplanner");
        Set<String> plugins = main.stream()
                .filter(c -> c.getModifiers().contains(JavaModifier.PUBLIC))
                .filter(c -> !c.isInterface() && !c.getModifiers().contains(JavaModifier.ABSTRACT))
                .filter(c -> PLUGIN_TYPES.stream().anyMatch(c::isAssignableTo))
                .map(JavaClass::getName)
                .collect(Collectors.toCollection(TreeSet::new));
        List<String> listed = lines.stream().map(Line::className).sorted().toList();

        assertThat(plugins).as("plugin classes").isNotEmpty();
        assertThat(listed).as("classes in %s", CONFIG).doesNotHaveDuplicates();
        assertThat(new TreeSet<>(listed)).as("classes in %s against the plugin classes", CONFIG)
                .isEqualTo(plugins);
    }

    @Test
    void labelsAreUniqueAndEveryListedClassCanBeCreatedByImageJ() {
        assertThat(lines.stream().map(Line::label).toList()).as("labels in %s", CONFIG).doesNotHaveDuplicates();
        JavaClasses main = new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages("org.injectionplanner");
        for (Line line : lines) {
            assertThat(main.contain(line.className())).as("%s line %d: class %s", CONFIG, line.number(),
                    line.className()).isTrue();
            JavaClass c = main.get(line.className());
            assertThat(c.getModifiers()).as("%s line %d: %s is public", CONFIG, line.number(), c.getName())
                    .contains(JavaModifier.PUBLIC);
            assertThat(c.getConstructors().stream().anyMatch(k -> k.getRawParameterTypes().isEmpty()
                    && k.getModifiers().contains(JavaModifier.PUBLIC)))
                    .as("%s line %d: %s has a public constructor without arguments", CONFIG, line.number(),
                            c.getName())
                    .isTrue();
        }
    }
}
