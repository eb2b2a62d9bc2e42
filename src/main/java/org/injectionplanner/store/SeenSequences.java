package org.injectionplanner.store;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.lang.System.Logger.Level;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.Iterator;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.UUID;

/**
 * What this workstation has seen of each course: the newest revision sequence it opened, saved or
 * verified, kept in the user's home folder ({@code ~/.injection-planner/seen-courses.json}), not in the
 * store. A store that shows a course with fewer revisions was rolled back (restored from an older backup,
 * or its newest revisions removed together with the head record); opening or verifying it warns
 * (docs/plan-format.md §4). Advisory: a memory that cannot be read or written is logged and ignored.
 * Thread-safe; processes updating it at once may lose one's update, which only weakens the warning.
 */
public final class SeenSequences {

    private static final System.Logger LOG = System.getLogger(SeenSequences.class.getName());

    /** The {@code "format"} of the memory file. */
    static final String FORMAT = "injection-planner/seen-courses";

    private final Path file;

    /** The memory in {@code file}; nothing is created until something is remembered. */
    public SeenSequences(Path file) {
        this.file = file;
    }

    /** This user's memory: {@code .injection-planner/seen-courses.json} in the home folder. */
    public static SeenSequences workstation() {
        return new SeenSequences(Path.of(System.getProperty("user.home"), ".injection-planner",
                "seen-courses.json"));
    }

    /** The memory's file. */
    public Path file() {
        return file;
    }

    /** The newest sequence seen of the course, or 0 if none. */
    public synchronized int seen(UUID courseId) {
        return read().getOrDefault(courseId, 0);
    }

    /**
     * A warning if the store shows the course with fewer revisions than this workstation has seen.
     *
     * @param newestInStore the newest sequence the store holds (0 for none)
     */
    public Optional<String> rollbackWarning(UUID courseId, int newestInStore) {
        int seen = seen(courseId);
        if (newestInStore >= seen) {
            return Optional.empty();
        }
        return Optional.of("course " + courseId + " shows " + (newestInStore == 0 ? "no revision"
                : "revisions up to " + newestInStore) + ", but this workstation has seen revision " + seen
                + " (" + file + "): the store was rolled back (restored from an older backup, or its newest "
                + "revisions removed); find the missing revisions before going on");
    }

    /** Remembers that the course has revisions up to {@code sequence} (a lower number is ignored). */
    public synchronized void remember(UUID courseId, int sequence) {
        Map<UUID, Integer> seen = read();
        if (seen.getOrDefault(courseId, 0) >= sequence) {
            return;
        }
        seen.put(courseId, sequence);
        ObjectNode root = Json.object();
        root.put("format", FORMAT);
        root.put("formatVersion", 1);
        ObjectNode courses = root.putObject("courses");
        seen.forEach((id, n) -> courses.put(id.toString(), n));
        try {
            Files.createDirectories(file.getParent());
            AtomicFiles.replace(file, PlanJson.withLineEnd(Json.pretty(root)));
        } catch (IOException e) {
            LOG.log(Level.WARNING, "cannot remember revision {0} of course {1} in {2}: {3}", sequence, courseId,
                    file, StoreFiles.reason(e));
        }
    }

    private Map<UUID, Integer> read() {
        Map<UUID, Integer> out = new TreeMap<>();
        if (!Files.exists(file, LinkOption.NOFOLLOW_LINKS)) {
            return out;
        }
        try {
            JsonIn root = JsonIn.object(Json.parse(StoreFiles.readNamed(file), file.toString()), "$", file.toString());
            root.requireFormat(FORMAT, 1);
            root.allowOnly("format", "formatVersion", "courses");
            JsonIn courses = root.object("courses");
            for (Iterator<Map.Entry<String, JsonNode>> it = courses.node().fields(); it.hasNext(); ) {
                String id = it.next().getKey();
                if (!StoreLayout.COURSE_NAME.matcher(id).matches()) {
                    throw courses.error(id, "not a course UUID");
                }
                out.put(UUID.fromString(id), courses.integer(id));
            }
        } catch (StoreException e) {
            LOG.log(Level.WARNING, "ignoring what this workstation has seen of its courses: {0}", e.getMessage());
            out.clear();
        }
        return out;
    }
}
