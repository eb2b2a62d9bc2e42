package org.injectionplanner.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.injectionplanner.plan.PlanFixtures.AT;
import static org.injectionplanner.plan.PlanFixtures.injection;
import static org.injectionplanner.plan.PlanFixtures.path;
import static org.injectionplanner.plan.PlanFixtures.region;
import static org.injectionplanner.plan.PlanFixtures.target;
import static org.injectionplanner.plan.PlanFixtures.zone;
import static org.injectionplanner.plan.PlanFixtures.polygon;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.KeyPair;
import java.time.Clock;
import java.util.List;
import java.util.UUID;
import org.injectionplanner.cli.Main;
import org.injectionplanner.plan.ChecklistItem;
import org.injectionplanner.plan.ClinicSettings;
import org.injectionplanner.plan.MeasuredCalibration;
import org.injectionplanner.plan.PlanFixtures;
import org.injectionplanner.plan.SafetyLimits;
import org.injectionplanner.plan.Seal;
import org.injectionplanner.plan.SessionPlan;
import org.injectionplanner.plan.Signature;
import org.injectionplanner.plan.SignatureStatus;
import org.injectionplanner.plan.Target;
import org.injectionplanner.planfile.PlanJson;
import org.injectionplanner.planfile.SettingsJson;
import org.injectionplanner.safety.SafetyChecks;
import org.injectionplanner.safety.SafetyContext;
import org.injectionplanner.sessionmap.SessionMap;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The forger of issue 13: someone who can write the store's folder but holds no signer's private key. Each
 * forgery is written as that person would, behind the store's back, as the course's next revision with
 * every hash recomputed and the head record updated; each must be a break for verify-store (exit 1), make
 * validate exit 1 with the signature reported invalid, and show in the session map as "Signature not valid
 * — treated as a draft", never as signed (docs/plan-format.md §2.1).
 */
class ForgedSignaturesTest {

    private static final MeasuredCalibration CAL = region(0, 0.1, 0.1);
    private static final List<ChecklistItem> CHECKLIST = List.of(new ChecklistItem("consent", "Consent signed"));

    @TempDir
    Path root;
    @TempDir
    Path home;

    private PlanStore store;
    private Revision genuine;

    /** One clear site off the midline, the checklist answered, the weight entered: a plan that can be signed. */
    private static SessionPlan signable() {
        Target t = target(1, 600, 300, CAL);
        return PlanFixtures.answeredYes(PlanFixtures.draft(CHECKLIST)).withPatientWeightKg(70.0).withTarget(t)
                .withInjection(injection(t, path(600, 0, CAL)));
    }

    private PlanStore storeWithKeysOf(String who) {
        return new PlanStore(root, Clock.systemDefaultZone(), new SeenSequences(home.resolve("seen.json")),
                new SignerKeys(home.resolve(who)));
    }

    /** Dr A signs a plan through the store: the genuine signature the forger starts from. */
    @BeforeEach
    void signGenuinely() throws Exception {
        store = storeWithKeysOf("dr-a");
        try (PlanSession session = PlanSession.open(store, signable())) {
            session.save("Dr A", "planned");
            genuine = session.finalizePlan("Dr A", AT);
        }
    }

    @Test
    void theGenuineSignatureIsValidEverywhere() throws Exception {
        assertThat(genuine.plan().signature().seal()).isNotNull();
        assertThat(store.signatureStatus(genuine.plan())).isEqualTo(SignatureStatus.VALID);
        VerifyReport report = StoreVerifier.verify(root, new SeenSequences(home.resolve("seen.json")));
        assertThat(report.problems()).isEmpty();
        assertThat(run("verify-store", root.toString()).status()).isZero();
        Run validate = run("validate", genuine.file().toString());
        assertThat(validate.status()).as(validate.out() + validate.err()).isZero();
        assertThat(validate.json().at("/signature/state").asText()).isEqualTo("VALID");
        assertThat(sessionMapSignOffLine(genuine.plan())).startsWith("Signed by Dr A at ");
        // the plan as read back from its file, with its seal and settings, is the plan signed
        assertThat(PlanJson.read(PlanJson.write(genuine.plan()), "signed.json")).isEqualTo(genuine.plan());
    }

    @Test
    void aSignedRevisionAppendedWithRecomputedHashesIsNotValid() throws Exception {
        assertForged(append(Forgeries.signedWithoutKey(signable(), "Dr Who", AT)), "carries no seal");
    }

    @Test
    void aSignersNameEditedIsNotValid() throws Exception {
        assertForged(append(Forgeries.signerRenamed(genuine.plan(), "Dr B")), "is enrolled for Dr A, not for Dr B");
    }

    @Test
    void aSignatureCopiedFromAnotherPlanIsNotValid() throws Exception {
        SessionPlan other = new SessionPlan(UUID.fromString("0b000000-0000-4000-8000-000000000002"),
                PlanFixtures.COURSE, 3, PlanFixtures.DATE.plusWeeks(4), "Dr A", genuine.plan().status(),
                genuine.plan().patientWeightKg(), genuine.plan().images(), genuine.plan().targets(),
                genuine.plan().zones(), genuine.plan().injections(), genuine.plan().checklist(),
                genuine.plan().overrides(), genuine.plan().signature(), List.of(), null, null);
        SessionPlan copied = Forgeries.withSignature(other, new Signature("Dr A", AT,
                PlanJson.plannedContentSha256(other),
                genuine.plan().signature().seal()));
        assertForged(append(copied), "the seal does not verify with key");
    }

    @Test
    void theSettingsOfAValidSignatureChangedAfterwardsAreNotValid() throws Exception {
        Signature s = genuine.plan().signature();
        SafetyLimits d = s.seal().settings().limits();
        ClinicSettings laxer = s.seal().settings().withLimits(new SafetyLimits(d.needleReserveMm(),
                d.maxInsertionAngleDeg(), d.midlineNoGoDepthMm(), d.maxSiteVolumeMl() * 10,
                d.maxSessionVolumeMl() * 10, d.minIntervalDays(), d.maxEntryBelowSkinMm()));
        SessionPlan edited = Forgeries.withSignature(genuine.plan(), new Signature(s.signer(), s.signedAt(),
                s.contentSha256(),
                new Seal(s.seal().keyId(), laxer, new String(SettingsJson.write(laxer), StandardCharsets.UTF_8),
                        s.seal().value())));
        assertForged(append(edited), "the seal does not verify with key");
    }

    @Test
    void theStoresSettingsChangedAfterSigningLeaveTheSignatureValidUnderItsOwn() throws Exception {
        SafetyLimits d = SafetyLimits.defaults();
        store.saveSettings(ClinicSettings.defaults().withLimits(new SafetyLimits(80, d.maxInsertionAngleDeg(),
                d.midlineNoGoDepthMm(), d.maxSiteVolumeMl(), d.maxSessionVolumeMl(), d.minIntervalDays(),
                d.maxEntryBelowSkinMm())));
        assertThat(store.signatureStatus(genuine.plan())).isEqualTo(SignatureStatus.VALID);
        assertThat(StoreVerifier.verify(root, new SeenSequences(home.resolve("seen.json"))).intact()).isTrue();
    }

    @Test
    void aSignatureByAKeyNotInTheKeyringIsNotValid() throws Exception {
        SessionPlan forged = Forgeries.sealedWithUnknownKey(signable(), store.settings(), "Dr A", AT);
        assertForged(append(forged), "is not in the store's keyring");
    }

    @Test
    void aSealedPlanWhoseSignOffConditionsDoNotHoldUnderItsSettingsIsNotValid() throws Exception {
        // as if an older build with weaker checks had signed it: T1's path 4 mm from a 5 mm-margin zone
        Target t = target(1, 240, 300, CAL);
        SessionPlan violating = PlanFixtures.answeredYes(PlanFixtures.draft(CHECKLIST))
                .withZone(zone(1, polygon(100, 100, 200, 100, 200, 200, 100, 200), 5, CAL)).withTarget(t)
                .withInjection(injection(t, path(240, 0, CAL)));
        KeyPair drA = new SignerKeys(home.resolve("dr-a")).of("Dr A");
        Signature unsealed = new Signature("Dr A", AT, PlanJson.plannedContentSha256(violating));
        ClinicSettings settings = store.settings();
        String document = new String(SettingsJson.write(settings), StandardCharsets.UTF_8);
        String keyId = SignerKeys.keyId(drA.getPublic());
        SessionPlan signed = violating.signed(new Signature("Dr A", AT, unsealed.contentSha256(), new Seal(keyId,
                settings, document, SignerKeys.sign(drA.getPrivate(),
                        SignOff.statement(violating, unsealed, document, keyId)))));
        assertForged(append(signed), "under the settings it was signed with: violation without a written override");
    }

    /** Runs every reader over the forged revision: none may call it signed. */
    private void assertForged(Path file, String problem) throws Exception {
        VerifyReport report = StoreVerifier.verify(root, new SeenSequences(home.resolve("seen.json")));
        assertThat(report.breaks()).as(report.problems().toString()).anySatisfy(p -> {
            assertThat(p.file()).isEqualTo(file);
            assertThat(p.message()).contains("is not valid (the plan counts as a draft)").contains(problem);
        });
        Run verify = run("verify-store", root.toString());
        assertThat(verify.status()).as(verify.out()).isEqualTo(1);
        assertThat(verify.out()).contains(problem);

        Run validate = run("validate", file.toString());
        assertThat(validate.status()).as(validate.out() + validate.err()).isEqualTo(1);
        JsonNode signature = validate.json().get("signature");
        assertThat(signature.get("state").asText()).isEqualTo("INVALID");
        assertThat(signature.get("problems").toString()).contains(problem);

        SessionPlan plan = store.load(file).plan();
        SignatureStatus status = store.signatureStatus(plan);
        assertThat(status.trusted()).isFalse();
        assertThat(status.problems()).anyMatch(p -> p.contains(problem));
        String line = sessionMapSignOffLine(plan);
        assertThat(line).startsWith("Signature not valid — treated as a draft: ").contains(problem)
                .doesNotContain("Signed by");
    }

    private String sessionMapSignOffLine(SessionPlan plan) throws Exception {
        SafetyContext context = store.safetyContext(plan);
        List<String> lines = SessionMap.of(plan, SafetyChecks.check(plan, context), store.settings(),
                store.signatureStatus(plan)).lines();
        return lines.get(lines.size() - 1);
    }

    /** Appends {@code plan} as the course's next revision, as the forger can ({@link Forgeries#append}). */
    private Path append(SessionPlan plan) throws Exception {
        return Forgeries.append(root, plan, AT);
    }

    private record Run(int status, String out, String err) {
        JsonNode json() throws Exception {
            return new ObjectMapper().readTree(out);
        }
    }

    private static Run run(String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int status = Main.run(args, new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8));
        return new Run(status, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }
}
