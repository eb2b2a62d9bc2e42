package org.injectionplanner.plan;

/**
 * An entry of the structure catalogue: what a target is injected into.
 *
 * @param id short stable identifier, e.g. "supraspinous"
 * @param name display name
 * @param kind ligament, tendon, joint capsule ...
 * @param hackettCode Hackett's letter code where one exists (docs/domain.md §2.1), else null
 * @param snomedCode SNOMED CT code where docs/domain.md gives one, else null (the name is the truth)
 * @param midline true for midline structures (side must be midline), false for paired ones
 * @param levelled true if a spinal level applies
 * @param userAdded true for entries a clinic added
 */
public record Structure(String id, String name, StructureKind kind, String hackettCode, String snomedCode,
        boolean midline, boolean levelled, boolean userAdded) {

    public Structure {
        if (id == null || id.isBlank() || !id.matches("[a-z0-9-]+")) {
            throw new IllegalArgumentException("structure id must be lower-case letters, digits and '-': " + id);
        }
        if (name == null || name.isBlank()) {
            throw new IllegalArgumentException("structure " + id + " needs a name");
        }
    }
}
