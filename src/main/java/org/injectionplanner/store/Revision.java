package org.injectionplanner.store;

import java.nio.file.Path;
import org.injectionplanner.plan.SessionPlan;

/**
 * A saved revision of a session plan, as read from its file.
 *
 * @param file the revision file
 * @param header who, when, why, and the chain hashes
 * @param plan the plan as saved
 * @param fileSha256 SHA-256 of the whole file's bytes (what the next revision's
 *        {@link RevisionHeader#previousSha256()} must equal)
 */
public record Revision(Path file, RevisionHeader header, SessionPlan plan, String fileSha256) {
}
