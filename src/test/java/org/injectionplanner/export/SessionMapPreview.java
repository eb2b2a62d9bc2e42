package org.injectionplanner.export;

import java.nio.file.Path;
import java.time.ZoneId;
import org.injectionplanner.plan.ClinicSettings;
import org.injectionplanner.plan.SessionPlan;
import org.injectionplanner.plan.SignatureStatus;
import org.injectionplanner.safety.SafetyChecks;
import org.injectionplanner.safety.SafetyContext;

/**
 * Writes the PDF session map and PNG frames of a sample plan for looking at them:
 * {@code java -cp target/classes:target/test-classes:<dependencies>
 * org.injectionplanner.export.SessionMapPreview FOLDER [INJECTIONS FRAMES [letter]]} (defaults 8 injections
 * on 3 frames, A4) writes FOLDER/session-map.pdf and FOLDER/frame-k.png, replacing them.
 */
public final class SessionMapPreview {

    private SessionMapPreview() {
    }

    /** Entry point. */
    public static void main(String[] args) throws Exception {
        Path folder = Path.of(args[0]);
        int injections = args.length > 2 ? Integer.parseInt(args[1]) : 8;
        int frames = args.length > 2 ? Integer.parseInt(args[2]) : 3;
        ExportOptions.Paper paper = args.length > 3 ? ExportOptions.Paper.parse(args[3]) : ExportOptions.Paper.A4;
        SessionPlan plan = SamplePlans.plan(SamplePlans.SESSION_1, injections, frames, true);
        ClinicSettings settings = ClinicSettings.defaults().withAftercareText("Keep the sites dry for 24 hours.\n"
                + "Expect soreness for two to three days; paracetamol is fine, avoid anti-inflammatories for a week.\n"
                + "Call the clinic at once for fever, spreading redness, or new weakness or numbness in a leg.");
        ExportedPlan exported = new ExportedPlan(plan, settings, SafetyChecks.check(plan,
                SafetyContext.of(settings, null)), SignatureStatus.UNSIGNED, 1);
        PlanExporter.export(exported, ExportFormat.PDF, folder.resolve("session-map.pdf"),
                new ExportOptions(paper, false, true), null, ZoneId.systemDefault());
        PlanExporter.export(exported, ExportFormat.PNG, folder.resolve("frame.png"),
                new ExportOptions(paper, false, true), null, ZoneId.systemDefault());
    }
}
