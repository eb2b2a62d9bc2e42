package org.injectionplanner.imagej;

import java.awt.BorderLayout;
import java.awt.Container;
import java.awt.EventQueue;
import java.awt.Font;
import java.awt.Label;
import java.awt.Panel;
import java.awt.TextArea;
import java.util.Optional;
import java.util.UUID;
import org.injectionplanner.plan.CourseRecord;
import org.injectionplanner.plan.SessionComparison;
import org.injectionplanner.plan.SessionPlan;
import org.injectionplanner.store.PlanStore;
import org.injectionplanner.store.StoreException;

/**
 * The Plan Panel's comparison section: the open plan's place in its course ("session 2 of 4", counted against
 * the course's planned sessions) and the plan compared site by site with an earlier session of its course
 * ({@link SessionComparison}: the lines of Compare with Earlier Session...'s window): the previous session, or
 * the one last chosen in Compare with Earlier Session... for this plan. The earlier plan and the course record
 * are read from the store when the plan shown changes or another session is chosen; the comparison is made
 * again on every edit.
 */
final class ComparisonPane extends Panel {

    /** The component's name (for tests and accessibility). */
    static final String NAME = "session comparison";

    /** The earlier session chosen for a plan in Compare with Earlier Session... */
    private record Choice(UUID planId, SessionPlan earlier) {
    }

    private static volatile Choice chosen;
    /** The pane on screen (the Plan Panel shows one plan at a time), or null. */
    private static ComparisonPane showing;

    private final Label heading = new Label();
    private final TextArea text = new TextArea("", 6, 90, TextArea.SCROLLBARS_VERTICAL_ONLY);
    private SessionPlan plan;
    private SessionPlan earlier;
    private String problem;
    private String place;
    private CourseRecord course;
    private UUID loadedFor;
    private Choice loadedChoice;

    ComparisonPane() {
        super(new BorderLayout());
        setName(NAME);
        text.setEditable(false);
        text.setFont(new Font(Font.MONOSPACED, Font.PLAIN, 12));
        add(heading, BorderLayout.NORTH);
        add(text, BorderLayout.CENTER);
        synchronized (ComparisonPane.class) {
            showing = this;
        }
    }

    /**
     * Makes {@code earlierPlan} the session the Plan Panel compares {@code current} with (Compare with Earlier
     * Session...), and shows it if the panel is open.
     */
    static void compareWith(SessionPlan current, SessionPlan earlierPlan) {
        chosen = new Choice(current.id(), earlierPlan);
        ComparisonPane pane;
        synchronized (ComparisonPane.class) {
            pane = showing;
        }
        if (pane != null) {
            EventQueue.invokeLater(() -> {
                if (pane.plan != null) {
                    pane.display(pane.plan);
                }
            });
        }
    }

    /** Shows {@code current} compared with its earlier session. On the event thread. */
    void display(SessionPlan current) {
        plan = current;
        Choice choice = chosen;
        if (!current.id().equals(loadedFor) || choice != loadedChoice) {
            load(current, choice);
        }
        if (earlier == null) {
            heading.setText(place + (problem == null ? " — no earlier session of its course in the plan store"
                    : " — " + problem));
            showLines("");
            return;
        }
        try {
            SessionComparison c = SessionComparison.of(earlier, current,
                    PluginWorkspace.get().settings().catalogue());
            heading.setText(place + " — compared with session " + earlier.sessionNumber() + " of " + earlier.date());
            showLines(String.join("\n", c.lines()));
        } catch (IllegalArgumentException e) {
            heading.setText(place + " — not compared: " + e.getMessage());
            showLines("");
        }
    }

    /** Shows the comparison's lines, or only the heading when there are none (the panel's space goes to the map). */
    private void showLines(String lines) {
        text.setText(lines);
        boolean visible = !lines.isEmpty();
        if (text.isVisible() != visible) {
            text.setVisible(visible);
            Container window = getParent();
            invalidate();
            if (window != null) {
                window.validate();
            }
        }
    }

    /**
     * The record of the plan last shown's course (its planned sessions; the clinic's default for a course not
     * saved yet), read when the plan shown changed; null where it cannot be read.
     */
    CourseRecord course() {
        return course;
    }

    /** Reads the course record and the earlier session: the chosen one, else the previous one in the store. */
    private void load(SessionPlan current, Choice choice) {
        loadedFor = current.id();
        loadedChoice = choice;
        place = placeInCourse(current);
        problem = null;
        if (choice != null && choice.planId().equals(current.id())) {
            earlier = choice.earlier();
            return;
        }
        try {
            Optional<SessionPlan> previous = PluginWorkspace.get().store().previousSession(current);
            earlier = previous.orElse(null);
        } catch (StoreException e) {
            earlier = null;
            problem = "the earlier session cannot be read: " + e.getMessage();
        }
    }

    /**
     * Reads the plan's course record (the clinic's default for a course not saved yet) and gives the plan's place
     * in it: "Session 2 of 4".
     */
    private String placeInCourse(SessionPlan current) {
        PlanStore store = PluginWorkspace.get().store();
        try {
            course = store.courseRecord(current.courseId());
            String label = course.sessionLabel(current.sessionNumber());
            return Character.toUpperCase(label.charAt(0)) + label.substring(1);
        } catch (StoreException e) {
            course = null;
            return "Session " + current.sessionNumber() + " (the course record cannot be read: " + e.getMessage()
                    + ")";
        }
    }

    /** Ends this pane's showing (the Plan Panel closed). */
    void dispose() {
        synchronized (ComparisonPane.class) {
            if (showing == this) {
                showing = null;
            }
        }
    }
}
