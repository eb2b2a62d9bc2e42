package org.injectionplanner.store;

import java.nio.file.Path;
import java.util.Optional;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Where things live in a plan store (docs/plan-format.md §4). Every folder and file name is made from
 * UUIDs and sequence numbers, never from patient data.
 *
 * <pre>
 * &lt;root&gt;/clinic-settings.json
 * &lt;root&gt;/courses/&lt;courseId&gt;/lock                       (held with a FileLock while open)
 * &lt;root&gt;/courses/&lt;courseId&gt;/lock-owner.json            (who holds it, since when)
 * &lt;root&gt;/courses/&lt;courseId&gt;/head.json                  (the newest revision and its SHA-256)
 * &lt;root&gt;/courses/&lt;courseId&gt;/revisions/000001-&lt;planId&gt;.json
 * &lt;root&gt;/courses/&lt;courseId&gt;/autosave/&lt;planId&gt;.json
 * </pre>
 */
final class StoreLayout {

    /** A revision file name: the sequence, zero-padded to six digits (or more), and the plan id. */
    static final Pattern REVISION_NAME = Pattern.compile(
            "(\\d{6,})-([0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12})\\.json");

    /** An autosave file name. */
    static final Pattern AUTOSAVE_NAME = Pattern.compile(
            "([0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12})\\.json");

    /** A course folder name. */
    static final Pattern COURSE_NAME = Pattern.compile(
            "[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}");

    /** The ending of temporary files (written, then renamed into place). */
    static final String TEMP_SUFFIX = ".tmp";

    static final String SETTINGS_FILE = "clinic-settings.json";
    static final String COURSES = "courses";
    static final String REVISIONS = "revisions";
    static final String AUTOSAVE = "autosave";
    static final String LOCK = "lock";
    static final String LOCK_OWNER = "lock-owner.json";
    static final String HEAD = "head.json";

    /**
     * A revision file name split into its parts.
     *
     * @param sequence the revision's number in its course, from 1
     * @param planId the plan it holds
     */
    record RevisionName(int sequence, UUID planId) {

        /** The parts of {@code fileName}, if it is a revision file name. */
        static Optional<RevisionName> parse(String fileName) {
            Matcher m = REVISION_NAME.matcher(fileName);
            if (!m.matches() || m.group(1).length() > 9) {
                return Optional.empty();
            }
            return Optional.of(new RevisionName(Integer.parseInt(m.group(1)), UUID.fromString(m.group(2))));
        }

        /** The file name, e.g. {@code 000003-<planId>.json}. */
        String fileName() {
            return String.format("%06d-%s.json", sequence, planId);
        }
    }

    private StoreLayout() {
    }

    static Path courses(Path root) {
        return root.resolve(COURSES);
    }

    static Path course(Path root, UUID courseId) {
        return courses(root).resolve(courseId.toString());
    }

    static Path revisions(Path courseDir) {
        return courseDir.resolve(REVISIONS);
    }

    static Path autosaves(Path courseDir) {
        return courseDir.resolve(AUTOSAVE);
    }

    static Path autosave(Path courseDir, UUID planId) {
        return autosaves(courseDir).resolve(planId + ".json");
    }

    static Path head(Path courseDir) {
        return courseDir.resolve(HEAD);
    }

    static Path settings(Path root) {
        return root.resolve(SETTINGS_FILE);
    }

    /** True for a temporary file left by an interrupted write. */
    static boolean isTemp(Path file) {
        return file.getFileName().toString().endsWith(TEMP_SUFFIX);
    }
}
