package org.injectionplanner.plan;

import java.util.Base64;
import java.util.Objects;

/**
 * The keyed part of a signature (docs/plan-format.md §2.1): an Ed25519 signature by the signer's key over
 * the signed statement (the plan, course and session ids, the planned content's SHA-256, the signer, the
 * time, the SHA-256 of the clinic settings and the key's id), with the clinic settings the plan was signed
 * under, so that a reader can run the sign-off conditions again under them.
 *
 * @param keyId SHA-256 (64 lower-case hex digits) of the signer's public key in X.509 encoding, as listed
 *        in the store's keyring
 * @param settings the clinic settings the plan was signed under
 * @param settingsDocument those settings as the clinic settings document kept in the file (docs/plan-format.md
 *        §5), exactly as signed: the statement hashes this text, so a later build that reads the same settings
 *        with new defaults still verifies the seal
 * @param value the Ed25519 signature, Base64 (64 bytes)
 */
public record Seal(String keyId, ClinicSettings settings, String settingsDocument, String value) {

    public Seal {
        if (keyId == null || !keyId.matches("[0-9a-f]{64}")) {
            throw new IllegalArgumentException("a seal needs its key id: a SHA-256 of 64 lower-case hex digits");
        }
        Objects.requireNonNull(settings, "a seal needs the clinic settings it was given under");
        Objects.requireNonNull(settingsDocument, "a seal needs the settings document it signed");
        if (value == null || decodedLength(value) != 64) {
            throw new IllegalArgumentException("a seal's value must be an Ed25519 signature of 64 bytes in Base64");
        }
    }

    private static int decodedLength(String base64) {
        try {
            return Base64.getDecoder().decode(base64).length;
        } catch (IllegalArgumentException e) {
            return -1;
        }
    }
}
