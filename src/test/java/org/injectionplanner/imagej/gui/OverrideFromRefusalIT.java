package org.injectionplanner.imagej.gui;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.Map;
import java.util.stream.Collectors;
import org.injectionplanner.plan.FindingOverride;
import org.injectionplanner.plan.SessionPlan;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * Finalize Session Plan... refused for an open violation: the refusal lists it with an "Override 1..." button,
 * which asks for the written reason and records the override; the refusal, that dialog and Override Safety
 * Finding... describe the violation in words (its site's label and structure, its zone's name), never by key;
 * once the target is moved clear, Override Safety Finding... lists and withdraws the override in words too.
 */
@Tag("gui")
@ExtendWith(GuiSession.Ready.class)
class OverrideFromRefusalIT {

    @TempDir
    Path dir;

    @Test
    void theRefusalOffersAnOverrideForEachOpenViolation() throws Exception {
        String scenario = GuiSession.openStudy(dir.resolve("store"), 1) + """
                run("Add Nerve Zone...", "ellipse=300,200,30,20 frame=1 kind=nerve name=[medial branch] margin=5");
                run("Add Injection Target...", "x=300 y=200 frame=1 structure=facet-capsule side=left level=L4/L5 label=[L facet]");
                U = "org.injectionplanner.imagej.gui.UserInput.";
                doCommand("Finalize Session Plan...");
                call(U + "answer", "Finalize Session Plan", "Dr A");
                refusal = "Session 1 cannot be signed";
                out = "button=" + call(U + "buttonLabel", refusal, "Override 1");
                out = out + "\\nsaid=" + replace(call(U + "texts", refusal), "\\n", " // ");
                call(U + "pressButton", refusal, "Override 1...");
                out = out + "\\nasked=" + replace(call(U + "texts", "Override Safety Finding"), "\\n", " // ");
                call(U + "answer", "Override Safety Finding", "marked zone is scar, checked by scan|Dr A");
                out = out + "\\nafter=" + call(U + "buttonLabel", refusal, "Overridden");
                call(U + "pressButton", refusal, "OK");
                run("Save Session Plan");
                doCommand("Override Safety Finding...");
                out = out + "\\nlisted=" + replace(call(U + "texts", "Override Safety Finding"), "\\n", " // ");
                call(U + "pressButton", "Override Safety Finding", "Cancel");
                run("Edit Plan Annotation...", "annotation=T1 x=450 y=200");
                doCommand("Override Safety Finding...");
                out = out + "\\ngone=" + replace(call(U + "texts", "Override Safety Finding"), "\\n", " // ");
                call(U + "answer", "Override Safety Finding", GONE + "||Dr A");
                out = out + "\\nwithdrawn=" + call(U + "awaitStatus", "Override withdrawn");
                File.saveString(out, getArgument());
                """;
        // the override once the target is moved clear of the zone: its finding no longer occurs
        String goneWords = "Injection 1, T1 \"L facet\" (Facet joint capsule) and zone Z1 \"medial branch\": "
                + "zone clearance (inside)";
        String gone = goneWords + "  [overridden: marked zone is scar, checked by scan; the finding no longer occurs]";
        GuiSession.Result r = GuiSession.run(scenario.replace("GONE", "\"" + gone.replace("\"", "\\\"") + "\""),
                null, null);
        assertThat(r.log()).doesNotContain("Injection Planner:");
        Map<String, String> seen = r.output().lines().map(l -> l.split("=", 2)).filter(kv -> kv.length == 2)
                .collect(Collectors.toMap(kv -> kv[0], kv -> kv[1]));
        assertThat(seen).containsEntry("button", "Override 1...").containsEntry("after", "Overridden");
        // each finding in words: the site by its label and its structure's name, the zone by its name; no key
        String inWords = "Injection 1, T1 \"L facet\" (Facet joint capsule): the target lies inside zone Z1 "
                + "\"medial branch\"";
        assertThat(seen.get("said")).as("the refusal").contains("1. " + inWords);
        assertThat(seen.get("asked")).as("the refusal's Override 1... dialog").contains(inWords);
        assertThat(seen.get("listed")).as("Override Safety Finding...'s choice")
                .contains(inWords + "  [overridden: marked zone is scar, checked by scan]");
        // withdrawn once its finding no longer occurs: listed and confirmed in words, never by key
        assertThat(seen.get("gone")).as("Override Safety Finding... after the move").contains(gone);
        assertThat(seen.get("withdrawn")).isEqualTo("Override withdrawn: " + goneWords
                + " (the finding no longer occurs)");
        assertThat(String.join(" ", seen.values())).doesNotContain("zone-clearance", "facet-capsule");
        SessionPlan plan = GuiSession.newestRevision(dir.resolve("store")).plan();
        assertThat(plan.overrides()).hasSize(1);
        FindingOverride o = plan.overrides().get(0);
        assertThat(o.findingKey()).startsWith("zone-clearance/inside/");
        assertThat(o.reason()).isEqualTo("marked zone is scar, checked by scan");
        assertThat(o.author()).isEqualTo("Dr A");
        assertThat(plan.signature()).as("still to be finalized again").isNull();
    }
}
