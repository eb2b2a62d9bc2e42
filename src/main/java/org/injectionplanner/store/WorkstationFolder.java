package org.injectionplanner.store;

import java.nio.file.Path;

/**
 * The per-workstation folder of this user, outside every plan store: the signers' private keys
 * ({@link SignerKeys#workstation()}), the pinned keyring administrators, the course sequences seen
 * ({@link SeenSequences#workstation()}) and the clinician profile ({@link ClinicianProfile#workstationFile()}).
 * It is {@code .injection-planner} in the user's home folder unless the system property
 * {@value #PROPERTY} names another folder (the build points it under {@code target/}, so that no test writes
 * into a real home folder).
 */
public final class WorkstationFolder {

    /** The system property that names the folder instead of {@code ~/.injection-planner}. */
    public static final String PROPERTY = "injectionplanner.home";

    private WorkstationFolder() {
    }

    /** The folder, read anew on each call (nothing is created here): the property's if set and not blank. */
    public static Path path() {
        String chosen = System.getProperty(PROPERTY, "");
        return chosen.isBlank() ? Path.of(System.getProperty("user.home"), ".injection-planner")
                : Path.of(chosen).toAbsolutePath();
    }
}
