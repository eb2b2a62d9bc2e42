package org.injectionplanner.plan;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The structures of the lumbosacral region a target can be placed in (docs/domain.md §2.2 and §7.3),
 * plus entries a clinic adds. SNOMED CT codes of these structures are a gap in docs/domain.md §5.3,
 * so the built-in entries carry the generic ligament and tendon concepts only through their kind.
 */
public record StructureCatalogue(List<Structure> structures) {

    public StructureCatalogue {
        structures = List.copyOf(structures);
        List<String> ids = new ArrayList<>();
        for (Structure s : structures) {
            if (ids.contains(s.id())) {
                throw new IllegalArgumentException("duplicate structure id '" + s.id() + "' in the catalogue");
            }
            ids.add(s.id());
        }
    }

    /** The built-in catalogue. */
    public static StructureCatalogue defaults() {
        return new StructureCatalogue(List.of(
                builtIn("supraspinous", "Supraspinous ligament", StructureKind.LIGAMENT, "LS", true, true),
                builtIn("interspinous", "Interspinous ligament", StructureKind.LIGAMENT, "LS", true, true),
                builtIn("iliolumbar", "Iliolumbar ligament", StructureKind.LIGAMENT, "IL", false, true),
                builtIn("long-posterior-sacroiliac", "Long posterior sacroiliac ligament", StructureKind.LIGAMENT,
                        "A-D", false, false),
                builtIn("short-posterior-sacroiliac", "Short posterior sacroiliac (interosseous) ligament",
                        StructureKind.LIGAMENT, "A-D", false, false),
                builtIn("sacrotuberous", "Sacrotuberous ligament", StructureKind.LIGAMENT, "ST", false, false),
                builtIn("sacrospinous", "Sacrospinous ligament", StructureKind.LIGAMENT, "SS", false, false),
                builtIn("thoracolumbar-fascia", "Thoracolumbar fascia", StructureKind.FASCIA, null, false, true),
                builtIn("erector-spinae-enthesis", "Erector spinae iliac-crest enthesis", StructureKind.ENTHESIS,
                        null, false, false),
                builtIn("facet-capsule", "Facet joint capsule", StructureKind.JOINT_CAPSULE, null, false, true),
                builtIn("gluteus-medius-tendon", "Gluteus medius tendon (greater trochanter)", StructureKind.TENDON,
                        null, false, false),
                builtIn("gluteus-minimus-tendon", "Gluteus minimus tendon (greater trochanter)",
                        StructureKind.TENDON, null, false, false),
                builtIn("sacrococcygeal", "Sacrococcygeal ligament", StructureKind.LIGAMENT, "SC", true, false)));
    }

    private static Structure builtIn(String id, String name, StructureKind kind, String hackett, boolean midline,
            boolean levelled) {
        return new Structure(id, name, kind, hackett, null, midline, levelled, false);
    }

    /** The structure with this id, if any. */
    public Optional<Structure> find(String id) {
        return structures.stream().filter(s -> s.id().equals(id)).findFirst();
    }

    /** The structure with this id or name (case-insensitive). */
    public Structure require(String idOrName) {
        return structures.stream()
                .filter(s -> s.id().equalsIgnoreCase(idOrName) || s.name().equalsIgnoreCase(idOrName))
                .findFirst()
                .orElseThrow(() -> new IllegalArgumentException("unknown structure '" + idOrName
                        + "': choose one of the catalogue (" + String.join(", ", ids()) + ") or add it"));
    }

    /** The ids, in catalogue order. */
    public List<String> ids() {
        return structures.stream().map(Structure::id).toList();
    }

    /** A catalogue with one more (user-added) entry. */
    public StructureCatalogue with(Structure added) {
        List<Structure> all = new ArrayList<>(structures);
        all.add(added);
        return new StructureCatalogue(all);
    }
}
