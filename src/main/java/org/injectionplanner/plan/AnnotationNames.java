package org.injectionplanner.plan;

import java.util.Optional;
import java.util.UUID;

/**
 * The short names people use for a plan's annotations, in every command, macro, view and export:
 * targets T1, T2 ..., zones Z1, Z2 ... (by their number in the plan), and injections by their target
 * ("T3") or by their place in the session order ("#2"). Names are read case-insensitively; an annotation
 * may also be named by its UUID.
 */
public final class AnnotationNames {

    private AnnotationNames() {
    }

    /** "T3". */
    public static String of(Target target) {
        return target(target.number());
    }

    /** "Z2". */
    public static String of(NerveZone zone) {
        return zone(zone.number());
    }

    /** "T3" for target number 3 (e.g. the number the next target will get). */
    public static String target(int number) {
        return "T" + number;
    }

    /** "Z2" for zone number 2. */
    public static String zone(int number) {
        return "Z" + number;
    }

    /** "T3" for an injection: the name of its target. */
    public static String of(SessionPlan plan, Injection injection) {
        return of(plan.targetOf(injection));
    }

    /** "#2": a place in the session order (from 1). */
    public static String position(int position) {
        return "#" + position;
    }

    /** "T3" or "Z2" for an annotation id of the plan; "?" for an id it does not hold. */
    public static String of(SessionPlan plan, UUID annotationId) {
        return plan.target(annotationId).map(AnnotationNames::of)
                .orElseGet(() -> plan.zone(annotationId).map(AnnotationNames::of).orElse("?"));
    }

    /**
     * The id of the annotation named "T3" or "Z2" (or by its UUID).
     *
     * @throws IllegalArgumentException naming the name that matches nothing in the plan
     */
    public static UUID resolve(SessionPlan plan, String name) {
        String n = name.trim();
        Optional<UUID> found = Optional.empty();
        if (n.matches("(?i)t\\d{1,9}")) {
            int number = Integer.parseInt(n.substring(1));
            found = plan.targets().stream().filter(t -> t.number() == number).map(Target::id).findFirst();
        } else if (n.matches("(?i)z\\d{1,9}")) {
            int number = Integer.parseInt(n.substring(1));
            found = plan.zones().stream().filter(z -> z.number() == number).map(NerveZone::id).findFirst();
        } else {
            try {
                UUID id = UUID.fromString(n);
                if (plan.target(id).isPresent() || plan.zone(id).isPresent()) {
                    found = Optional.of(id);
                }
            } catch (IllegalArgumentException notAUuid) {
                found = Optional.empty();
            }
        }
        return found.orElseThrow(() -> new IllegalArgumentException("no annotation '" + name
                + "' in the plan: name targets T1, T2 ... and zones Z1, Z2 ..."));
    }

    /**
     * The injection named "T3" (by its target) or "#2" (by its position).
     *
     * @throws IllegalArgumentException saying why the name gives no injection
     */
    public static Injection resolveInjection(SessionPlan plan, String name) {
        String n = name.trim();
        if (n.matches("#\\d{1,9}")) {
            int position = Integer.parseInt(n.substring(1));
            if (position < 1 || position > plan.injections().size()) {
                throw new IllegalArgumentException("no injection " + n + ": the session has "
                        + plan.injections().size() + " injections");
            }
            return plan.injections().get(position - 1);
        }
        Target target = plan.target(resolve(plan, n))
                .orElseThrow(() -> new IllegalArgumentException(n + " is a zone; name an injection by its target "
                        + "(T3) or its position (#2)"));
        return plan.injectionAt(target.id()).orElseThrow(() -> new IllegalArgumentException(
                of(target) + " has no injection (it was deleted); plan a needle path to add one"));
    }
}
