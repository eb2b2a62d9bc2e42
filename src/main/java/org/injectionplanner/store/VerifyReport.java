package org.injectionplanner.store;

import java.nio.file.Path;
import java.util.List;

/**
 * What {@link StoreVerifier} found: how much it checked and every problem, each naming its file.
 *
 * @param root the store's folder
 * @param courses course folders checked
 * @param revisions revision files checked
 * @param problems breaks and warnings, in the order found (course by course, oldest revision first)
 */
public record VerifyReport(Path root, int courses, int revisions, List<Problem> problems) {

    /** How bad a problem is. */
    public enum Severity {
        /** The history is damaged: a revision is unreadable, changed, missing or out of the chain. */
        BREAK,
        /** Not damage, but worth a look: e.g. a temporary file left by an interrupted write. */
        WARNING
    }

    /**
     * One problem.
     *
     * @param severity break or warning
     * @param file the file concerned (or folder)
     * @param message what is wrong, for a person
     */
    public record Problem(Severity severity, Path file, String message) {
    }

    public VerifyReport {
        problems = List.copyOf(problems);
    }

    /** True if no break was found (warnings allowed). */
    public boolean intact() {
        return breaks().isEmpty();
    }

    /** The breaks. */
    public List<Problem> breaks() {
        return problems.stream().filter(p -> p.severity() == Severity.BREAK).toList();
    }

    /** The warnings. */
    public List<Problem> warnings() {
        return problems.stream().filter(p -> p.severity() == Severity.WARNING).toList();
    }
}
