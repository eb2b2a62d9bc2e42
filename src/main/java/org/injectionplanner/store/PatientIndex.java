package org.injectionplanner.store;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.UUID;
import org.injectionplanner.planfile.JsonDialect;
import org.injectionplanner.planfile.PlanFormatException;
import org.injectionplanner.planfile.Pointer;
import org.injectionplanner.planfile.Required;

/**
 * The store's patient index, {@code patients.json} (docs/plan-format.md §4): the Patient ID of every course,
 * so a patient's courses are found without reading the courses' revisions. Derived from the course records,
 * updated after a save that adds a course or its Patient ID (read, changed and replaced atomically while
 * holding {@code patients.lock}, so two workstations never lose each other's entry), and rebuilt by
 * {@code verify-store}.
 *
 * @param courses Patient ID by course
 */
record PatientIndex(Map<UUID, String> courses) {

    static final String FORMAT = "injection-planner/patient-index";
    static final int FORMAT_VERSION = 1;
    static final String NAME = "patients.json";
    static final String LOCK = "patients.lock";

    /** Serialises this process's updates (a FileLock is held per process, not per thread). */
    private static final Object IN_PROCESS = new Object();

    PatientIndex {
        courses = new TreeMap<>(courses);
    }

    static Path file(Path root) {
        return root.resolve(NAME);
    }

    byte[] toJson() {
        ObjectNode o = JsonDialect.newDocument(FORMAT, FORMAT_VERSION);
        ArrayNode list = o.putArray("courses");
        courses.forEach((course, patient) -> {
            ObjectNode c = list.addObject();
            c.put("courseId", course.toString());
            c.put("patientId", patient);
        });
        return JsonDialect.document(o);
    }

    static PatientIndex parse(byte[] bytes, String source) throws PlanFormatException {
        Pointer root = Pointer.root(source);
        Document d = JsonDialect.readDocument(bytes, source, FORMAT, FORMAT_VERSION, Document.class);
        Map<UUID, String> courses = new TreeMap<>();
        for (int i = 0; i < d.courses().size(); i++) {
            Pointer p = root.field("courses").index(i);
            UUID id = p.field("courseId").uuid(d.courses().get(i).courseId());
            if (courses.put(id, d.courses().get(i).patientId()) != null) {
                throw p.field("courseId").error("course " + id + " is listed twice");
            }
        }
        return new PatientIndex(courses);
    }

    private record Document(@Required String format, @Required Integer formatVersion,
            @Required List<Entry> courses) {
    }

    private record Entry(@Required String courseId, @Required String patientId) {
    }

    /**
     * The store's patient index, or empty when it has none.
     *
     * @throws StoreException if it cannot be read or is not a patient index
     */
    static Optional<PatientIndex> read(Path root) throws StoreException {
        Path file = file(root);
        return StoreFiles.readIfPresent(root, file, PatientIndex::parse);
    }

    /**
     * The courses of a Patient ID in the store's index, read with a streaming parser that keeps only the
     * matching entries (a lookup in a store of thousands of courses builds no tree of them); empty when the
     * store has no index.
     *
     * @throws StoreException if the index cannot be read or is not a patient index
     */
    static Optional<List<UUID>> lookup(Path root, String patientId) throws StoreException {
        Path file = file(root);
        if (!Files.exists(file, LinkOption.NOFOLLOW_LINKS)) {
            return Optional.empty();
        }
        byte[] bytes = StoreFiles.readInStore(root, file);
        List<UUID> out = new ArrayList<>();
        boolean formatSeen = false;
        try (JsonParser p = JsonDialect.parser(bytes)) {
            expect(p.nextToken(), JsonToken.START_OBJECT, file);
            while (p.nextToken() == JsonToken.FIELD_NAME) {
                String field = p.currentName();
                JsonToken value = p.nextToken();
                if (field.equals("format") || field.equals("formatVersion")) {
                    String expected = field.equals("format") ? FORMAT : String.valueOf(FORMAT_VERSION);
                    if (!expected.equals(p.getText())) {
                        throw new StoreException(file + ": not a patient index (" + field + " " + p.getText() + ")");
                    }
                    formatSeen |= field.equals("format");
                } else if (field.equals("courses")) {
                    expect(value, JsonToken.START_ARRAY, file);
                    while (p.nextToken() == JsonToken.START_OBJECT) {
                        String course = null;
                        String patient = null;
                        while (p.nextToken() == JsonToken.FIELD_NAME) {
                            String name = p.currentName();
                            p.nextToken();
                            if (name.equals("courseId")) {
                                course = p.getText();
                            } else if (name.equals("patientId")) {
                                patient = p.getText();
                            } else {
                                p.skipChildren();
                            }
                        }
                        if (patientId.equals(patient) && course != null) {
                            out.add(UUID.fromString(course));
                        }
                    }
                } else {
                    p.skipChildren();
                }
            }
        } catch (IOException | IllegalArgumentException e) {
            throw new StoreException(file + ": not a readable patient index: " + e.getMessage(), e);
        }
        if (!formatSeen) {
            throw new StoreException(file + ": not a patient index (no \"format\")");
        }
        return Optional.of(out);
    }

    private static void expect(JsonToken found, JsonToken expected, Path file) throws StoreException {
        if (found != expected) {
            throw new StoreException(file + ": not a patient index (expected " + expected + ", found " + found + ")");
        }
    }

    /** The store's course folders, listed only when a missing index is made from the course records. */
    @FunctionalInterface
    interface CourseFolders {
        List<UUID> list() throws StoreException;
    }

    /**
     * Records a course's Patient ID, unless the index already does: read, change and replace while holding the
     * store's index lock. A missing index is made from the records of the courses {@code folders} lists (one
     * small file per course, no revision is read); courses without a record are added by {@code verify-store}.
     *
     * @throws StoreException if the lock or the index cannot be read or written
     */
    static void record(Path root, UUID courseId, String patientId, CourseFolders folders) throws StoreException {
        synchronized (IN_PROCESS) {
            try (FileChannel channel = FileChannel.open(root.resolve(LOCK), StandardOpenOption.CREATE,
                    StandardOpenOption.WRITE, LinkOption.NOFOLLOW_LINKS); FileLock held = channel.lock()) {
                Optional<PatientIndex> index = read(root);
                if (index.isPresent() && patientId.equals(index.get().courses().get(courseId))) {
                    return;
                }
                Map<UUID, String> courses = new TreeMap<>(index.isPresent() ? index.get().courses()
                        : fromRecords(root, folders.list()));
                courses.put(courseId, patientId);
                AtomicFiles.replace(file(root), new PatientIndex(courses).toJson());
            } catch (IOException e) {
                throw new StoreException("cannot update the patient index " + file(root) + ": "
                        + StoreFiles.reason(e), e);
            }
        }
    }

    /** The Patient IDs in the records of {@code courses}. */
    private static Map<UUID, String> fromRecords(Path root, List<UUID> courses) throws StoreException {
        Map<UUID, String> out = new TreeMap<>();
        for (UUID course : courses) {
            CourseRecordFile.read(root, StoreLayout.course(root, course)).ifPresent(r -> out.put(course,
                    r.patientId()));
        }
        return out;
    }

    /** Replaces the index atomically, holding the store's index lock. */
    void write(Path root) throws StoreException {
        synchronized (IN_PROCESS) {
            try (FileChannel channel = FileChannel.open(root.resolve(LOCK), StandardOpenOption.CREATE,
                    StandardOpenOption.WRITE, LinkOption.NOFOLLOW_LINKS); FileLock held = channel.lock()) {
                AtomicFiles.replace(file(root), toJson());
            } catch (IOException e) {
                throw new StoreException("cannot write the patient index " + file(root) + ": "
                        + StoreFiles.reason(e), e);
            }
        }
    }
}
