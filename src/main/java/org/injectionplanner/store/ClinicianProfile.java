package org.injectionplanner.store;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import org.injectionplanner.plan.PlanText;
import org.injectionplanner.planfile.JsonDialect;
import org.injectionplanner.planfile.PlanFormatException;
import org.injectionplanner.planfile.Pointer;

/**
 * Who works at this workstation: chosen once per workstation user and kept beside the signer keys in the user's
 * {@link WorkstationFolder} ({@code ~/.injection-planner/clinician.json}), never in a plan store. Its name is
 * the default author of new plans and overrides and the default signer, so the keyed signature
 * ({@link SignerKeys#of}) is this profile's.
 *
 * @param name the clinician's name as plans show it, e.g. "Dr A. Example" (not blank, one line)
 * @param role e.g. "physician" (may be empty)
 * @param registrationNumber the professional registration number (may be empty)
 */
public record ClinicianProfile(String name, String role, String registrationNumber) {

    /** The {@code "format"} of the profile file. */
    static final String FORMAT = "injection-planner/clinician";

    public ClinicianProfile {
        name = PlanText.line(name == null ? "" : name, "the clinician's name").strip();
        if (name.isEmpty()) {
            throw new IllegalArgumentException("the clinician profile needs a name");
        }
        role = PlanText.line(role == null ? "" : role, "the clinician's role").strip();
        registrationNumber = PlanText.line(registrationNumber == null ? "" : registrationNumber,
                "the registration number").strip();
    }

    /** This user's profile file: {@code clinician.json} in the {@link WorkstationFolder}. */
    public static Path workstationFile() {
        return WorkstationFolder.path().resolve("clinician.json");
    }

    /** "Dr A. Example (physician, registration 12345)": the name with what is entered of role and number. */
    public String description() {
        String more = role.isEmpty() ? "" : role;
        if (!registrationNumber.isEmpty()) {
            more += (more.isEmpty() ? "" : ", ") + "registration " + registrationNumber;
        }
        return more.isEmpty() ? name : name + " (" + more + ")";
    }

    /**
     * The profile in {@code file}, or empty where none is saved yet.
     *
     * @throws StoreException naming the file and field when it cannot be read or is not a profile
     */
    public static Optional<ClinicianProfile> read(Path file) throws StoreException {
        if (!Files.exists(file)) {
            return Optional.empty();
        }
        Pointer at = Pointer.root(file.toString());
        try {
            JsonNode tree = JsonDialect.parse(StoreFiles.readNamed(file), file.toString());
            JsonDialect.requireFormat(tree, at, FORMAT, 1);
            String name = tree.path("name").asText("");
            return Optional.of(at.field("name").build(() -> new ClinicianProfile(name, tree.path("role").asText(""),
                    tree.path("registrationNumber").asText(""))));
        } catch (PlanFormatException e) {
            throw StoreException.of(e);
        }
    }

    /**
     * Writes the profile to {@code file}, replacing any earlier one.
     *
     * @throws StoreException naming the file when it cannot be written
     */
    public void write(Path file) throws StoreException {
        ObjectNode o = JsonDialect.newDocument(FORMAT, 1);
        o.put("name", name);
        o.put("role", role);
        o.put("registrationNumber", registrationNumber);
        try {
            Files.createDirectories(file.getParent());
            AtomicFiles.replace(file, JsonDialect.document(o));
        } catch (IOException e) {
            throw new StoreException(file + ": cannot write the clinician profile: " + e.getMessage(), e);
        }
    }
}
