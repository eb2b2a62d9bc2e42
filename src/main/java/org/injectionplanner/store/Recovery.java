package org.injectionplanner.store;

import java.nio.file.Path;
import java.time.OffsetDateTime;
import org.injectionplanner.plan.SessionPlan;

/**
 * Unsaved work found after a restart: an autosaved working copy that differs from the newest revision
 * of its plan (or whose plan was never saved), to be offered for recovery.
 *
 * @param file the autosave file
 * @param savedAt when it was autosaved
 * @param basedOnSequence the newest revision of the course when it was autosaved, or null if there was none
 * @param latestSequence the newest revision of this plan now, or null if the plan was never saved
 * @param plan the working copy
 */
public record Recovery(Path file, OffsetDateTime savedAt, Integer basedOnSequence, Integer latestSequence,
        SessionPlan plan) {
}
