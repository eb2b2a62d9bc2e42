package org.injectionplanner.plan;

import java.util.List;

/**
 * An entry of the structure catalogue: what a target is injected into.
 *
 * @param id short stable identifier, e.g. "supraspinous"
 * @param name display name
 * @param kind ligament, tendon, joint capsule ...
 * @param hackettCode Hackett's letter code where one exists (docs/domain.md §2.1), else null
 * @param snomedCode SNOMED CT code where docs/domain.md gives one, else null (the name is the truth)
 * @param laterality the sides a target in it can be on
 * @param levelled true if a target in it needs a spinal level
 * @param levels the spinal levels it can be at (docs/domain.md §7.2 item 6: "level must fit the
 *        structure"); empty when no level applies
 * @param userAdded true for entries a clinic added
 */
public record Structure(String id, String name, StructureKind kind, String hackettCode, String snomedCode,
        Laterality laterality, boolean levelled, List<SpinalLevel> levels, boolean userAdded) {

    public Structure {
        if (id == null || id.isBlank() || !id.matches("[a-z0-9-]+")) {
            throw new IllegalArgumentException("structure id must be lower-case letters, digits and '-': " + id);
        }
        if (name == null || name.isBlank()) {
            throw new IllegalArgumentException("structure " + id + " needs a name");
        }
        PlanText.line(name, "the name of structure " + id);
        PlanText.line(hackettCode, "the Hackett code of structure " + id);
        PlanText.line(snomedCode, "the SNOMED code of structure " + id);
        if (laterality == null) {
            throw new IllegalArgumentException("structure " + id + " needs a laterality");
        }
        if (levels == null || levels.stream().anyMatch(java.util.Objects::isNull)) {
            throw new IllegalArgumentException("structure " + id + " needs a list of spinal levels without blanks");
        }
        levels = List.copyOf(levels);
        if (levelled && levels.isEmpty()) {
            throw new IllegalArgumentException("structure " + id + " needs a spinal level but lists none it can be at");
        }
    }

    /** Every spinal level: what a clinic's own structure that needs a level can be at unless it says. */
    public static final List<SpinalLevel> ANY_LEVEL = List.of(SpinalLevel.values());
}
