package org.injectionplanner.plan;

/** One undoable change of a plan: a named pure function from plan to plan. */
public interface PlanEdit {

    /** What the edit does, for the Undo menu and logs, e.g. "Add target T3". */
    String description();

    /**
     * The plan after this edit.
     *
     * @throws IllegalArgumentException if the edit does not apply (e.g. the target is gone)
     */
    SessionPlan applyTo(SessionPlan plan);
}
