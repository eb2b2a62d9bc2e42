package org.injectionplanner.plan;

import static org.injectionplanner.plan.Laterality.ANY;
import static org.injectionplanner.plan.Laterality.MIDLINE;
import static org.injectionplanner.plan.Laterality.PAIRED;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
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
        List<String> names = new ArrayList<>();
        for (Structure s : structures) {
            if (ids.contains(s.id())) {
                throw new IllegalArgumentException("duplicate structure id '" + s.id() + "' in the catalogue");
            }
            // dialogs offer the structures by name: two with one name could not be told apart
            if (names.contains(s.name().toLowerCase(Locale.ROOT))) {
                throw new IllegalArgumentException("duplicate structure name '" + s.name() + "' in the catalogue ("
                        + s.id() + "): give it another name");
            }
            ids.add(s.id());
            names.add(s.name().toLowerCase(Locale.ROOT));
        }
    }

    /** The built-in catalogue. */
    public static StructureCatalogue defaults() {
        List<SpinalLevel> interspaces = List.of(SpinalLevel.T12_L1, SpinalLevel.L1_L2, SpinalLevel.L2_L3,
                SpinalLevel.L3_L4, SpinalLevel.L4_L5, SpinalLevel.L5_S1);
        List<SpinalLevel> lumbar = List.of(SpinalLevel.T12_L1, SpinalLevel.L1, SpinalLevel.L1_L2, SpinalLevel.L2,
                SpinalLevel.L2_L3, SpinalLevel.L3, SpinalLevel.L3_L4, SpinalLevel.L4, SpinalLevel.L4_L5, SpinalLevel.L5,
                SpinalLevel.L5_S1);
        List<SpinalLevel> none = List.of();
        return new StructureCatalogue(List.of(
                // over the spinous-process tips: named by a process or by the interspace
                builtIn("supraspinous", "Supraspinous ligament", StructureKind.LIGAMENT, "LS", MIDLINE, lumbar),
                builtIn("interspinous", "Interspinous ligament", StructureKind.LIGAMENT, "LS", MIDLINE, interspaces),
                builtIn("iliolumbar", "Iliolumbar ligament", StructureKind.LIGAMENT, "IL", PAIRED,
                        List.of(SpinalLevel.L4, SpinalLevel.L4_L5, SpinalLevel.L5, SpinalLevel.L5_S1)),
                optionalLevel(builtIn("long-posterior-sacroiliac", "Long posterior sacroiliac ligament",
                        StructureKind.LIGAMENT, "A-D", PAIRED,
                        List.of(SpinalLevel.S1, SpinalLevel.S2, SpinalLevel.S3, SpinalLevel.S4))),
                optionalLevel(builtIn("short-posterior-sacroiliac",
                        "Short posterior sacroiliac (interosseous) ligament", StructureKind.LIGAMENT, "A-D", PAIRED,
                        List.of(SpinalLevel.S1, SpinalLevel.S2))),
                builtIn("sacrotuberous", "Sacrotuberous ligament", StructureKind.LIGAMENT, "ST", PAIRED, none),
                builtIn("sacrospinous", "Sacrospinous ligament", StructureKind.LIGAMENT, "SS", PAIRED, none),
                builtIn("thoracolumbar-fascia", "Thoracolumbar fascia", StructureKind.FASCIA, null, ANY, lumbar),
                builtIn("erector-spinae-enthesis", "Erector spinae iliac-crest enthesis", StructureKind.ENTHESIS,
                        null, PAIRED, none),
                builtIn("facet-capsule", "Facet joint capsule", StructureKind.JOINT_CAPSULE, null, PAIRED,
                        interspaces),
                builtIn("gluteus-medius-tendon", "Gluteus medius tendon (greater trochanter)", StructureKind.TENDON,
                        null, PAIRED, none),
                builtIn("gluteus-minimus-tendon", "Gluteus minimus tendon (greater trochanter)",
                        StructureKind.TENDON, null, PAIRED, none),
                builtIn("sacrococcygeal", "Sacrococcygeal ligament", StructureKind.LIGAMENT, "SC", MIDLINE, none)));
    }

    /** A built-in entry; a level is needed where it lists any. */
    private static Structure builtIn(String id, String name, StructureKind kind, String hackett, Laterality laterality,
            List<SpinalLevel> levels) {
        return new Structure(id, name, kind, hackett, null, laterality, !levels.isEmpty(), levels, false);
    }

    /** The same entry with its level optional (sacral ligaments: a level may be given, none is needed). */
    private static Structure optionalLevel(Structure s) {
        return new Structure(s.id(), s.name(), s.kind(), s.hackettCode(), s.snomedCode(), s.laterality(), false,
                s.levels(), s.userAdded());
    }

    /** The structure with this id, if any. */
    public Optional<Structure> find(String id) {
        return structures.stream().filter(s -> s.id().equals(id)).findFirst();
    }

    /**
     * The name a user reads for a structure id: the catalogue's name, the id itself where the catalogue lacks
     * it (a plan made with another clinic's catalogue), "" for none (null).
     */
    public String nameOf(String id) {
        return id == null ? "" : find(id).map(Structure::name).orElse(id);
    }

    /**
     * A site's label with its structure's name ({@link #nameOf}): "L iliolumbar · Iliolumbar ligament"; the label
     * alone where no structure is given or the label already holds the name (case-insensitive), the name alone
     * where the label is blank.
     */
    public String withName(String label, String structureId) {
        return labelWithName(label, nameOf(structureId));
    }

    /** A label with a structure's {@code name} as {@link #withName} joins them ("" for no name). */
    public static String labelWithName(String label, String name) {
        String text = label == null ? "" : label.strip();
        String added = nameBeside(text, name);
        return added.isEmpty() ? text : text.isEmpty() ? added : text + " · " + added;
    }

    /**
     * The structure's {@code name} where it is to be shown beside a site's {@code label}: "" where the label
     * already holds it (case-insensitive) or there is no name.
     */
    public static String nameBeside(String label, String name) {
        String text = label == null ? "" : label.strip();
        return text.toLowerCase(Locale.ROOT).contains(name.toLowerCase(Locale.ROOT)) ? "" : name;
    }

    /**
     * The structure with this id or, failing that, this name (both case-insensitive).
     *
     * @throws IllegalArgumentException for neither, listing the catalogue by name with each id in brackets
     *         ("Iliolumbar ligament [iliolumbar]": the name for dialogs, the id for macros)
     */
    public Structure require(String idOrName) {
        String key = idOrName == null ? "" : idOrName.strip();
        return structures.stream().filter(s -> s.id().equalsIgnoreCase(key)).findFirst()
                .or(() -> structures.stream().filter(s -> s.name().equalsIgnoreCase(key)).findFirst())
                .orElseThrow(() -> new IllegalArgumentException("unknown structure '" + idOrName
                        + "': choose one of the catalogue (" + String.join(", ", structures.stream()
                                .map(s -> s.name() + " [" + s.id() + "]").toList()) + ") or add it"));
    }

    /** The ids, in catalogue order. */
    public List<String> ids() {
        return structures.stream().map(Structure::id).toList();
    }

    /** The names, in catalogue order: what dialogs offer (a macro may give the id instead). */
    public List<String> names() {
        return structures.stream().map(Structure::name).toList();
    }

    /** A catalogue with one more (user-added) entry. */
    public StructureCatalogue with(Structure added) {
        List<Structure> all = new ArrayList<>(structures);
        all.add(added);
        return new StructureCatalogue(all);
    }
}
