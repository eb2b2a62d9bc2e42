package org.injectionplanner.imagej.gui;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.OffsetDateTime;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Pattern;
import org.injectionplanner.plan.PlanStatus;
import org.injectionplanner.plan.SessionPlan;
import org.injectionplanner.store.Forgeries;
import org.injectionplanner.store.PlanStore;
import org.injectionplanner.store.Revision;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * The forger of issue 13 against the ImageJ plugin: a plan signed in ImageJ, then forged revisions
 * appended to its course with every hash recomputed by someone who can write the store's folder but holds
 * no signer's key ({@link Forgeries}). Opened with Open Session Plan..., each shows "signature not valid —
 * treated as a draft" with the reason, in the Log, the Plan Panel's title and its session map, and nothing
 * shows it as signed; the genuine revision, opened in the same ImageJ, shows as signed.
 */
@Tag("gui")
@ExtendWith(GuiSession.Ready.class)
class ForgedSignaturesIT {

    private static final String ALL_YES = "indication=yes no-infection=yes no-local-contraindication=yes "
            + "anticoagulants=yes nsaids-paused=yes no-allergy=yes pregnancy=n/a diabetes=yes prosthesis=n/a "
            + "weight=yes consent=yes site-marking=yes time-out=yes";

    private static final String INVALID = "signature not valid — treated as a draft";

    @TempDir
    Path dir;

    @Test
    void forgedSignaturesOpenAsDraftsWithTheReason() throws Exception {
        Path store = dir.resolve("store");
        // T1 25 mm deep on the midline, above the dura line at row 490 (42 mm): a plan that signs
        GuiSession.Result signing = GuiSession.run(GuiSession.openStudy(store, 1) + """
                run("Add Injection Target...", "x=400 y=300 frame=1 structure=supraspinous side=midline level=L4/L5 label=[L4/5 supraspinous]");
                run("Add Nerve Zone...", "ellipse=400,500,150,10 frame=1 kind=dura name=[dura] margin=0");
                run("Pre-procedure Checklist...", "weight_kg=70 %s");
                run("Finalize Session Plan...", "signer=[Dr Test]");
                run("Save Session Plan");
                File.saveString("signed", getArgument());
                """.formatted(ALL_YES), null, null);
        assertThat(signing.log()).doesNotContain("Injection Planner:");
        Revision genuine = GuiSession.newestRevision(store);
        SessionPlan signed = genuine.plan();
        assertThat(signed.status()).isEqualTo(PlanStatus.SIGNED);
        assertThat(signed.signature().seal()).isNotNull();

        OffsetDateTime at = signed.signature().signedAt();
        SessionPlan draft = Forgeries.unsigned(signed);
        Map<String, Path> opened = new LinkedHashMap<>();
        opened.put("genuine", genuine.file());
        opened.put("no key", Forgeries.append(store, Forgeries.signedWithoutKey(draft, "Dr Who", at), at));
        opened.put("renamed", Forgeries.append(store, Forgeries.signerRenamed(signed, "Dr B"), at));
        opened.put("unknown key", Forgeries.append(store, Forgeries.sealedWithUnknownKey(draft,
                new PlanStore(store).settings(), "Dr Test", at), at));

        StringBuilder macro = new StringBuilder(GuiSession.openStudy(store, 1)).append("""
                U = "org.injectionplanner.imagej.gui.UserInput.";
                out = "";
                """);
        for (Map.Entry<String, Path> e : opened.entrySet()) {
            macro.append("""
                    run("Open Session Plan...", "plan=[%s]");
                    run("Plan Panel");
                    out = out + "== %s\\n" + call(U + "title", "Plan Panel") + "\\n" + call(U + "rows", "Plan Panel")
                            + "-----\\n" + call(U + "wrappedText", "Plan Panel") + "\\n";
                    """.formatted(e.getValue(), e.getKey()));
        }
        macro.append("File.saveString(out, getArgument());\n");
        GuiSession.Result r = GuiSession.run(macro.toString(), null, null);
        assertThat(r.log()).doesNotContain("Injection Planner:");
        Map<String, String> shown = sections(r.output());
        assertThat(shown).containsOnlyKeys(opened.keySet());

        assertThat(shown.get("genuine")).startsWith("Plan Panel: ").contains("session 1 of 4 (signed), ")
                .contains("\nSigned by Dr Test at ").doesNotContainIgnoringCase(INVALID);
        assertForged(shown.get("no key"), r.log(), "it carries no seal");
        assertForged(shown.get("renamed"), r.log(), "is enrolled for Dr Test, not for Dr B");
        assertForged(shown.get("unknown key"), r.log(), "is not in the store's keyring");
    }

    /** The Plan Panel shows the plan as a draft, for {@code problem}, and nothing as signed; so does the Log. */
    private static void assertForged(String panel, String log, String problem) {
        assertThat(panel).startsWith("Plan Panel: ").contains("session 1 of 4 (" + INVALID + "), ")
                .doesNotContain("(signed)").doesNotContain("Signed by");
        String[] rowsAndFindings = panel.split("-----\n");
        String signOffRow = rowsAndFindings[0].strip().lines().reduce((a, b) -> b).orElseThrow();
        assertThat(signOffRow).startsWith("Signature not valid — treated as a draft: ");
        // a row too long for the map is cut, and shown whole under it
        String whole = !signOffRow.endsWith("…") ? signOffRow : rowsAndFindings[1].lines()
                .filter(l -> l.startsWith("• Signature not valid — treated as a draft: ")).findFirst()
                .orElseThrow();
        assertThat(whole).contains(problem);
        assertThat(log).containsPattern("Session 1 of \\S+ " + INVALID + ": [^\\n]*" + Pattern.quote(problem));
    }

    /** The output's sections, by the name after "== ". */
    private static Map<String, String> sections(String output) {
        Map<String, String> out = new LinkedHashMap<>();
        String name = null;
        StringBuilder text = new StringBuilder();
        for (String line : output.split("\n", -1)) {
            if (line.startsWith("== ")) {
                if (name != null) {
                    out.put(name, text.toString());
                }
                name = line.substring(3);
                text.setLength(0);
            } else if (name != null) {
                text.append(line).append('\n');
            }
        }
        if (name != null) {
            out.put(name, text.toString());
        }
        return out;
    }
}
