package org.injectionplanner.store;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.FileAttribute;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.Signature;
import java.security.spec.PKCS8EncodedKeySpec;
import java.security.spec.X509EncodedKeySpec;
import java.util.Base64;
import org.injectionplanner.planfile.JsonDialect;
import org.injectionplanner.planfile.PlanFormatException;
import org.injectionplanner.planfile.Pointer;

/**
 * The signers' Ed25519 key pairs of this workstation's user, kept in the user's {@link WorkstationFolder}
 * ({@code ~/.injection-planner/keys/}), never in a store: one file per signer name (named by the name's
 * SHA-256), and {@code admin.json} for a clinic administrator's key pair. The folder and the files are
 * readable by their owner only where the file system has POSIX permissions (docs/plan-format.md §2.1).
 * Also the Ed25519 primitives the store signs and verifies with. Thread-safe for distinct signers.
 */
public final class SignerKeys {

    /** The {@code "format"} of a key file. */
    static final String FORMAT = "injection-planner/signer-key";

    private static final String ALGORITHM = "Ed25519";

    private final Path dir;

    /** The key pairs in {@code dir}; nothing is created until a key is made. */
    public SignerKeys(Path dir) {
        this.dir = dir;
    }

    /** This user's keys: {@code keys} in the {@link WorkstationFolder}. */
    public static SignerKeys workstation() {
        return new SignerKeys(WorkstationFolder.path().resolve("keys"));
    }

    /** The folder of the key files. */
    public Path folder() {
        return dir;
    }

    /** The administrator keys of the locked keyrings this user has seen, kept beside the key files. */
    AdminKeyPins pins() {
        return new AdminKeyPins(dir.resolve("keyring-administrators.json"));
    }

    /**
     * The signer's key pair, made (and written owner-only) on first use.
     *
     * @throws StoreException if the key file cannot be read or written, or is not a key of this signer
     */
    public synchronized KeyPair of(String signer) throws StoreException {
        return loadOrCreate(dir.resolve(JsonDialect.sha256(JsonDialect.utf8(signer.strip())).substring(0, 32)
                + ".json"), signer.strip());
    }

    /**
     * The clinic administrator's key pair on this workstation, made on first use: it confirms enrollments
     * and locks a store's keyring ({@link Keyring}).
     *
     * @throws StoreException if the key file cannot be read or written
     */
    public synchronized KeyPair admin() throws StoreException {
        return loadOrCreate(dir.resolve("admin.json"), Keyring.ADMINISTRATOR);
    }

    private KeyPair loadOrCreate(Path file, String owner) throws StoreException {
        if (!Files.exists(file, LinkOption.NOFOLLOW_LINKS)) {
            KeyPair made = generate();
            try {
                write(file, owner, made);
                return made;
            } catch (FileAlreadyExistsException e) {
                // made at the same moment by another program: read that one
            } catch (IOException e) {
                throw new StoreException("cannot write the signing key " + file + ": " + StoreFiles.reason(e), e);
            }
        }
        return read(file, owner);
    }

    private static KeyPair read(Path file, String owner) throws StoreException {
        Pointer at = Pointer.root(file.toString());
        try {
            JsonNode tree = JsonDialect.parse(StoreFiles.readNamed(file), file.toString());
            JsonDialect.requireFormat(tree, at, FORMAT, 1);
            String signer = tree.path("signer").asText("");
            if (!signer.equals(owner)) {
                throw at.field("signer").error("the key of \"" + signer + "\", not of \"" + owner + "\"");
            }
            PublicKey pub = publicKey(tree.path("publicKey").asText(""));
            PrivateKey key = KeyFactory.getInstance(ALGORITHM).generatePrivate(
                    new PKCS8EncodedKeySpec(Base64.getDecoder().decode(tree.path("privateKey").asText(""))));
            return new KeyPair(pub, key);
        } catch (PlanFormatException e) {
            throw StoreException.of(e);
        } catch (GeneralSecurityException | IllegalArgumentException e) {
            throw new StoreException(file + ": not a readable Ed25519 key pair: " + e.getMessage(), e);
        }
    }

    /** Writes a new key file readable by its owner only, in a folder only its owner can enter. */
    private void write(Path file, String owner, KeyPair keys) throws IOException {
        boolean posix = createFolder(dir);
        ObjectNode o = JsonDialect.newDocument(FORMAT, 1);
        o.put("signer", owner);
        o.put("publicKey", Base64.getEncoder().encodeToString(keys.getPublic().getEncoded()));
        o.put("privateKey", Base64.getEncoder().encodeToString(keys.getPrivate().getEncoded()));
        FileAttribute<?>[] ownerOnly = posix
                ? new FileAttribute<?>[] {PosixFilePermissions.asFileAttribute(
                        PosixFilePermissions.fromString("rw-------"))}
                : new FileAttribute<?>[0];
        Files.createFile(file, ownerOnly);
        Files.write(file, JsonDialect.document(o), StandardOpenOption.WRITE, StandardOpenOption.SYNC);
    }

    /**
     * Creates the key folder {@code dir} if missing, enterable by its owner only where the file system has
     * POSIX permissions.
     *
     * @return true if it has them
     */
    static boolean createFolder(Path dir) throws IOException {
        boolean posix = FileSystems.getDefault().supportedFileAttributeViews().contains("posix");
        if (posix) {
            Files.createDirectories(dir, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString(
                    "rwx------")));
        } else {
            Files.createDirectories(dir);
        }
        return posix;
    }

    /** A new Ed25519 key pair. */
    static KeyPair generate() {
        try {
            return KeyPairGenerator.getInstance(ALGORITHM).generateKeyPair();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("this Java has no Ed25519 (needs Java 15 or later): " + e, e);
        }
    }

    /** The key id of a public key: SHA-256 of its X.509 encoding, 64 lower-case hex digits. */
    public static String keyId(PublicKey key) {
        return JsonDialect.sha256(key.getEncoded());
    }

    /** The public key in X.509 encoding, Base64, as the keyring lists it. */
    static String encode(PublicKey key) {
        return Base64.getEncoder().encodeToString(key.getEncoded());
    }

    /**
     * A public key from its Base64 X.509 encoding.
     *
     * @throws GeneralSecurityException if it is not an Ed25519 public key
     */
    static PublicKey publicKey(String base64) throws GeneralSecurityException {
        try {
            return KeyFactory.getInstance(ALGORITHM).generatePublic(new X509EncodedKeySpec(
                    Base64.getDecoder().decode(base64)));
        } catch (IllegalArgumentException e) {
            throw new GeneralSecurityException("not Base64: " + e.getMessage(), e);
        }
    }

    /** The Ed25519 signature of {@code message}, Base64. */
    static String sign(PrivateKey key, byte[] message) {
        try {
            Signature s = Signature.getInstance(ALGORITHM);
            s.initSign(key);
            s.update(message);
            return Base64.getEncoder().encodeToString(s.sign());
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("cannot sign with Ed25519: " + e, e);
        }
    }

    /** True if {@code signature} (Base64) is {@code key}'s Ed25519 signature of {@code message}. */
    static boolean verify(PublicKey key, byte[] message, String signature) {
        try {
            Signature s = Signature.getInstance(ALGORITHM);
            s.initVerify(key);
            s.update(message);
            return s.verify(Base64.getDecoder().decode(signature));
        } catch (GeneralSecurityException | IllegalArgumentException e) {
            return false;
        }
    }
}
