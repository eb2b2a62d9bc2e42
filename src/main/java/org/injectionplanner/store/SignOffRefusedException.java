package org.injectionplanner.store;

import java.util.List;

/** A plan could not be signed; {@link #problems()} says why, one line each. */
public final class SignOffRefusedException extends Exception {

    private final List<String> problems;

    SignOffRefusedException(int sessionNumber, List<String> problems) {
        super("session " + sessionNumber + " cannot be signed:\n- " + String.join("\n- ", problems));
        this.problems = List.copyOf(problems);
    }

    /** Why the plan cannot be signed. */
    public List<String> problems() {
        return problems;
    }
}
