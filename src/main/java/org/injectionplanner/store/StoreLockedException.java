package org.injectionplanner.store;

import java.util.Optional;

/**
 * A course could not be opened for writing because another process holds its lock. The message names
 * the holder and since when, e.g. "course … is open on workstation us-room-2 (process 4711, user jdoe)
 * since 2026-11-26T09:14:03+01:00: close it there first".
 */
public final class StoreLockedException extends StoreException {

    private static final long serialVersionUID = 1L;

    private final transient LockOwner holder;

    /**
     * @param message the whole message
     * @param holder the recorded holder, or null if its record could not be read
     */
    public StoreLockedException(String message, LockOwner holder) {
        super(message);
        this.holder = holder;
    }

    /** The recorded holder, if its record could be read. */
    public Optional<LockOwner> holder() {
        return Optional.ofNullable(holder);
    }
}
