package org.injectionplanner.plan;

import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The clinic's drug table: the local anaesthetics it uses, under all the names they are entered as, with
 * their dose limits and concentration ranges, and the dextrose concentrations it injects. An anaesthetic
 * not in the table cannot be dosed and is a violation until the clinic adds it (docs/safety.md §3).
 *
 * <p>An entered name is matched ignoring case, punctuation, numbers (such as "1:200,000"), the salt
 * ("hydrochloride", "HCl", "monohydrate") and joining words ("with", "and", "plus"); "adrenaline",
 * "adrenalin", "epinephrine" or "epi" in it selects the form with a vasoconstrictor. So "Xylocaine",
 * "lidocaine HCl" and "Lignocaine with adrenaline 1:200,000" are all lidocaine.
 *
 * @param anaesthetics the anaesthetics; no two share a name or synonym
 * @param dextrose the final dextrose concentrations allowed for injection, % w/v
 */
public record DrugTable(List<Anaesthetic> anaesthetics, PercentRange dextrose) {

    private static final Set<String> VASOCONSTRICTOR = Set.of("adrenaline", "adrenalin", "epinephrine", "epi");
    private static final Set<String> IGNORED = Set.of("with", "and", "plus", "w", "hcl", "hydrochloride",
            "monohydrate");

    /**
     * An entered name as found in the table.
     *
     * @param drug the anaesthetic
     * @param withVasoconstrictor whether the name asks for its form with adrenaline/epinephrine
     */
    public record Match(Anaesthetic drug, boolean withVasoconstrictor) {
    }

    public DrugTable {
        anaesthetics = List.copyOf(anaesthetics);
        if (dextrose == null) {
            throw new IllegalArgumentException("the drug table needs the dextrose concentration range");
        }
        Map<String, String> owners = new HashMap<>();
        for (Anaesthetic a : anaesthetics) {
            for (String n : a.names()) {
                String[] words = words(n);
                if (Arrays.stream(words).anyMatch(VASOCONSTRICTOR::contains)) {
                    throw new IllegalArgumentException("drug name '" + n + "' names a vasoconstrictor: list the "
                            + "drug without it (the form with adrenaline is recognised by itself)");
                }
                String key = key(words);
                if (key.isEmpty()) {
                    throw new IllegalArgumentException("drug name '" + n + "' has no letters beyond a salt or "
                            + "joining word");
                }
                String owner = owners.putIfAbsent(key, a.name());
                if (owner != null) {
                    throw new IllegalArgumentException("drug name '" + n + "' is listed for both " + owner
                            + " and " + a.name());
                }
            }
        }
    }

    /** The anaesthetic an entered name stands for, and whether it is the form with a vasoconstrictor. */
    public Optional<Match> find(String entered) {
        String[] words = words(entered);
        String key = key(words);
        boolean vasoconstrictor = Arrays.stream(words).anyMatch(VASOCONSTRICTOR::contains);
        return anaesthetics.stream().filter(a -> a.names().stream().anyMatch(n -> key(words(n)).equals(key)))
                .findFirst().map(a -> new Match(a, vasoconstrictor));
    }

    /** This table with other anaesthetics. */
    public DrugTable withAnaesthetics(List<Anaesthetic> newAnaesthetics) {
        return new DrugTable(newAnaesthetics, dextrose);
    }

    /** This table with another dextrose range. */
    public DrugTable withDextrose(PercentRange newDextrose) {
        return new DrugTable(anaesthetics, newDextrose);
    }

    /**
     * The sourced defaults of docs/domain.md §1.5: adult maximum doses for one session (plain; with
     * adrenaline/epinephrine) and the highest concentration marketed for injection; dextrose 0–30 %, above
     * the usual 10–25 % prolotherapy range and below the 50 % stock it is diluted from. Starting values to
     * check against the label, not clinical advice.
     */
    public static DrugTable defaults() {
        return new DrugTable(List.of(
                anaesthetic("lidocaine", List.of("lignocaine", "lidocain", "Xylocaine", "Xylocain"),
                        4.5, 300, 7, 500, 2),
                anaesthetic("bupivacaine", List.of("Marcaine", "Marcain", "Sensorcaine"), 2, 175, 3, 225, 0.75),
                anaesthetic("levobupivacaine", List.of("Chirocaine"), 2, 150, 2, 150, 0.75),
                anaesthetic("ropivacaine", List.of("Naropin", "Naropeine"), 3, 200, 3, 200, 1),
                anaesthetic("mepivacaine", List.of("Carbocaine", "Carbocain", "Polocaine", "Scandonest"),
                        4.5, 300, 7, 400, 2),
                anaesthetic("procaine", List.of("Novocain", "Novocaine"), 7, 350, 10, 600, 2)),
                new PercentRange(0, 30));
    }

    private static Anaesthetic anaesthetic(String name, List<String> synonyms, double mgPerKg, double maxMg,
            double vasoMgPerKg, double vasoMaxMg, double maxPercent) {
        return new Anaesthetic(name, synonyms, new Anaesthetic.DoseLimit(mgPerKg, maxMg),
                new Anaesthetic.DoseLimit(vasoMgPerKg, vasoMaxMg), new PercentRange(0, maxPercent));
    }

    /** The name's words: lower case, split at anything but letters and digits. */
    private static String[] words(String name) {
        return Arrays.stream(name.toLowerCase(Locale.ROOT).split("[^\\p{L}\\p{N}]+")).filter(w -> !w.isEmpty())
                .toArray(String[]::new);
    }

    /** The words that name the drug: without vasoconstrictor, salt and joining words and numbers. */
    private static String key(String[] words) {
        return Arrays.stream(words).filter(w -> !VASOCONSTRICTOR.contains(w) && !IGNORED.contains(w))
                .filter(w -> !w.chars().allMatch(Character::isDigit)).collect(Collectors.joining(" "));
    }
}
