package org.injectionplanner.cli;

import java.io.PrintStream;
import java.nio.file.Path;
import java.security.KeyPair;
import java.util.ArrayList;
import java.util.List;
import org.injectionplanner.store.Keyring;
import org.injectionplanner.store.PlanStore;
import org.injectionplanner.store.SignerKeys;

/**
 * {@code keyring [DIR] [--confirm KEYID | --lock]}: lists the signers' keys enrolled in the plan store's keyring
 * and whether each counts; as the clinic's administrator (whose key pair this workstation's user keeps,
 * {@link SignerKeys#admin()}), confirms a waiting key or locks the keyring (docs/plan-format.md §2.2). Exit
 * status 0, 2 on errors.
 */
final class KeyringCommand implements Main.Command {

    @Override
    public String usage() {
        return "keyring [DIR] [--confirm KEYID | --lock]  list the store's signer keys; confirm one or lock (admin)";
    }

    @Override
    public int run(String[] args, PrintStream out) throws Exception {
        String confirm = null;
        boolean lock = false;
        List<String> rest = new ArrayList<>();
        for (int i = 0; i < args.length; i++) {
            if (args[i].equals("--confirm")) {
                if (i + 1 == args.length) {
                    throw new Main.UsageException("--confirm needs a KEYID");
                }
                confirm = args[++i];
            } else if (args[i].equals("--lock")) {
                lock = true;
            } else if (args[i].startsWith("-")) {
                throw new Main.UsageException("unknown option " + args[i]);
            } else {
                rest.add(args[i]);
            }
        }
        if (rest.size() > 1 || confirm != null && lock) {
            throw new Main.UsageException("keyring takes at most one DIR and one of --confirm, --lock");
        }
        PlanStore store = new PlanStore(rest.isEmpty() ? PlanStore.defaultRoot() : Path.of(rest.get(0)));
        if (confirm != null || lock) {
            KeyPair admin = SignerKeys.workstation().admin();
            try {
                if (lock) {
                    store.lockKeyring(admin);
                } else {
                    store.confirmKey(fullId(store.keyring(), confirm), admin);
                }
            } catch (IllegalArgumentException e) {
                throw new Main.UsageException(e.getMessage());
            }
        }
        Keyring ring = store.keyring();
        out.println(ring.locked() ? "locked: only keys the administrator confirmed count"
                : "unlocked: a signer's first key counts (trust on first use); a second key for a name counts once "
                        + "the administrator confirms it");
        ring.adminKeyId().ifPresent(id -> out.println("administrator key " + id));
        for (Keyring.Entry e : ring.entries()) {
            out.println(e.keyId() + "  " + e.signer() + "  enrolled " + e.enrolledAt() + " on " + e.workstation()
                    + "  " + ring.refusal(e).map(r -> "does not count: " + r).orElse("counts"));
        }
        return 0;
    }

    /** The enrolled key id that {@code prefix} (at least 8 hex digits) starts. */
    private static String fullId(Keyring ring, String prefix) throws Main.UsageException {
        List<String> ids = ring.entries().stream().map(Keyring.Entry::keyId)
                .filter(id -> prefix.length() >= 8 && id.startsWith(prefix)).toList();
        if (ids.size() != 1) {
            throw new Main.UsageException(ids.isEmpty() ? "no enrolled key starts with " + prefix
                    + " (give at least 8 hex digits)" : "several enrolled keys start with " + prefix);
        }
        return ids.get(0);
    }
}
