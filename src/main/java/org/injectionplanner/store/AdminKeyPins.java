package org.injectionplanner.store;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.injectionplanner.planfile.Required;

/**
 * The administrator key of each locked keyring this workstation's user has seen, by the store's real
 * folder: {@code keyring-administrators.json} beside the signers' private keys ({@link SignerKeys#folder()}),
 * outside every store. A store's locked keyring is pinned when this workstation locks it or first reads it
 * locked (trust on first sight); from then on a keyring of that store that names another administrator key,
 * or is no longer locked, was rewritten from inside the store's folder and is refused, so that no signature
 * of the store counts (docs/safety.md §3). A clinic that really changes its administrator key removes the
 * store's entry from this file on each workstation. Unlike {@link SeenSequences} this memory fails closed:
 * a file that cannot be read or written refuses the keyring. Writes replace the file atomically; two programs
 * pinning at once may lose one pin, which is then taken again on that store's next read.
 */
final class AdminKeyPins {

    /** The {@code "format"} of the file. */
    static final String FORMAT = "injection-planner/keyring-administrators";

    private final Path file;

    /** The pins in {@code file}; nothing is created until a keyring is pinned. */
    AdminKeyPins(Path file) {
        this.file = file;
    }

    /** The file of the pins. */
    Path file() {
        return file;
    }

    /**
     * Checks the keyring of the store in {@code root} against its pin, and pins it if it is locked and the
     * store has none yet.
     *
     * @throws StoreException if the keyring contradicts the pin, or the pins cannot be read or written
     */
    synchronized void check(Path root, Keyring ring) throws StoreException {
        Map<String, String> pins = read();
        String pinned = pins.get(StoreMemoryFile.storeKey(root));
        if (pinned == null) {
            if (ring.locked()) {
                pin(root, ring);
            }
            return;
        }
        String now = ring.adminKeyId().orElse(null);
        if (!ring.locked() || !pinned.equals(now)) {
            String rewritten = !ring.locked() ? "is not locked" : now == null ? "names no readable administrator key"
                    : "names the administrator key " + Keyring.shortId(now);
            throw new StoreException(Keyring.file(root) + ": this workstation saw the keyring locked by the "
                    + "administrator key " + Keyring.shortId(pinned) + " (remembered in " + file + "), but it now "
                    + rewritten + ": the keyring was rewritten in the store's folder, so no signature of "
                    + "this store can be trusted; if the clinic changed its administrator key, remove the store's "
                    + "entry from " + file);
        }
    }

    /**
     * Remembers the administrator key of the store's locked keyring.
     *
     * @throws StoreException if the pins cannot be read or written
     */
    synchronized void pin(Path root, Keyring ring) throws StoreException {
        Map<String, String> pins = read();
        pins.put(StoreMemoryFile.storeKey(root), ring.adminKeyId().orElseThrow(() -> new StoreException(
                Keyring.file(root) + ": the locked keyring's administrator key is no Ed25519 key")));
        try {
            SignerKeys.createFolder(file.getParent());
            StoreMemoryFile.write(file, FORMAT, "stores", stores -> pins.forEach((store, admin) -> stores.addObject()
                    .put("store", store).put("adminKeyId", admin)));
        } catch (IOException e) {
            throw new StoreException("cannot remember the administrator key of " + Keyring.file(root) + " in "
                    + file + ": " + StoreFiles.reason(e), e);
        }
    }

    private Map<String, String> read() throws StoreException {
        Map<String, String> out = new TreeMap<>();
        StoreMemoryFile.read(file, FORMAT, Document.class).ifPresent(d -> d.stores()
                .forEach(p -> out.put(p.store(), p.adminKeyId())));
        return out;
    }

    /** The file's document. */
    private record Document(@Required String format, @Required Integer formatVersion, @Required List<Pin> stores) {
    }

    /** One store's pinned administrator key. */
    private record Pin(@Required String store, @Required String adminKeyId) {
    }
}
