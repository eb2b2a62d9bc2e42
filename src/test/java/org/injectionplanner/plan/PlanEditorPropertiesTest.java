package org.injectionplanner.plan;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.UUID;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import org.injectionplanner.geometry.PixelPoint;
import org.injectionplanner.geometry.PolygonShape;

/** Undo and redo of any sequence of plan edits. */
class PlanEditorPropertiesTest {

    private static final PlanImage IMAGE = new PlanImage("2.25.1", "2.25.2", "2.25.3", "test", 30, "x.dcm");
    private static final MeasuredCalibration CAL =
            new MeasuredCalibration(MeasuredCalibration.Source.ULTRASOUND_REGION, 0.1, 0.08, 0, 10.0);

    private static SessionPlan initial() {
        return SessionPlan.newDraft(UUID.nameUUIDFromBytes("course".getBytes()), 1, LocalDate.of(2026, 11, 26), "Dr A")
                .withImage(IMAGE);
    }

    /** A random edit that applies to {@code plan}. */
    private static PlanEdit randomEdit(SessionPlan plan, Random r) {
        int choice = r.nextInt(8);
        if (choice <= 1 || plan.targets().isEmpty() && plan.zones().isEmpty()) {
            if (r.nextBoolean()) {
                return PlanEdits.addTarget(new Target(new UUID(r.nextLong(), r.nextLong()), plan.nextTargetNumber(),
                        "T" + plan.nextTargetNumber(), "supraspinous", Side.MIDLINE, SpinalLevel.L4_L5,
                        new ImageRef(IMAGE.sopInstanceUid(), 1 + r.nextInt(30)),
                        new PixelPoint(r.nextDouble() * 800, r.nextDouble() * 600), r.nextDouble() * 50, "",
                        r.nextBoolean() ? CAL : MeasuredCalibration.UNCALIBRATED));
            }
            double x = r.nextDouble() * 700;
            double y = r.nextDouble() * 500;
            return PlanEdits.addZone(new NerveZone(new UUID(r.nextLong(), r.nextLong()), plan.nextZoneNumber(),
                    ZoneKind.NERVE, "nerve", new ImageRef(IMAGE.sopInstanceUid(), 1 + r.nextInt(30)),
                    new PolygonShape(List.of(new PixelPoint(x, y), new PixelPoint(x + 20, y),
                            new PixelPoint(x + 10, y + 15))), 5, CAL));
        }
        if (!plan.targets().isEmpty() && (plan.zones().isEmpty() || r.nextBoolean())) {
            Target t = plan.targets().get(r.nextInt(plan.targets().size()));
            return switch (choice) {
                case 2, 3 -> PlanEdits.moveTarget(t.id(), new PixelPoint(r.nextDouble() * 800, r.nextDouble() * 600),
                        r.nextDouble() * 40, CAL);
                case 4, 5 -> PlanEdits.describeTarget(t.id(), "renamed " + r.nextInt(100), "interspinous",
                        Side.MIDLINE, SpinalLevel.L5_S1, "note");
                default -> PlanEdits.deleteTarget(t.id());
            };
        }
        NerveZone z = plan.zones().get(r.nextInt(plan.zones().size()));
        return switch (choice) {
            case 2, 3, 4 -> PlanEdits.describeZone(z.id(), ZoneKind.VESSEL, "vessel", r.nextDouble() * 10);
            default -> PlanEdits.deleteZone(z.id());
        };
    }

    @Property(tries = 200)
    void undoingEveryEditRestoresTheInitialPlanAndRedoReappliesExactly(@ForAll long seed,
            @ForAll @IntRange(min = 0, max = 40) int edits) {
        Random r = new Random(seed);
        SessionPlan start = initial();
        PlanEditor editor = new PlanEditor(start);
        List<SessionPlan> states = new ArrayList<>();
        states.add(start);
        for (int i = 0; i < edits; i++) {
            states.add(editor.apply(randomEdit(editor.plan(), r)));
        }
        for (int i = edits; i > 0; i--) {
            assertThat(editor.undo()).isTrue();
            assertThat(editor.plan()).isEqualTo(states.get(i - 1));
        }
        assertThat(editor.undo()).isFalse();
        assertThat(editor.plan()).isEqualTo(start);
        for (int i = 1; i <= edits; i++) {
            assertThat(editor.redo()).isTrue();
            assertThat(editor.plan()).isEqualTo(states.get(i));
        }
        assertThat(editor.redo()).isFalse();
    }

    @Property(tries = 50)
    void aNewEditAfterUndoClearsRedoAndEachCommandFiresOneEvent(@ForAll long seed) {
        Random r = new Random(seed);
        PlanEditor editor = new PlanEditor(initial());
        List<PlanEditor.Change> events = new ArrayList<>();
        editor.addListener(events::add);
        editor.apply(randomEdit(editor.plan(), r));
        editor.apply(randomEdit(editor.plan(), r));
        editor.undo();
        assertThat(editor.canRedo()).isTrue();
        editor.apply(randomEdit(editor.plan(), r));
        assertThat(editor.canRedo()).isFalse();
        editor.batch("two at once", List.of(randomEdit(editor.plan(), r)));
        assertThat(events).extracting(PlanEditor.Change::kind).containsExactly(PlanEditor.Kind.EDIT,
                PlanEditor.Kind.EDIT, PlanEditor.Kind.UNDO, PlanEditor.Kind.EDIT, PlanEditor.Kind.EDIT);
        assertThat(events.get(2).after()).isEqualTo(events.get(1).before());
    }
}
