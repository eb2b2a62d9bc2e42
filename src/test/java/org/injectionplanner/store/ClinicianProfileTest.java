package org.injectionplanner.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The workstation user's clinician profile: kept in a file of its own, read back as written, refused when bad. */
class ClinicianProfileTest {

    @TempDir
    Path dir;

    @Test
    void aProfileIsReadBackAsWrittenAndReplacedByTheNext() throws Exception {
        Path file = dir.resolve(".injection-planner/clinician.json");
        assertThat(ClinicianProfile.read(file)).isEmpty();
        ClinicianProfile p = new ClinicianProfile(" Dr A. Example ", "physician", "GMC 1234567");
        p.write(file);
        assertThat(ClinicianProfile.read(file)).contains(new ClinicianProfile("Dr A. Example", "physician",
                "GMC 1234567"));
        new ClinicianProfile("Dr B", "", "").write(file);
        assertThat(ClinicianProfile.read(file).orElseThrow().name()).isEqualTo("Dr B");
        assertThat(p.description()).isEqualTo("Dr A. Example (physician, registration GMC 1234567)");
        assertThat(new ClinicianProfile("Dr B", "", "42").description()).isEqualTo("Dr B (registration 42)");
        assertThat(new ClinicianProfile("Dr B", "", "").description()).isEqualTo("Dr B");
    }

    @Test
    void aBlankNameOrABadFileIsRefusedNamingIt() throws Exception {
        assertThatThrownBy(() -> new ClinicianProfile("  ", "physician", ""))
                .hasMessageContaining("needs a name");
        Path file = dir.resolve("clinician.json");
        Files.writeString(file, "{\"format\": \"injection-planner/clinician\", \"formatVersion\": 1, \"name\": \"\"}",
                StandardCharsets.UTF_8);
        assertThatThrownBy(() -> ClinicianProfile.read(file)).isInstanceOf(StoreException.class)
                .hasMessageContaining(file.toString()).hasMessageContaining("/name")
                .hasMessageContaining("needs a name");
        Files.writeString(file, "{\"format\": \"something else\"}", StandardCharsets.UTF_8);
        assertThatThrownBy(() -> ClinicianProfile.read(file)).isInstanceOf(StoreException.class)
                .hasMessageContaining(file.toString());
    }
}
