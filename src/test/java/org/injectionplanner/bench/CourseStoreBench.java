package org.injectionplanner.bench;

import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import org.injectionplanner.plan.CourseFixtures;
import org.injectionplanner.plan.Outcomes;
import org.injectionplanner.plan.PlanFixtures;
import org.injectionplanner.plan.SessionComparison;
import org.injectionplanner.plan.SessionPlan;
import org.injectionplanner.plan.StructureCatalogue;
import org.injectionplanner.plan.Target;
import org.injectionplanner.store.CourseView;
import org.injectionplanner.store.BenchStores;
import org.injectionplanner.store.PlanStore;

/**
 * The course store benchmark of bench/course-store.sh (BENCHMARKS.md): generates a store of many courses
 * ({@link BenchStores}: the files the store's save writes, chained and indexed, not forced to disk), then times
 * finding a patient's course by Patient ID and listing its sessions, and opening a course of 6 sessions × 40 sites
 * with its comparisons.
 *
 * <pre>
 * generate ROOT COURSES SESSIONS SITES   courses of patients P000000…, sessions 4 weeks apart
 * lookup ROOT PATIENT_ID                  find the patient's course(s) and list the sessions from the index,
 *                                         then open them (newest revision of each session), 21 runs each
 * open ROOT PATIENT_ID                    open the course (newest revision of each session) and compare
 *                                         consecutive sessions, 21 runs
 * </pre>
 */
public final class CourseStoreBench {

    private static final LocalDate FIRST = LocalDate.of(2020, 1, 6);

    private CourseStoreBench() {
    }

    public static void main(String[] args) throws Exception {
        Path root = Path.of(args[1]);
        switch (args[0]) {
            case "generate" -> generate(root, Integer.parseInt(args[2]), Integer.parseInt(args[3]),
                    Integer.parseInt(args[4]));
            case "lookup" -> {
                time("find and list (index) " + args[2], () -> {
                    PlanStore store = new PlanStore(root);
                    int sessions = 0;
                    for (UUID course : store.coursesOfPatient(args[2])) {
                        sessions += store.indexedSessions(course).size();
                    }
                    return sessions;
                });
                time("find and open the course (index + newest revisions) " + args[2], () -> {
                    PlanStore store = new PlanStore(root);
                    int sessions = 0;
                    for (UUID course : store.coursesOfPatient(args[2])) {
                        sessions += store.course(course).course().sessions().size();
                    }
                    return sessions;
                });
            }
            case "open" -> time("open " + args[2], () -> {
                PlanStore store = new PlanStore(root);
                CourseView view = store.course(store.coursesOfPatient(args[2]).get(0));
                int changes = 0;
                for (int i = 1; i < view.plans().size(); i++) {
                    changes += SessionComparison.of(view.plans().get(i - 1), view.plans().get(i),
                            StructureCatalogue.defaults()).changed().size();
                }
                return view.plans().stream().mapToInt(p -> p.targets().size()).sum() + changes;
            });
            default -> throw new IllegalArgumentException("generate, lookup or open");
        }
    }

    /** The Patient ID of course {@code k}. */
    static String patient(int k) {
        return String.format(Locale.ROOT, "P%06d", k);
    }

    private static void generate(Path root, int courses, int sessions, int sites) throws Exception {
        long start = System.nanoTime();
        BenchStores.write(root, courses, (k, course) -> {
            List<SessionPlan> plans = new ArrayList<>();
            for (int s = 1; s <= sessions; s++) {
                plans.add(session(course, s, patient(k), sites));
            }
            return plans;
        }, CourseStoreBench::patient, PlanFixtures.AT);
        System.out.printf(Locale.ROOT, "%d courses × %d sessions × %d sites written in %.0f s%n", courses, sessions,
                sites, (System.nanoTime() - start) / 1e9);
    }

    private static SessionPlan session(UUID course, int number, String patient, int sites) {
        SessionPlan p = CourseFixtures.session(course, number, FIRST.plusWeeks(4L * (number - 1)), patient);
        for (int i = 1; i <= sites; i++) {
            Target t = CourseFixtures.target(p, PlanFixtures.id("site", i), i, 20 + 15 * i, 100 + number);
            p = p.withTarget(t).withInjection(PlanFixtures.injection(t, null));
        }
        return p.withOutcomes(new Outcomes(Math.max(0, 8 - number), 8, 40.0 - 3 * number, null, null, null, "",
                PlanFixtures.AT));
    }

    /** Something timed: returns a count so the work cannot be skipped. */
    @FunctionalInterface
    interface Work {
        int run() throws Exception;
    }

    /** Runs {@code work} 21 times (a fresh store object each time) and prints the first, median and max ms. */
    private static void time(String what, Work work) throws Exception {
        List<Double> ms = new ArrayList<>();
        int result = 0;
        for (int i = 0; i < 21; i++) {
            long t0 = System.nanoTime();
            result = work.run();
            ms.add((System.nanoTime() - t0) / 1e6);
        }
        double first = ms.get(0);
        double[] sorted = ms.stream().mapToDouble(Double::doubleValue).sorted().toArray();
        System.out.printf(Locale.ROOT, "%s: result %d; first run %.1f ms, median %.1f ms, max %.1f ms%n", what,
                result, first, sorted[sorted.length / 2], sorted[sorted.length - 1]);
        System.out.println(Arrays.toString(sorted));
    }
}
