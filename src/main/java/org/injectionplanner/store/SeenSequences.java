package org.injectionplanner.store;

import java.io.IOException;
import java.lang.System.Logger.Level;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.UUID;
import org.injectionplanner.planfile.PlanFormatException;
import org.injectionplanner.planfile.Pointer;
import org.injectionplanner.planfile.Required;

/**
 * What this workstation has seen of each course of each store: the newest revision sequence it opened or
 * saved (remembered when a course is opened and when it is closed), by the store's real folder and the
 * course, kept in the user's {@link WorkstationFolder} ({@code ~/.injection-planner/seen-courses.json}), not
 * in the store. A store that shows a course with fewer revisions was rolled back (restored from an older backup,
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

    /** This user's memory: {@code seen-courses.json} in the {@link WorkstationFolder}. */
    public static SeenSequences workstation() {
        return new SeenSequences(WorkstationFolder.path().resolve("seen-courses.json"));
    }

    /** The memory's file. */
    public Path file() {
        return file;
    }

    /** The newest sequence seen of the course in the store in {@code root}, or 0 if none. */
    public synchronized int seen(Path root, UUID courseId) {
        return read().getOrDefault(key(root, courseId), 0);
    }

    /** The store's key ({@link StoreMemoryFile#storeKey}) and the course. */
    private static String key(Path root, UUID courseId) {
        return StoreMemoryFile.storeKey(root) + "|" + courseId;
    }

    /**
     * A warning if the store shows the course with fewer revisions than this workstation has seen.
     *
     * @param newestInStore the newest sequence the store holds (0 for none)
     */
    public Optional<String> rollbackWarning(Path root, UUID courseId, int newestInStore) {
        int seen = seen(root, courseId);
        if (newestInStore >= seen) {
            return Optional.empty();
        }
        return Optional.of("course " + courseId + " shows " + (newestInStore == 0 ? "no revision"
                : "revisions up to " + newestInStore) + ", but this workstation has seen revision " + seen
                + " (" + file + "): the store was rolled back (restored from an older backup, or its newest "
                + "revisions removed); find the missing revisions before going on");
    }

    /**
     * Remembers that the course in the store in {@code root} has revisions up to {@code sequence} (a lower
     * number is ignored).
     */
    public synchronized void remember(Path root, UUID courseId, int sequence) {
        Map<String, Integer> seen = read();
        String key = key(root, courseId);
        if (seen.getOrDefault(key, 0) >= sequence) {
            return;
        }
        seen.put(key, sequence);
        try {
            Files.createDirectories(file.getParent());
            StoreMemoryFile.write(file, FORMAT, "courses", courses -> seen.forEach((k, n) -> courses.addObject()
                    .put("store", k.substring(0, k.lastIndexOf('|')))
                    .put("course", k.substring(k.lastIndexOf('|') + 1))
                    .put("sequence", n)));
        } catch (IOException e) {
            LOG.log(Level.WARNING, "cannot remember revision {0} of course {1} in {2}: {3}", sequence, courseId,
                    file, StoreFiles.reason(e));
        }
    }

    private Map<String, Integer> read() {
        Map<String, Integer> out = new TreeMap<>();
        try {
            Optional<Document> d = StoreMemoryFile.read(file, FORMAT, Document.class);
            Pointer courses = Pointer.root(file.toString()).field("courses");
            for (int i = 0; d.isPresent() && i < d.get().courses().size(); i++) {
                Seen seen = d.get().courses().get(i);
                out.put(seen.store() + "|" + courses.index(i).field("course").uuid(seen.course()), seen.sequence());
            }
        } catch (StoreException | PlanFormatException e) {
            LOG.log(Level.WARNING, "ignoring what this workstation has seen of its courses: {0}", e.getMessage());
            out.clear();
        }
        return out;
    }

    /** The memory file's document. */
    private record Document(@Required String format, @Required Integer formatVersion, @Required List<Seen> courses) {
    }

    /** One course as this workstation last saw it. */
    private record Seen(@Required String store, @Required String course, @Required Integer sequence) {
    }
}
