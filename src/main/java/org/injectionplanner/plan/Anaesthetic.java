package org.injectionplanner.plan;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * A local anaesthetic of the clinic's drug table (docs/safety.md §3, {@code anaesthetic-dose}): the names it
 * is entered under, its dose limits without and with a vasoconstrictor (adrenaline/epinephrine), and the
 * concentrations it may be injected at.
 *
 * @param name its generic name, e.g. "lidocaine": doses are summed and shown under it
 * @param synonyms other names it is entered under: brand names ("Xylocaine"), other generic names
 *        ("lignocaine"); salts ("hydrochloride", "HCl") and the vasoconstrictor are recognised without them
 * @param plain its limit without a vasoconstrictor
 * @param withVasoconstrictor its limit with adrenaline/epinephrine (the plain limit again where no higher
 *        one is sourced)
 * @param concentration the final concentrations allowed for injection, % w/v
 */
public record Anaesthetic(String name, List<String> synonyms, DoseLimit plain, DoseLimit withVasoconstrictor,
        PercentRange concentration) {

    /**
     * A maximum dose for one session: by body weight, and in all.
     *
     * @param mgPerKg mg per kg of body weight (more than 0; a clinic that does not use a drug leaves it out
     *        of the table)
     * @param maxMg mg in all, whatever the weight (more than 0)
     */
    public record DoseLimit(double mgPerKg, double maxMg) {

        public DoseLimit {
            if (!(mgPerKg > 0) || !Double.isFinite(mgPerKg) || !(maxMg > 0) || !Double.isFinite(maxMg)) {
                throw new IllegalArgumentException("a dose limit needs finite mg/kg and mg above 0, got " + mgPerKg
                        + " mg/kg and " + maxMg + " mg");
            }
        }

        /** The limit for a patient of {@code weightKg} kg: min(mg/kg × kg, the maximum), mg. */
        public double mg(double weightKg) {
            return Math.min(mgPerKg * weightKg, maxMg);
        }

        /** E.g. "4.5 mg/kg, at most 300 mg". */
        public String text() {
            return Decimals.text(mgPerKg, 3) + " mg/kg, at most " + Decimals.text(maxMg, 3) + " mg";
        }
    }

    public Anaesthetic {
        if (name == null || name.isBlank()) {
            throw new IllegalArgumentException("an anaesthetic of the drug table needs its name");
        }
        String drug = name(name, "the anaesthetic's name");
        name = drug;
        synonyms = synonyms.stream().map(s -> name(s, "a synonym of " + drug)).filter(s -> !s.isEmpty()).toList();
        if (plain == null || withVasoconstrictor == null || concentration == null) {
            throw new IllegalArgumentException(name + " needs its plain and vasoconstrictor limits and its "
                    + "concentration range");
        }
    }

    /** Its name and synonyms. */
    public List<String> names() {
        List<String> names = new ArrayList<>();
        names.add(name);
        names.addAll(synonyms);
        return names;
    }

    /** Its limit with or without a vasoconstrictor. */
    public DoseLimit limit(boolean vasoconstrictor) {
        return vasoconstrictor ? withVasoconstrictor : plain;
    }

    /**
     * Parses one line {@code name; synonyms; mg/kg; max mg; mg/kg with vasoconstrictor; max mg with
     * vasoconstrictor; lowest %; highest %}, the synonyms separated by ','; e.g.
     * {@code lidocaine; lignocaine, Xylocaine; 4.5; 300; 7; 500; 0; 2}.
     *
     * @throws IllegalArgumentException naming the line and the field at fault
     */
    public static Anaesthetic fromLine(String line) {
        String[] f = line.split(";", -1);
        if (f.length != 8) {
            throw new IllegalArgumentException("drug '" + line.strip() + "': expected 8 fields separated by ';' "
                    + "(name; synonyms; mg/kg; max mg; mg/kg with adrenaline; max mg with adrenaline; lowest %; "
                    + "highest %)");
        }
        try {
            return new Anaesthetic(f[0], Arrays.asList(f[1].split(",")),
                    new DoseLimit(number(f[2], "mg/kg"), number(f[3], "max mg")),
                    new DoseLimit(number(f[4], "mg/kg with adrenaline"), number(f[5], "max mg with adrenaline")),
                    new PercentRange(number(f[6], "lowest %"), number(f[7], "highest %")));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("drug '" + line.strip() + "': " + e.getMessage(), e);
        }
    }

    /** This anaesthetic as the line {@link #fromLine} reads. */
    public String toLine() {
        return String.join("; ", name, String.join(", ", synonyms), Decimals.text(plain.mgPerKg(), 6),
                Decimals.text(plain.maxMg(), 6), Decimals.text(withVasoconstrictor.mgPerKg(), 6),
                Decimals.text(withVasoconstrictor.maxMg(), 6), Decimals.text(concentration.minPercent(), 6),
                Decimals.text(concentration.maxPercent(), 6));
    }

    /** A name or synonym, stripped: one line without the ',' and ';' that separate the line's fields. */
    private static String name(String text, String what) {
        String t = PlanText.line(text, what).strip();
        if (t.contains(",") || t.contains(";")) {
            throw new IllegalArgumentException(what + " '" + t + "' may not contain ',' or ';'");
        }
        return t;
    }

    private static double number(String text, String what) {
        Double value = Decimals.parseOptional(text, what);
        if (value == null) {
            throw new IllegalArgumentException(what + " is missing");
        }
        return value;
    }
}
