package org.injectionplanner.store;

import java.nio.charset.StandardCharsets;
import java.security.KeyPair;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import org.injectionplanner.plan.Amendment;
import org.injectionplanner.plan.ClinicSettings;
import org.injectionplanner.plan.PlanStatus;
import org.injectionplanner.plan.Seal;
import org.injectionplanner.plan.SessionPlan;
import org.injectionplanner.plan.Signature;
import org.injectionplanner.plan.SignatureStatus;
import org.injectionplanner.planfile.JsonDialect;
import org.injectionplanner.planfile.PlanJson;
import org.injectionplanner.planfile.SettingsJson;
import org.injectionplanner.safety.SafetyChecks;
import org.injectionplanner.safety.SafetyContext;
import org.injectionplanner.safety.SignOffGate;

/**
 * Signing, verifying and amending session plans (docs/design.md §5, docs/plan-format.md §2.1): a signature
 * records the signer, the time and the SHA-256 of the plan's planned content, sealed with the signer's
 * Ed25519 key over those, the plan, course and session ids and the clinic settings it was given under
 * (kept in the seal); an amendment reopens a signed plan as a draft, keeping the signature it amends.
 */
public final class SignOff {

    /** The first line of the statement a seal signs; names its layout. */
    static final String STATEMENT = "injection-planner/signature 1";

    private SignOff() {
    }

    /**
     * The signer's key pair and whether the store's keyring lets it sign ({@link PlanStore#enroll}).
     *
     * @param keys the key pair
     * @param refusal why the keyring does not trust the key (e.g. a second key for a known name), or null
     */
    record Enrollment(KeyPair keys, String refusal) {
    }

    /** Gives a signer's enrolled key pair. */
    @FunctionalInterface
    interface SigningKeys {
        /**
         * The key pair of {@code signer}, enrolled.
         *
         * @throws StoreException if the key or keyring cannot be read or written
         */
        Enrollment of(String signer) throws StoreException;
    }

    /**
     * The plan signed and sealed with the signer's key, after checking it with the safety checks under
     * {@code settings} and {@code previousSessionDate} (the store's, {@link PlanStore#safetyContext}). The
     * key is asked for only when the plan may be signed. Package-private: outside the store a plan is
     * signed only by {@link PlanSession#finalizePlan}, and {@link OpenCourse#save} refuses a new signature
     * that {@link #status} does not find valid.
     *
     * @throws SignOffRefusedException if {@link SignOffGate} finds problems or the keyring does not trust the
     *         signer's key (listed in the exception)
     * @throws StoreException if the key or keyring cannot be read or written
     */
    static SessionPlan sign(SessionPlan plan, ClinicSettings settings, LocalDate previousSessionDate, String signer,
            OffsetDateTime at, SigningKeys keys) throws SignOffRefusedException, StoreException {
        List<String> problems = new ArrayList<>(SignOffGate.problems(plan,
                SafetyChecks.check(plan, SafetyContext.of(settings, previousSessionDate))));
        if (signer == null || signer.isBlank()) {
            problems.add("the signer's name is missing");
        }
        if (!problems.isEmpty()) {
            throw new SignOffRefusedException(plan.sessionNumber(), problems);
        }
        Enrollment enrolled = keys.of(signer.strip());
        if (enrolled.refusal() != null) {
            throw new SignOffRefusedException(plan.sessionNumber(), List.of(enrolled.refusal()));
        }
        Signature unsealed = new Signature(signer, at, PlanJson.plannedContentSha256(plan));
        String keyId = SignerKeys.keyId(enrolled.keys().getPublic());
        String document = new String(SettingsJson.write(settings), StandardCharsets.UTF_8);
        String value = SignerKeys.sign(enrolled.keys().getPrivate(), statement(plan, unsealed, document, keyId));
        return plan.signed(new Signature(unsealed.signer(), at, unsealed.contentSha256(),
                new Seal(keyId, settings, document, value)));
    }

    /**
     * What a seal signs: the statement's layout, the plan, course and session, the planned content's
     * SHA-256, the signer, the time, the SHA-256 of the settings document (UTF-8) and the key id, one per line.
     */
    static byte[] statement(SessionPlan plan, Signature signature, String settingsDocument, String keyId) {
        return JsonDialect.utf8(STATEMENT + "\nplan " + plan.id() + "\ncourse " + plan.courseId() + "\nsession "
                + plan.sessionNumber() + "\ncontent " + signature.contentSha256() + "\nsigner " + signature.signer()
                + "\nsignedAt " + JsonDialect.time(signature.signedAt()) + "\nsettings "
                + JsonDialect.sha256(JsonDialect.utf8(settingsDocument)) + "\nkey " + keyId + "\n");
    }

    /**
     * Verifies a plan's signature against the store's {@code keyring}: the planned content must still hash
     * to the signature's SHA-256; the seal's key must be one the keyring trusts for the signer; the seal
     * must verify over this plan's ids, content, signer, time and the settings it carries; and the plan as
     * it stood unsigned must pass {@link SignOffGate} under those settings (with the course's previous
     * session on {@code previousSessionDate}, null if unknown). A signature without a seal (written before
     * keyed signatures) whose content matches and that the keyring accepts ({@link Keyring#acceptsLegacy})
     * is {@link SignatureStatus.State#UNKEYED}.
     */
    public static SignatureStatus status(SessionPlan plan, Keyring keyring, LocalDate previousSessionDate) {
        if (plan.status() != PlanStatus.SIGNED) {
            return SignatureStatus.UNSIGNED;
        }
        Signature signature = plan.signature();
        List<String> problems = new ArrayList<>();
        if (!intact(plan)) {
            problems.add("the planned content no longer matches the signature's SHA-256: changed after signing");
        }
        Seal seal = signature.seal();
        if (seal == null) {
            if (!keyring.acceptsLegacy(legacyId(plan))) {
                problems.add("it carries no seal, and the store's keyring does not list it among the signatures made "
                        + "before keyed signatures");
            }
            return problems.isEmpty() ? SignatureStatus.UNKEYED : SignatureStatus.invalid(problems);
        }
        Keyring.TrustedKey trusted = keyring.trusted(signature.signer(), seal.keyId());
        if (trusted.key() == null) {
            problems.add(trusted.problem());
        } else if (!SignerKeys.verify(trusted.key(), statement(plan, signature, seal.settingsDocument(), seal.keyId()),
                seal.value())) {
            problems.add("the seal does not verify with key " + Keyring.shortId(seal.keyId()) + " of "
                    + signature.signer() + ": the signer, time, plan, course, session, content or settings differ "
                    + "from what was signed");
        }
        SessionPlan unsigned = new SessionPlan(plan.id(), plan.courseId(), plan.sessionNumber(), plan.date(),
                plan.author(), PlanStatus.DRAFT, plan.patientWeightKg(), plan.images(), plan.targets(), plan.zones(),
                plan.injections(), plan.checklist(), plan.overrides(), null, plan.amendments(), plan.outcomes(),
                plan.copiedForward());
        for (String p : SignOffGate.problems(unsigned,
                SafetyChecks.check(unsigned, SafetyContext.of(seal.settings(), previousSessionDate)))) {
            problems.add("under the settings it was signed with: " + p);
        }
        return problems.isEmpty() ? SignatureStatus.VALID : SignatureStatus.invalid(problems);
    }

    /**
     * The identity of an unsealed signature, as a keyring lists it: the SHA-256 of its plan, course,
     * session, content hash, signer and time.
     */
    static String legacyId(SessionPlan plan) {
        Signature s = plan.signature();
        return JsonDialect.sha256(JsonDialect.utf8("injection-planner/unsealed-signature\nplan " + plan.id()
                + "\ncourse " + plan.courseId() + "\nsession " + plan.sessionNumber() + "\ncontent "
                + s.contentSha256() + "\nsigner " + s.signer() + "\nsignedAt " + JsonDialect.time(s.signedAt())
                + "\n"));
    }

    /** True if a signed plan's planned content still hashes to its signature's SHA-256. */
    public static boolean intact(SessionPlan plan) {
        return plan.status() == PlanStatus.SIGNED
                && plan.signature().contentSha256().equals(PlanJson.plannedContentSha256(plan));
    }

    /**
     * The signed plan reopened as a draft for an amendment.
     *
     * @throws IllegalStateException if the plan is not signed
     * @throws IllegalArgumentException if the reason or author is blank
     */
    public static Amendment amendment(SessionPlan plan, String reason, String author, OffsetDateTime at) {
        if (plan.status() != PlanStatus.SIGNED) {
            throw new IllegalStateException("session " + plan.sessionNumber() + " is not signed: edit it directly");
        }
        return new Amendment(reason, author, at, plan.signature());
    }
}
