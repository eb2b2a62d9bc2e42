package org.injectionplanner.store;

import java.time.OffsetDateTime;
import java.util.UUID;
import org.injectionplanner.plan.PlanText;

/**
 * The audit header of a revision: who saved which plan when and why, and the hashes that chain the
 * course's revisions (docs/plan-format.md §3).
 *
 * @param courseId the course the revision belongs to
 * @param planId the plan it holds
 * @param sequence its number in the course's chain, from 1, without gaps
 * @param savedAt when it was saved, with the workstation's offset
 * @param author who saved it (not necessarily the plan's author)
 * @param reason why, e.g. "amended depth of T2"; may be empty
 * @param previousSha256 SHA-256 (64 lower-case hex digits) of the bytes of revision {@code sequence - 1}'s
 *        file, or null for the first revision
 * @param contentSha256 SHA-256 of the bytes of the {@code "plan"} value exactly as they stand in the file
 */
public record RevisionHeader(UUID courseId, UUID planId, int sequence, OffsetDateTime savedAt, String author,
        String reason, String previousSha256, String contentSha256) {

    public RevisionHeader {
        if (courseId == null || planId == null || savedAt == null || contentSha256 == null) {
            throw new IllegalArgumentException("a revision header needs a course, plan, time and content hash");
        }
        if (sequence < 1) {
            throw new IllegalArgumentException("revision sequences start at 1, got " + sequence);
        }
        if (author == null || author.isBlank()) {
            throw new IllegalArgumentException("a revision needs an author");
        }
        if ((sequence == 1) != (previousSha256 == null)) {
            throw new IllegalArgumentException(sequence == 1 ? "the first revision has no predecessor"
                    : "revision " + sequence + " needs the hash of its predecessor");
        }
        PlanText.line(author, "the revision's author");
        reason = reason == null ? "" : PlanText.lines(reason, "the revision's reason");
    }
}
