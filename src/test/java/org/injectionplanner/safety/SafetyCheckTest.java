package org.injectionplanner.safety;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** The safety checks' names and path-ness against docs/safety.md, which users and exports read. */
class SafetyCheckTest {

    @Test
    void theChecksAreThoseOfTheDocumentedTable() throws Exception {
        Pattern row = Pattern.compile("^\\| `([a-z-]+)` \\| (violation|warning|note)[^|]* \\|", Pattern.MULTILINE);
        Matcher m = row.matcher(Files.readString(Path.of("docs/safety.md")));
        Set<String> documented = new java.util.TreeSet<>();
        while (m.find()) {
            documented.add(m.group(1));
        }
        assertThat(documented).isEqualTo(Arrays.stream(SafetyCheck.values()).map(SafetyCheck::checkName)
                .collect(Collectors.toCollection(java.util.TreeSet::new)));
    }

    @Test
    void thePathChecksAreTheCalibrationsClearancesNeedleLengthEntryAndAngle() {
        assertThat(Arrays.stream(SafetyCheck.values()).filter(SafetyCheck::aboutPath).map(SafetyCheck::checkName))
                .containsExactlyInAnyOrder("calibration", "path-calibration", "zone-calibration", "zone-clearance",
                        "needle-length", "entry-depth", "insertion-angle", "off-image");
        assertThat(SafetyCheck.isAboutPath("zone-clearance")).isTrue();
        assertThat(SafetyCheck.isAboutPath("level")).isFalse();
        assertThat(SafetyCheck.isAboutPath("no-such-check")).isFalse();
        assertThat(SafetyCheck.named("dura-depth")).contains(SafetyCheck.DURA_DEPTH);
        assertThat(SafetyCheck.DURA_DEPTH.key()).isEqualTo("dura-depth");
        assertThat(SafetyCheck.ZONE_CLEARANCE.key("t", "z")).isEqualTo("zone-clearance/t/z");
    }
}
