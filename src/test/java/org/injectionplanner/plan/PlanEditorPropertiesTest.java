package org.injectionplanner.plan;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import org.injectionplanner.geometry.PixelPoint;
import org.injectionplanner.geometry.PolygonShape;
import org.junit.jupiter.api.Test;

/** Undo and redo of any sequence of plan edits. */
class PlanEditorPropertiesTest {

    private static final PlanImage IMAGE = new PlanImage("2.25.1", "2.25.2", "2.25.3", "test", 30, "x.dcm", null, null);
    private static final MeasuredCalibration CAL =
            new MeasuredCalibration(MeasuredCalibration.Source.ULTRASOUND_REGION, 0.1, 0.08, 0, 10.0);

    private static SessionPlan initial() {
        return SessionPlan.newDraft(UUID.nameUUIDFromBytes("course".getBytes()), 1, LocalDate.of(2026, 11, 26), "Dr A",
                ChecklistItem.defaults()).withImage(IMAGE);
    }

    private static final OffsetDateTime AT = OffsetDateTime.parse("2026-11-26T10:00:00+01:00");

    /** A random edit that applies to {@code plan}. */
    private static PlanEdit randomEdit(SessionPlan plan, Random r) {
        if (r.nextInt(2) == 0) {
            PlanEdit edit = randomSessionEdit(plan, r);
            if (edit != null) {
                return edit;
            }
        }
        return randomAnnotationEdit(plan, r);
    }

    /** A random edit of targets and zones. */
    private static PlanEdit randomAnnotationEdit(SessionPlan plan, Random r) {
        int choice = r.nextInt(8);
        if (choice <= 1 || plan.targets().isEmpty() && plan.zones().isEmpty()) {
            if (r.nextBoolean()) {
                return PlanEdits.addTarget(new Target(new UUID(r.nextLong(), r.nextLong()), plan.nextTargetNumber(),
                        "T" + plan.nextTargetNumber(), "supraspinous", Side.MIDLINE, SpinalLevel.L4_L5,
                        new ImageRef(IMAGE.sopInstanceUid(), 1 + r.nextInt(30)),
                        new PixelPoint(r.nextDouble() * 800, r.nextDouble() * 600), null, "",
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
                        CAL);
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

    /**
     * A random edit of injections, the checklist, the weight or the overrides, or null when none applies
     * (no target without an injection and no injection yet).
     */
    private static PlanEdit randomSessionEdit(SessionPlan plan, Random r) {
        List<Target> free = plan.targets().stream().filter(t -> plan.injectionAt(t.id()).isEmpty()).toList();
        int choice = r.nextInt(12);
        if (choice == 0 || plan.injections().isEmpty() && choice < 9) {
            if (free.isEmpty()) {
                return null;
            }
            ProtocolPreset preset = ProtocolPreset.defaults().get(r.nextInt(2));
            return PlanEdits.addInjection(new Injection(new UUID(r.nextLong(), r.nextLong()),
                    free.get(r.nextInt(free.size())).id(), false, preset.approach(), preset.needle(), preset.solution(),
                    preset.volumeMl(), null, ProcedureRecord.PLANNED));
        }
        if (choice >= 9) {
            return switch (choice) {
                case 9 -> {
                    ChecklistEntry e = plan.checklist().get(r.nextInt(plan.checklist().size()));
                    ChecklistAnswer answer = ChecklistAnswer.values()[r.nextInt(3)];
                    if (e.item().id().equals(ChecklistItem.WEIGHT) && plan.patientWeightKg() == null
                            && answer == ChecklistAnswer.YES) {
                        answer = ChecklistAnswer.NOT_APPLICABLE; // yes needs the weight (it follows the field)
                    }
                    String note = answer == ChecklistAnswer.NO ? "reason " + r.nextInt(9) : "";
                    yield PlanEdits.answer(e.item().id(), answer, note);
                }
                case 10 -> PlanEdits.patientWeight(r.nextBoolean() ? null : 40 + r.nextInt(80) + 0.5);
                default -> {
                    String key = "zone-clearance/" + r.nextInt(3);
                    yield plan.override(key).isPresent() && r.nextBoolean() ? PlanEdits.withdrawOverride(key)
                            : PlanEdits.override(
                                    new FindingOverride(key, null, "reason " + r.nextInt(100), "Dr A", AT));
                }
            };
        }
        Injection i = plan.injections().get(r.nextInt(plan.injections().size()));
        return switch (choice) {
            case 1 -> PlanEdits.prescribe(i.id(), r.nextBoolean() ? Approach.IN_PLANE : Approach.OUT_OF_PLANE,
                    new Needle(22 + r.nextInt(6), r.nextBoolean() ? null : 25.4 * (1 + r.nextInt(3))),
                    new Solution(12.5 + r.nextInt(3) * 5.0, "lidocaine", 0.2), 0.25 + r.nextInt(4) * 0.25);
            case 2 -> PlanEdits.planPath(i.id(), r.nextInt(4) == 0 ? null
                    : new NeedlePath(new PixelPoint(r.nextDouble() * 800, r.nextDouble() * 600), CAL));
            case 3 -> {
                List<UUID> order = new ArrayList<>(plan.injections().stream().map(Injection::id).toList());
                Collections.shuffle(order, r);
                yield PlanEdits.reorder("Reorder", order);
            }
            case 4 -> PlanEdits.lock(i.id(), !i.locked());
            case 5 -> PlanEdits.record(i.id(), switch (r.nextInt(3)) {
                case 0 -> ProcedureRecord.PLANNED;
                case 1 -> ProcedureRecord.done(AT.plusMinutes(r.nextInt(60)), "");
                default -> ProcedureRecord.skipped(AT.plusMinutes(r.nextInt(60)), "declined");
            });
            case 6 -> PlanEdits.deleteInjection(i.id());
            default -> PlanEdits.prescribe(i.id(), i.approach(), i.needle(), i.solution(), 0.1 + r.nextInt(10) * 0.1);
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

    @Property(tries = 50)
    void aSignedPlanTakesOnlyProcedureRecordsAndUndoesThem(@ForAll long seed,
            @ForAll @IntRange(min = 0, max = 30) int edits) {
        Random r = new Random(seed);
        PlanEditor drafting = new PlanEditor(initial());
        for (int i = 0; i < 25; i++) {
            drafting.apply(randomEdit(drafting.plan(), r));
        }
        SessionPlan signed = drafting.plan().signed(new Signature("Dr A", AT, "0f".repeat(32)));
        PlanEditor editor = new PlanEditor(signed);
        List<SessionPlan> states = new ArrayList<>();
        states.add(signed);
        for (int i = 0; i < edits; i++) {
            SessionPlan before = editor.plan();
            PlanEdit edit = randomEdit(before, r);
            try {
                states.add(editor.apply(edit));
                assertThat(editor.plan().plannedContent()).as(edit.description()).isEqualTo(signed.plannedContent());
            } catch (IllegalStateException refused) {
                assertThat(edit.description()).as("the procedure record is open on a signed plan")
                        .doesNotStartWith("Mark injection");
                assertThat(editor.plan()).as(edit.description()).isSameAs(before);
            }
        }
        assertThat(editor.plan().signature()).isEqualTo(signed.signature());
        for (int i = states.size() - 1; i > 0; i--) {
            assertThat(editor.undo()).isTrue();
            assertThat(editor.plan()).isEqualTo(states.get(i - 1));
        }
        assertThat(editor.undo()).isFalse();
    }

    @Test
    void theRandomEditsIncludeEveryKindOfEdit() {
        Random r = new Random(42);
        Set<String> kinds = new TreeSet<>();
        for (int run = 0; run < 20; run++) {
            PlanEditor editor = new PlanEditor(initial());
            for (int i = 0; i < 40; i++) {
                PlanEdit edit = randomEdit(editor.plan(), r);
                kinds.add(edit.description());
                editor.apply(edit);
            }
        }
        for (String kind : List.of("Add target", "Move target", "Edit target", "Delete target", "Add zone",
                "Edit zone", "Delete zone", "Add injection", "Edit injection", "Plan needle path", "Remove needle path",
                "Reorder", "Lock injection position", "Unlock injection position", "Mark injection done",
                "Mark injection skipped", "Mark injection planned", "Delete injection", "Answer checklist item",
                "Set patient weight", "Override finding", "Withdraw override")) {
            assertThat(kinds).as(kind).anyMatch(d -> d.startsWith(kind));
        }
    }
}
