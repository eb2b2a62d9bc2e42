package org.injectionplanner.store;

import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.time.OffsetDateTime;
import java.util.List;
import org.injectionplanner.plan.ClinicSettings;
import org.injectionplanner.plan.PlanStatus;
import org.injectionplanner.plan.SessionPlan;
import org.injectionplanner.plan.Signature;
import org.injectionplanner.planfile.PlanJson;
import org.injectionplanner.store.StoreLayout.RevisionName;

/**
 * What the forger of issue 13 can make: someone who can write the store's folder but holds no signer's
 * private key. The plans are forged here; {@link #append} writes one into a store as the course's next
 * revision, behind the store's back, with every hash recomputed. Shared by the store, CLI and GUI tests.
 */
public final class Forgeries {

    private Forgeries() {
    }

    /** The plan as it stood before it was signed: a draft without a signature. */
    public static SessionPlan unsigned(SessionPlan p) {
        return new SessionPlan(p.id(), p.courseId(), p.sessionNumber(), p.date(), p.author(), PlanStatus.DRAFT,
                p.patientWeightKg(), p.images(), p.targets(), p.zones(), p.injections(), p.checklist(), p.overrides(),
                null, p.amendments(), p.outcomes(), p.copiedForward());
    }

    /** {@code p} with another signature (and its status as it is). */
    public static SessionPlan withSignature(SessionPlan p, Signature signature) {
        return new SessionPlan(p.id(), p.courseId(), p.sessionNumber(), p.date(), p.author(), p.status(),
                p.patientWeightKg(), p.images(), p.targets(), p.zones(), p.injections(), p.checklist(), p.overrides(),
                signature, p.amendments(), p.outcomes(), p.copiedForward());
    }

    /** A draft marked SIGNED by {@code signer} with its content hash recomputed: no key, so no seal. */
    public static SessionPlan signedWithoutKey(SessionPlan draft, String signer, OffsetDateTime at) {
        return draft.signed(new Signature(signer, at, PlanJson.plannedContentSha256(draft)));
    }

    /** A signed plan whose signer's name was edited, its seal kept. */
    public static SessionPlan signerRenamed(SessionPlan signed, String signer) {
        Signature s = signed.signature();
        return withSignature(signed, new Signature(signer, s.signedAt(), s.contentSha256(), s.seal()));
    }

    /**
     * A draft sealed as the store would seal it for {@code signer}, but with a key pair the forger made:
     * a key the store's keyring does not hold.
     */
    public static SessionPlan sealedWithUnknownKey(SessionPlan draft, ClinicSettings settings, String signer,
            OffsetDateTime at) throws SignOffRefusedException, StoreException {
        KeyPair forgersKey = SignerKeys.generate();
        return SignOff.sign(draft, settings, null, signer, at, name -> new SignOff.Enrollment(forgersKey, null));
    }

    /**
     * Rewrites the keyring of the store in {@code root} as the forger can: the entries of {@code genuine},
     * each confirmed by an administrator key of the forger's own, locked with it.
     */
    public static void relockWithForgersAdministrator(Path root, Keyring genuine) throws StoreException {
        List<Keyring.Entry> unconfirmed = genuine.entries().stream().map(e -> new Keyring.Entry(e.signer(),
                e.keyId(), e.publicKey(), e.enrolledAt(), e.workstation(), null)).toList();
        new Keyring(null, false, unconfirmed, List.of(), null).lock(SignerKeys.generate()).write(root);
    }

    /**
     * Writes {@code plan} as the next revision of its course in the store in {@code root} the way the store
     * would, chained to the newest one with its SHA-256, saved an hour after {@code at}, and points the head
     * record at it.
     *
     * @return the revision file written
     */
    public static Path append(Path root, SessionPlan plan, OffsetDateTime at) throws Exception {
        Path course = StoreLayout.course(root, plan.courseId());
        Path dir = StoreLayout.revisions(course);
        List<RevisionName> names = PlanStore.revisionNames(dir);
        RevisionName newest = names.get(names.size() - 1);
        String previous = PlanStoreTestFiles.sha256(Files.readAllBytes(dir.resolve(newest.fileName())));
        RevisionName name = new RevisionName(newest.sequence() + 1, plan.id());
        byte[] bytes = RevisionFile.write(plan, name.sequence(), at.plusHours(1), plan.signature().signer(),
                "signed", previous).bytes();
        Path file = dir.resolve(name.fileName());
        Files.write(file, bytes);
        Files.write(StoreLayout.head(course), new CourseHead(name, PlanStoreTestFiles.sha256(bytes)).toJson());
        return file;
    }
}
