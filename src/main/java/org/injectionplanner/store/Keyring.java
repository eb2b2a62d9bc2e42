package org.injectionplanner.store;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.PublicKey;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.injectionplanner.planfile.JsonDialect;
import org.injectionplanner.planfile.PlanFormatException;
import org.injectionplanner.planfile.Pointer;

/**
 * A store's keyring ({@code keyring.json} in the store's folder, docs/plan-format.md §2.1): the signers'
 * public keys, each enrolled with who, when and on which workstation, and optionally the clinic
 * administrator's public key and whether the keyring is locked.
 *
 * <p>Which entries count: one the administrator's key has signed always does (when the keyring names an
 * administrator key); in an unlocked keyring, also the first entry of each signer name (trust on first use);
 * in a locked keyring, no other. A second key for a known name therefore counts only once the administrator
 * confirms it.
 *
 * <p>Signatures made before keyed signatures (without a seal) that were in the store when its keyring was
 * made are listed by {@link SignOff#legacyId}; an unsealed signature a keyring does not list is not
 * valid (a store without a keyring accepts them all as signed before keyed signatures). In a locked
 * keyring the list counts only with the administrator's signature. Immutable; {@link #enroll},
 * {@link #confirm} and {@link #lock} return a new keyring.
 *
 * @param adminKey the administrator's public key (X.509, Base64), or null
 * @param locked true if only entries the administrator signed count
 * @param entries the enrollments, in the order made
 * @param legacy the {@link SignOff#legacyId}s of the unsealed signatures the store held when the keyring was made
 * @param legacyAdminSignature the administrator's signature of {@link #legacyStatement()}, or null
 */
public record Keyring(String adminKey, boolean locked, List<Entry> entries, List<String> legacy,
        String legacyAdminSignature) {

    /** The {@code "format"} of the keyring file. */
    static final String FORMAT = "injection-planner/keyring";

    /** The owner name of the administrator's key file ({@link SignerKeys#admin()}). */
    static final String ADMINISTRATOR = "administrator of the clinic";

    /** An empty, unlocked keyring: what a store without {@code keyring.json} has. */
    public static final Keyring EMPTY = new Keyring(null, false, List.of(), List.of(), null);

    /**
     * One enrollment.
     *
     * @param signer the signer's name, as signatures carry it
     * @param keyId {@link SignerKeys#keyId} of the public key
     * @param publicKey the Ed25519 public key, X.509 encoding in Base64
     * @param enrolledAt when it was enrolled
     * @param workstation the host name and operating-system user that enrolled it
     * @param adminSignature the administrator's Ed25519 signature of the entry ({@link #statement()}), or null
     */
    public record Entry(String signer, String keyId, String publicKey, OffsetDateTime enrolledAt, String workstation,
            String adminSignature) {

        /** What the administrator signs to confirm the entry. */
        byte[] statement() {
            return JsonDialect.utf8("injection-planner/keyring-entry 1\nsigner " + signer + "\nkey " + keyId
                    + "\nenrolledAt " + JsonDialect.time(enrolledAt) + "\nworkstation " + workstation + "\n");
        }
    }

    public Keyring {
        entries = List.copyOf(entries);
        legacy = List.copyOf(legacy);
        if (locked && adminKey == null) {
            throw new IllegalArgumentException("a locked keyring needs the administrator's key");
        }
    }

    /** The file of the keyring of the store in {@code root}. */
    static Path file(Path root) {
        return root.resolve("keyring.json");
    }

    /**
     * The keyring of the store in {@code root}, {@link #EMPTY} when it has none, checked against the
     * administrator key this workstation remembers for the store ({@link AdminKeyPins#check}, which pins a
     * locked keyring seen for the first time).
     *
     * @throws StoreException if the file cannot be read or is not a keyring, or contradicts the pin
     */
    static Keyring read(Path root, AdminKeyPins pins) throws StoreException {
        Path file = file(root);
        Keyring ring = EMPTY;
        if (Files.exists(file, LinkOption.NOFOLLOW_LINKS)) {
            try {
                ring = parse(JsonDialect.parse(StoreFiles.readInStore(root, file), file.toString()),
                        Pointer.root(file.toString()));
            } catch (PlanFormatException e) {
                throw StoreException.of(e);
            }
        }
        pins.check(root, ring);
        return ring;
    }

    private static Keyring parse(JsonNode tree, Pointer at) throws PlanFormatException {
        JsonDialect.requireFormat(tree, at, FORMAT, 1);
        String admin = optionalText(tree, "adminKey", at);
        JsonNode locked = tree.get("locked");
        if (locked == null || !locked.isBoolean()) {
            throw at.field("locked").error("expected true or false");
        }
        JsonNode list = tree.get("entries");
        if (list == null || !list.isArray()) {
            throw at.field("entries").error("expected an array of enrollments");
        }
        List<Entry> entries = new ArrayList<>();
        for (int i = 0; i < list.size(); i++) {
            JsonNode o = list.get(i);
            Pointer p = at.field("entries").index(i);
            String signer = text(o, "signer", p);
            String keyId = text(o, "keyId", p);
            String publicKey = text(o, "publicKey", p);
            OffsetDateTime when = p.field("enrolledAt").time(text(o, "enrolledAt", p));
            String workstation = text(o, "workstation", p);
            String adminSignature = optionalText(o, "adminSignature", p);
            entries.add(new Entry(signer, keyId, publicKey, when, workstation, adminSignature));
        }
        JsonNode legacyList = tree.get("legacySignatures");
        if (legacyList == null || !legacyList.isArray()) {
            throw at.field("legacySignatures").error("expected an array of SHA-256s");
        }
        List<String> legacy = new ArrayList<>();
        for (int i = 0; i < legacyList.size(); i++) {
            JsonNode v = legacyList.get(i);
            if (!v.isTextual()) {
                throw at.field("legacySignatures").index(i).error("expected a string");
            }
            legacy.add(v.textValue());
        }
        String legacySignature = optionalText(tree, "legacyAdminSignature", at);
        return at.build(() -> new Keyring(admin, locked.booleanValue(), entries, legacy, legacySignature));
    }

    private static String text(JsonNode o, String name, Pointer at) throws PlanFormatException {
        JsonNode v = o.get(name);
        if (v == null || !v.isTextual()) {
            throw at.field(name).error("expected a string");
        }
        return v.textValue();
    }

    private static String optionalText(JsonNode o, String name, Pointer at) throws PlanFormatException {
        JsonNode v = o.get(name);
        return v == null || v.isNull() ? null : text(o, name, at);
    }

    /**
     * Writes the keyring into the store in {@code root} atomically.
     *
     * @throws StoreException if it cannot be written (the old keyring is then unchanged)
     */
    void write(Path root) throws StoreException {
        ObjectNode o = JsonDialect.newDocument(FORMAT, 1);
        o.put("adminKey", adminKey);
        o.put("locked", locked);
        ArrayNode list = o.putArray("entries");
        for (Entry e : entries) {
            ObjectNode eo = list.addObject();
            eo.put("signer", e.signer());
            eo.put("keyId", e.keyId());
            eo.put("publicKey", e.publicKey());
            eo.put("enrolledAt", JsonDialect.time(e.enrolledAt()));
            eo.put("workstation", e.workstation());
            eo.put("adminSignature", e.adminSignature());
        }
        ArrayNode legacyList = o.putArray("legacySignatures");
        legacy.forEach(legacyList::add);
        o.put("legacyAdminSignature", legacyAdminSignature);
        Path file = file(root);
        try {
            Files.createDirectories(root);
            AtomicFiles.replace(file, JsonDialect.document(o));
        } catch (IOException e) {
            throw new StoreException("cannot write the keyring " + file + ": " + StoreFiles.reason(e), e);
        }
    }

    /**
     * The public key the keyring trusts for {@code signer} under {@code keyId}, or why it trusts none: the
     * key is not in the keyring, belongs to another name, or its entry does not count (see the class
     * comment).
     */
    TrustedKey trusted(String signer, String keyId) {
        Optional<Entry> found = entries.stream().filter(e -> e.keyId().equals(keyId)).findFirst();
        if (found.isEmpty()) {
            return TrustedKey.refused("key " + shortId(keyId) + " is not in the store's keyring");
        }
        Entry entry = found.get();
        if (!entry.signer().equals(signer)) {
            return TrustedKey.refused("key " + shortId(keyId) + " is enrolled for " + entry.signer() + ", not for "
                    + signer);
        }
        PublicKey key;
        try {
            key = SignerKeys.publicKey(entry.publicKey());
        } catch (GeneralSecurityException e) {
            return TrustedKey.refused("the keyring's entry of key " + shortId(keyId) + " holds no Ed25519 key");
        }
        if (!SignerKeys.keyId(key).equals(keyId)) {
            return TrustedKey.refused("the keyring's entry of key " + shortId(keyId) + " holds another key");
        }
        if (confirmed(entry)) {
            return new TrustedKey(key, null);
        }
        if (locked) {
            return TrustedKey.refused("the keyring is locked and the administrator has not confirmed key "
                    + shortId(keyId) + " of " + signer);
        }
        Entry first = entries.stream().filter(e -> e.signer().equals(signer)).findFirst().orElseThrow();
        if (first != entry) {
            return TrustedKey.refused("key " + shortId(keyId) + " is a second key for " + signer
                    + ", not confirmed by the administrator");
        }
        return new TrustedKey(key, null);
    }

    /** True if the administrator's key has signed the entry. */
    private boolean confirmed(Entry entry) {
        if (adminKey == null || entry.adminSignature() == null) {
            return false;
        }
        try {
            return SignerKeys.verify(SignerKeys.publicKey(adminKey), entry.statement(), entry.adminSignature());
        } catch (GeneralSecurityException e) {
            return false;
        }
    }

    /**
     * A key trusted, or the reason none is.
     *
     * @param key the trusted key, or null
     * @param problem why no key is trusted, or null
     */
    record TrustedKey(PublicKey key, String problem) {
        static TrustedKey refused(String problem) {
            return new TrustedKey(null, problem);
        }
    }

    /** {@link SignerKeys#keyId} of the administrator's key; empty if the keyring names none or no Ed25519 key. */
    public Optional<String> adminKeyId() {
        try {
            return adminKey == null ? Optional.empty() : Optional.of(SignerKeys.keyId(SignerKeys.publicKey(adminKey)));
        } catch (GeneralSecurityException e) {
            return Optional.empty();
        }
    }

    /** True if this is no keyring at all: no entries, no legacy list, no administrator. */
    boolean isEmpty() {
        return entries.isEmpty() && legacy.isEmpty() && adminKey == null;
    }

    /**
     * Whether an unsealed signature with {@link SignOff#legacyId} {@code id} counts as one made before keyed
     * signatures: in a store without a keyring, any; else only one the keyring lists (with the
     * administrator's signature of the list, when locked).
     */
    boolean acceptsLegacy(String id) {
        return isEmpty() || legacy.contains(id) && legacyAccepted();
    }

    private boolean legacyAccepted() {
        if (!locked) {
            return true;
        }
        try {
            return legacyAdminSignature != null && SignerKeys.verify(SignerKeys.publicKey(adminKey),
                    legacyStatement(), legacyAdminSignature);
        } catch (GeneralSecurityException e) {
            return false;
        }
    }

    /** What the administrator signs to accept the legacy list. */
    byte[] legacyStatement() {
        return JsonDialect.utf8("injection-planner/keyring-legacy 1\n" + String.join("\n", legacy) + "\n");
    }

    /** This keyring listing the unsealed signatures {@code ids} as made before keyed signatures. */
    Keyring withLegacy(List<String> ids) {
        return new Keyring(adminKey, locked, entries, ids, null);
    }

    /** Why the entry does not count (see the class comment), or empty when it does. */
    public Optional<String> refusal(Entry entry) {
        return Optional.ofNullable(trusted(entry.signer(), entry.keyId()).problem());
    }

    /** The entry of {@code keyId}, if enrolled. */
    Optional<Entry> entry(String keyId) {
        return entries.stream().filter(e -> e.keyId().equals(keyId)).findFirst();
    }

    /** This keyring with a new, unconfirmed entry for {@code signer}'s {@code key} added at the end. */
    Keyring enroll(String signer, PublicKey key, OffsetDateTime at, String workstation) {
        List<Entry> all = new ArrayList<>(entries);
        all.add(new Entry(signer, SignerKeys.keyId(key), SignerKeys.encode(key), at, workstation, null));
        return new Keyring(adminKey, locked, all, legacy, legacyAdminSignature);
    }

    /**
     * This keyring with the entry of {@code keyId} signed by the administrator. A keyring without an
     * administrator key takes {@code admin}'s.
     *
     * @throws IllegalArgumentException if the key is not enrolled, or {@code admin} is not the keyring's
     *         administrator key
     */
    Keyring confirm(String keyId, KeyPair admin) {
        String adminPublic = requireAdmin(admin);
        Entry e = entry(keyId).orElseThrow(() -> new IllegalArgumentException("key " + shortId(keyId)
                + " is not in the keyring"));
        List<Entry> all = new ArrayList<>(entries);
        all.set(all.indexOf(e), new Entry(e.signer(), e.keyId(), e.publicKey(), e.enrolledAt(), e.workstation(),
                SignerKeys.sign(admin.getPrivate(), e.statement())));
        return new Keyring(adminPublic, locked, all, legacy, legacyAdminSignature);
    }

    /**
     * This keyring locked by {@code admin}: every entry that counts now is confirmed by it, and from now on
     * only confirmed entries count.
     *
     * @throws IllegalArgumentException if the keyring names another administrator key
     */
    Keyring lock(KeyPair admin) {
        String adminPublic = requireAdmin(admin);
        List<Entry> all = new ArrayList<>();
        for (Entry e : entries) {
            boolean counts = trusted(e.signer(), e.keyId()).key() != null;
            all.add(counts ? new Entry(e.signer(), e.keyId(), e.publicKey(), e.enrolledAt(), e.workstation(),
                    SignerKeys.sign(admin.getPrivate(), e.statement())) : e);
        }
        String legacySignature = legacyAccepted() ? SignerKeys.sign(admin.getPrivate(), legacyStatement()) : null;
        return new Keyring(adminPublic, true, all, legacySignature == null ? List.of() : legacy, legacySignature);
    }

    private String requireAdmin(KeyPair admin) {
        String adminPublic = SignerKeys.encode(admin.getPublic());
        if (adminKey != null && !adminKey.equals(adminPublic)) {
            throw new IllegalArgumentException("the keyring's administrator key is another one");
        }
        return adminPublic;
    }

    /** The first 12 hex digits of a key id, for messages. */
    static String shortId(String keyId) {
        return keyId.length() > 12 ? keyId.substring(0, 12) : keyId;
    }
}
