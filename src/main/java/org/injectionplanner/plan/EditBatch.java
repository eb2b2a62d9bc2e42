package org.injectionplanner.plan;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * Edits gathered into one undoable step, each tried on the plan as the edits before it leave it, so
 * that an edit that does not apply is refused when it is added (and numbers such as the next target's
 * follow the edits already gathered). Hand {@link #edits()} to {@link PlanEditor#batch}: all or nothing.
 * Not thread-safe.
 */
public final class EditBatch {

    private final List<PlanEdit> edits = new ArrayList<>();
    private SessionPlan plan;

    /** An empty batch on a plan (the editor's current one). */
    public EditBatch(SessionPlan start) {
        this.plan = Objects.requireNonNull(start, "start");
    }

    /**
     * Adds an edit after trying it on {@link #plan()}.
     *
     * @throws IllegalArgumentException if it does not apply (the batch is then unchanged)
     */
    public EditBatch add(PlanEdit edit) {
        plan = edit.applyTo(plan);
        edits.add(edit);
        return this;
    }

    /** The plan as the edits gathered so far leave it. */
    public SessionPlan plan() {
        return plan;
    }

    /** The edits gathered, in order. */
    public List<PlanEdit> edits() {
        return List.copyOf(edits);
    }

    /** True if no edit was gathered. */
    public boolean isEmpty() {
        return edits.isEmpty();
    }
}
