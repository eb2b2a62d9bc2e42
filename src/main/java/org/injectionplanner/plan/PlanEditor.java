package org.injectionplanner.plan;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * The one way to change a session plan: applies {@link PlanEdit}s, keeps an unlimited undo and redo
 * history for the session, and fires one {@link Change} per command (or per batch). Thread-safe;
 * listeners are called on the thread that made the change, after the editor's state is updated.
 */
public final class PlanEditor {

    /** What happened. */
    public enum Kind { EDIT, UNDO, REDO, REPLACE }

    /**
     * One change of the plan.
     *
     * @param kind edit, undo, redo, or a whole new plan (opened or recovered)
     * @param description the edit's description
     * @param before the plan before
     * @param after the plan after
     */
    public record Change(Kind kind, String description, SessionPlan before, SessionPlan after) {
    }

    /** Hears every change. */
    @FunctionalInterface
    public interface Listener {
        void planChanged(Change change);
    }

    private record Step(String description, SessionPlan before, SessionPlan after) {
    }

    private final Deque<Step> undo = new ArrayDeque<>();
    private final Deque<Step> redo = new ArrayDeque<>();
    private final List<Listener> listeners = new CopyOnWriteArrayList<>();
    private SessionPlan plan;

    public PlanEditor(SessionPlan initial) {
        this.plan = initial;
    }

    /** The current plan. */
    public synchronized SessionPlan plan() {
        return plan;
    }

    public void addListener(Listener l) {
        listeners.add(l);
    }

    public void removeListener(Listener l) {
        listeners.remove(l);
    }

    /** Applies one edit; it becomes one undo step. */
    public SessionPlan apply(PlanEdit edit) {
        return batch(edit.description(), List.of(edit));
    }

    /**
     * The plan as these edits would leave it, without applying them (a tool's preview while dragging).
     *
     * @throws IllegalArgumentException if an edit does not apply
     * @throws IllegalStateException if the plan is signed and the edits change its planned content
     */
    public synchronized SessionPlan preview(List<PlanEdit> edits) {
        SessionPlan after = plan;
        for (PlanEdit e : edits) {
            after = e.applyTo(after);
        }
        requireEditable(plan, after);
        return after;
    }

    /** Applies several edits as one undo step with one change event; all or nothing. */
    public SessionPlan batch(String description, List<PlanEdit> edits) {
        Change change;
        synchronized (this) {
            SessionPlan before = plan;
            SessionPlan after = preview(edits);
            plan = after;
            undo.push(new Step(description, before, after));
            redo.clear();
            change = new Change(Kind.EDIT, description, before, after);
        }
        fire(change);
        return change.after();
    }

    /** True if there is an edit to undo. */
    public synchronized boolean canUndo() {
        return !undo.isEmpty();
    }

    /** True if there is an undone edit to redo. */
    public synchronized boolean canRedo() {
        return !redo.isEmpty();
    }

    /** The description of the edit Undo would revert, or null. */
    public synchronized String undoDescription() {
        return undo.isEmpty() ? null : undo.peek().description();
    }

    /** The description of the edit Redo would re-apply, or null. */
    public synchronized String redoDescription() {
        return redo.isEmpty() ? null : redo.peek().description();
    }

    /** Reverts the last edit; returns false if there is none. */
    public boolean undo() {
        Change change;
        synchronized (this) {
            if (undo.isEmpty()) {
                return false;
            }
            Step step = undo.pop();
            redo.push(step);
            plan = step.before();
            change = new Change(Kind.UNDO, step.description(), step.after(), step.before());
        }
        fire(change);
        return true;
    }

    /** Re-applies the last undone edit; returns false if there is none. */
    public boolean redo() {
        Change change;
        synchronized (this) {
            if (redo.isEmpty()) {
                return false;
            }
            Step step = redo.pop();
            undo.push(step);
            plan = step.after();
            change = new Change(Kind.REDO, step.description(), step.before(), step.after());
        }
        fire(change);
        return true;
    }

    /** Replaces the plan (opened or recovered) and clears the history. */
    public void replace(SessionPlan newPlan, String description) {
        Change change;
        synchronized (this) {
            change = new Change(Kind.REPLACE, description, plan, newPlan);
            plan = newPlan;
            undo.clear();
            redo.clear();
        }
        fire(change);
    }

    /**
     * Refuses a change of a signed plan's planned content: a signed plan changes only its procedure
     * record, or through an amendment (docs/design.md §5).
     *
     * @throws IllegalStateException naming the session and what to do
     */
    static void requireEditable(SessionPlan before, SessionPlan after) {
        if (before.status() != PlanStatus.SIGNED) {
            return;
        }
        boolean amended = after.amendments().size() == before.amendments().size() + 1;
        if (!amended && !before.plannedContent().equals(after.plannedContent())) {
            throw new IllegalStateException("session " + before.sessionNumber() + " was signed by "
                    + before.signature().signer() + " at " + before.signature().signedAt()
                    + " and is read-only: amend it first (Amend Session Plan..., with the reason)");
        }
    }

    private void fire(Change change) {
        for (Listener l : listeners) {
            l.planChanged(change);
        }
    }
}
