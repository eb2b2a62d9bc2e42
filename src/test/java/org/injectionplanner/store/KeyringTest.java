package org.injectionplanner.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.injectionplanner.plan.PlanFixtures.AT;
import static org.injectionplanner.plan.PlanFixtures.injection;
import static org.injectionplanner.plan.PlanFixtures.path;
import static org.injectionplanner.plan.PlanFixtures.region;
import static org.injectionplanner.plan.PlanFixtures.target;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.KeyPair;
import java.time.Clock;
import java.util.List;
import java.util.UUID;
import org.injectionplanner.cli.Main;
import org.injectionplanner.plan.ChecklistItem;
import org.injectionplanner.plan.MeasuredCalibration;
import org.injectionplanner.plan.PlanFixtures;
import org.injectionplanner.plan.SessionPlan;
import org.injectionplanner.plan.Signature;
import org.injectionplanner.plan.SignatureStatus;
import org.injectionplanner.plan.Target;
import org.injectionplanner.planfile.PlanJson;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Enrollment in a store's keyring (docs/plan-format.md §2.1): trust on first use, a second key for a known
 * name waits for the administrator, a locked keyring counts only what the administrator confirmed, and
 * signatures from before keyed signatures stay readable as such.
 */
class KeyringTest {

    private static final MeasuredCalibration CAL = region(0, 0.1, 0.1);
    private static final List<ChecklistItem> CHECKLIST = List.of(new ChecklistItem("consent", "Consent signed"));

    @TempDir
    Path root;
    @TempDir
    Path home;

    /** A signable plan of its own id and session number in the fixtures' course. */
    private static SessionPlan signable(int session) {
        Target t = target(1, 600, 300, CAL);
        SessionPlan p = PlanFixtures.answeredYes(PlanFixtures.draft(CHECKLIST)).withPatientWeightKg(70.0).withTarget(t)
                .withInjection(injection(t, path(600, 0, CAL)));
        return new SessionPlan(UUID.nameUUIDFromBytes(new byte[] {(byte) session}), p.courseId(), session,
                p.date().plusWeeks(4L * session), p.author(), p.status(), p.patientWeightKg(), p.images(), p.targets(),
                p.zones(), p.injections(), p.checklist(), p.overrides(), null, List.of(), null, null);
    }

    /** The store as seen by a user whose keys are in {@code home/<who>}. */
    private PlanStore as(String who) {
        return new PlanStore(root, Clock.systemDefaultZone(), new SeenSequences(home.resolve("seen.json")),
                new SignerKeys(home.resolve(who)));
    }

    private static Revision sign(PlanStore store, SessionPlan plan, String signer) throws Exception {
        try (PlanSession session = PlanSession.open(store, plan)) {
            return session.finalizePlan(signer, AT);
        }
    }

    @Test
    void aFirstSignatureMakesTheKeyOwnerOnlyAndEnrollsItWithWhoWhenAndWhere() throws Exception {
        PlanStore store = as("dr-a");
        Revision r = sign(store, signable(2), "Dr A");
        Keyring ring = store.keyring();
        assertThat(ring.entries()).singleElement().satisfies(e -> {
            assertThat(e.signer()).isEqualTo("Dr A");
            assertThat(e.keyId()).isEqualTo(r.plan().signature().seal().keyId());
            assertThat(e.workstation()).isEqualTo(LockOwner.hostName() + " (user " + System.getProperty("user.name")
                    + ")");
            assertThat(e.enrolledAt()).isNotNull();
            assertThat(e.adminSignature()).isNull();
        });
        assertThat(ring.locked()).isFalse();
        Path keys = home.resolve("dr-a");
        try (var files = Files.list(keys)) {
            Path keyFile = files.findFirst().orElseThrow();
            assertThat(Files.readString(keyFile)).contains("\"privateKey\"");
            assertThat(Files.readString(root.resolve("keyring.json"))).doesNotContain("privateKey");
            if (FileSystems.getDefault().supportedFileAttributeViews().contains("posix")) {
                assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(keyFile)))
                        .isEqualTo("rw-------");
                assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(keys))).isEqualTo("rwx------");
            }
        }
        // the second signature uses the same key: nothing new is enrolled
        sign(store, signable(3), "Dr A");
        assertThat(store.keyring().entries()).hasSize(1);
        assertThat(store.signatureStatus(r.plan())).isEqualTo(SignatureStatus.VALID);
    }

    @Test
    void aSecondKeyForAKnownNameIsRefusedUntilTheAdministratorConfirmsIt() throws Exception {
        sign(as("dr-a"), signable(2), "Dr A");
        PlanStore impostor = as("elsewhere");
        SessionPlan plan = signable(3);
        try (PlanSession session = PlanSession.open(impostor, plan)) {
            assertThatThrownBy(() -> session.finalizePlan("Dr A", AT))
                    .isInstanceOfSatisfying(SignOffRefusedException.class, e -> assertThat(e.problems())
                            .singleElement().asString().contains("is a second key for Dr A, not confirmed by the "
                                    + "administrator").contains("counts once the clinic's administrator confirms"));
            assertThat(session.editor().plan()).isEqualTo(plan);
        }
        Keyring ring = impostor.keyring();
        assertThat(ring.entries()).extracting(Keyring.Entry::signer).containsExactly("Dr A", "Dr A");
        String secondKey = ring.entries().get(1).keyId();

        KeyPair admin = new SignerKeys(home.resolve("admin")).admin();
        impostor.confirmKey(secondKey, admin);
        Revision r = sign(impostor, plan, "Dr A");
        assertThat(r.plan().signature().seal().keyId()).isEqualTo(secondKey);
        assertThat(impostor.signatureStatus(r.plan())).isEqualTo(SignatureStatus.VALID);
        assertThatThrownBy(() -> impostor.confirmKey(secondKey, SignerKeys.generate()))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("another one");
    }

    @Test
    void theAdministratorConfirmsAndLocksFromTheCommandLine() throws Exception {
        sign(as("dr-a"), signable(2), "Dr A");
        PlanStore elsewhere = as("elsewhere");
        try (PlanSession session = PlanSession.open(elsewhere, signable(3))) {
            assertThatThrownBy(() -> session.finalizePlan("Dr A", AT)).isInstanceOf(SignOffRefusedException.class);
        }
        String second = elsewhere.keyring().entries().get(1).keyId();
        String listed = cli("keyring", root.toString());
        assertThat(listed).startsWith("unlocked: ").contains(second + "  Dr A  enrolled ")
                .contains("does not count: key " + second.substring(0, 12) + " is a second key for Dr A");
        assertThat(cli("keyring", root.toString(), "--confirm", second.substring(0, 10)))
                .doesNotContain("does not count");
        assertThat(sign(elsewhere, signable(3), "Dr A").plan().signature().seal().keyId()).isEqualTo(second);
        assertThat(cli("keyring", root.toString(), "--lock")).startsWith("locked: ").doesNotContain("does not count");
        assertThat(elsewhere.keyring().locked()).isTrue();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        assertThat(Main.run(new String[] {"keyring", root.toString(), "--confirm", "00000000"},
                new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8))).isEqualTo(2);
        assertThat(err.toString(StandardCharsets.UTF_8)).startsWith("error: no enrolled key starts with 00000000");
    }

    /** Runs the command line, which must succeed, and returns what it printed. */
    private static String cli(String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int status = Main.run(args, new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8));
        assertThat(status).as(err.toString(StandardCharsets.UTF_8)).isZero();
        return out.toString(StandardCharsets.UTF_8);
    }

    @Test
    void aLockedKeyringCountsOnlyWhatTheAdministratorSigned() throws Exception {
        Revision before = sign(as("dr-a"), signable(2), "Dr A");
        KeyPair admin = new SignerKeys(home.resolve("admin")).admin();
        PlanStore store = as("dr-a");
        store.lockKeyring(admin);
        assertThat(store.keyring().locked()).isTrue();
        assertThat(store.signatureStatus(before.plan())).as("enrolled before locking: confirmed by the lock")
                .isEqualTo(SignatureStatus.VALID);

        // a new signer's first signature enrolls the key, but it counts only once confirmed
        PlanStore drC = as("dr-c");
        SessionPlan plan = signable(3);
        try (PlanSession session = PlanSession.open(drC, plan)) {
            assertThatThrownBy(() -> session.finalizePlan("Dr C", AT))
                    .isInstanceOfSatisfying(SignOffRefusedException.class, e -> assertThat(e.problems())
                            .singleElement().asString().contains("the keyring is locked"));
        }
        String keyC = drC.keyring().entries().get(1).keyId();
        drC.confirmKey(keyC, admin);
        Revision signedByC = sign(drC, plan, "Dr C");
        assertThat(drC.signatureStatus(signedByC.plan())).isEqualTo(SignatureStatus.VALID);

        // an administrator's signature copied from one entry to another does not count
        Keyring ring = drC.keyring();
        Keyring.Entry a = ring.entries().get(0);
        Keyring.Entry c = ring.entries().get(1);
        Keyring.Entry forged = new Keyring.Entry(c.signer(), c.keyId(), c.publicKey(), c.enrolledAt(),
                c.workstation(), a.adminSignature());
        new Keyring(ring.adminKey(), true, List.of(a, forged), ring.legacy(), ring.legacyAdminSignature()).write(root);
        assertThat(drC.signatureStatus(signedByC.plan()).problems()).singleElement().asString()
                .contains("the keyring is locked and the administrator has not confirmed key");
        // nor does a keyring whose administrator key was swapped for the forger's: Dr C's workstation
        // remembers the administrator key it first saw the keyring locked with
        KeyPair forger = SignerKeys.generate();
        new Keyring(SignerKeys.encode(forger.getPublic()), true, List.of(a, c), List.of(), null).write(root);
        assertThatThrownBy(() -> drC.signatureStatus(before.plan())).isInstanceOf(StoreException.class)
                .hasMessageContaining("the keyring was rewritten in the store's folder");
        assertThat(as("new-workstation").signatureStatus(before.plan()).trusted())
                .as("a workstation that never saw the genuine keyring: the swapped key confirmed no entry").isFalse();
    }

    /**
     * The forger of docs/safety.md §3 with a locked keyring: makes an administrator key of his own, enrolls
     * his own key for a signer name, confirms every entry with his key, locks the keyring and appends a plan
     * sealed with his key. Each workstation that saw the genuine locked keyring (locked there, or read there)
     * refuses the rewritten one: the store API, verify-store, and opening the plan, which shows it not valid.
     */
    @Test
    void aLockedKeyringRewrittenWithANewAdministratorKeyIsRefusedWhereTheGenuineOneWasSeen() throws Exception {
        Revision genuine = sign(as("dr-a"), signable(2), "Dr A");
        as("dr-a").lockKeyring(new SignerKeys(home.resolve("admin")).admin());
        assertThat(as("dr-c").signatureStatus(genuine.plan())).as("read locked: pinned on first sight")
                .isEqualTo(SignatureStatus.VALID);

        Keyring genuineRing = as("dr-a").keyring();
        KeyPair forgersAdmin = SignerKeys.generate();
        KeyPair forgersKey = SignerKeys.generate();
        List<Keyring.Entry> unconfirmed = genuineRing.entries().stream().map(e -> new Keyring.Entry(e.signer(),
                e.keyId(), e.publicKey(), e.enrolledAt(), e.workstation(), null)).toList();
        Keyring forgedRing = new Keyring(null, false, unconfirmed, List.of(), null)
                .enroll("Dr X", forgersKey.getPublic(), AT, "forger (user forger)").lock(forgersAdmin);
        forgedRing.write(root);
        SessionPlan forged = SignOff.sign(signable(3), as("dr-a").settings(),
                null, "Dr X", AT, name -> new SignOff.Enrollment(forgersKey, null));
        Path file = Forgeries.append(root, forged, AT);

        for (String who : List.of("dr-a", "dr-c")) {
            PlanStore store = as(who);
            assertThatThrownBy(store::keyring).isInstanceOf(StoreException.class)
                    .hasMessageContaining("this workstation saw the keyring locked by the administrator key "
                            + Keyring.shortId(genuineRing.adminKeyId().orElseThrow()))
                    .hasMessageContaining("names the administrator key " + Keyring.shortId(
                            forgedRing.adminKeyId().orElseThrow()))
                    .hasMessageContaining("the keyring was rewritten in the store's folder");
            VerifyReport report = StoreVerifier.verify(root, new SeenSequences(home.resolve("seen.json")),
                    new SignerKeys(home.resolve(who)));
            assertThat(report.breaks()).anySatisfy(p -> {
                assertThat(p.file()).isEqualTo(Keyring.file(root));
                assertThat(p.message()).contains("the keyring was rewritten in the store's folder");
            }).anySatisfy(p -> {
                assertThat(p.file()).isEqualTo(file);
                assertThat(p.message()).contains("the signature of session 3 by Dr X is not valid (the plan counts "
                        + "as a draft): the store's keyring cannot be used: ");
            }).anySatisfy(p -> assertThat(p.file()).isEqualTo(genuine.file()));
            // what opening the plan in ImageJ shows (PlanWorkspace#signatureStatus): not valid, with the reason
            assertThatThrownBy(() -> store.signatureStatus(forged)).isInstanceOf(StoreException.class);
        }

        // unlocking the keyring is a rewrite too
        new Keyring(genuineRing.adminKey(), false, genuineRing.entries(), List.of(), null).write(root);
        assertThatThrownBy(as("dr-c")::keyring).hasMessageContaining("but it now is not locked");

        // what the pin cannot do: a workstation that first sees the store after the rewrite trusts it
        forgedRing.write(root);
        assertThat(as("new-workstation").signatureStatus(forged)).isEqualTo(SignatureStatus.VALID);
    }

    /** verify-store on the command line, on a workstation that locked the keyring (its home is the test's). */
    @Test
    void verifyStoreReportsALockedKeyringRewrittenWithANewAdministratorKey() throws Exception {
        Revision genuine = sign(as("dr-a"), signable(2), "Dr A");
        assertThat(cli("keyring", root.toString(), "--lock")).startsWith("locked: ");
        assertThat(run("verify-store", root.toString()).status()).isZero();

        Forgeries.relockWithForgersAdministrator(root, as("dr-a").keyring());
        Run verify = run("verify-store", root.toString());
        assertThat(verify.status()).as(verify.out() + verify.err()).isEqualTo(1);
        assertThat(verify.out()).contains(Keyring.file(root).toString())
                .contains("the keyring was rewritten in the store's folder")
                .contains(genuine.file().getFileName().toString());
    }

    private record Run(int status, String out, String err) {
    }

    private static Run run(String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int status = Main.run(args, new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8));
        return new Run(status, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }

    @Test
    void signaturesFromBeforeKeyedSignaturesAreReportedNotTrustedAndNewUnsealedOnesAreNotValid() throws Exception {
        PlanStore store = as("dr-a");
        SessionPlan old = signable(2);
        SessionPlan oldSigned = old.signed(new Signature("Dr Old", AT.minusYears(1),
                PlanJson.plannedContentSha256(old)));
        try (OpenCourse course = store.open(old.courseId())) {
            // what an earlier build saved: written through the store before it had a keyring
            Path dir = StoreLayout.revisions(course.folder());
            Files.write(dir.resolve(new StoreLayout.RevisionName(1, old.id()).fileName()),
                    RevisionFile.write(oldSigned, 1, AT.minusYears(1), "Dr Old", "Signed by Dr Old", null).bytes());
        }
        assertThat(store.signatureStatus(oldSigned)).isEqualTo(SignatureStatus.UNKEYED);
        sign(store, signable(3), "Dr A");
        assertThat(store.keyring().legacy()).containsExactly(SignOff.legacyId(oldSigned));
        assertThat(store.signatureStatus(oldSigned)).as("listed when the keyring was made")
                .isEqualTo(SignatureStatus.UNKEYED);
        VerifyReport report = StoreVerifier.verify(root, new SeenSequences(home.resolve("seen.json")));
        assertThat(report.breaks()).isEmpty();
        assertThat(report.warnings()).extracting(VerifyReport.Problem::message)
                .contains("session 2 by Dr Old was signed before keyed signatures: the signer cannot be verified");

        // the same signature an hour later is no signature the keyring listed: a forgery
        SessionPlan later = new SessionPlan(old.id(), old.courseId(), old.sessionNumber(), old.date(), old.author(),
                oldSigned.status(), old.patientWeightKg(), old.images(), old.targets(), old.zones(), old.injections(),
                old.checklist(), old.overrides(), new Signature("Dr Old", AT, oldSigned.signature().contentSha256()),
                old.amendments(), old.outcomes(), old.copiedForward());
        assertThat(store.signatureStatus(later).problems())
                .singleElement().asString().contains("carries no seal");
    }
}
