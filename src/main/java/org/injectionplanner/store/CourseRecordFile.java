package org.injectionplanner.store;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Optional;
import java.util.UUID;
import org.injectionplanner.plan.CourseRecord;
import org.injectionplanner.planfile.JsonDialect;
import org.injectionplanner.planfile.PlanFormatException;
import org.injectionplanner.planfile.Pointer;
import org.injectionplanner.planfile.Required;

/**
 * A course's record, {@code courses/<courseId>/course.json} (docs/plan-format.md §4): its Patient ID,
 * indication and planned sessions ({@link CourseRecord}), replaced atomically under the course's lock. It is
 * written with the course's first revision and whenever the physician changes it; it is not part of the hash
 * chain (the sessions are), and {@code verify-store} checks its Patient ID against every session's.
 */
final class CourseRecordFile {

    /** The {@code "format"} of a course record. */
    static final String FORMAT = "injection-planner/course";

    /** The {@code "formatVersion"} written and read. */
    static final int FORMAT_VERSION = 1;

    static final String NAME = "course.json";

    private CourseRecordFile() {
    }

    static Path file(Path courseDir) {
        return courseDir.resolve(NAME);
    }

    /** The record as a UTF-8 JSON document ending in a line feed. */
    static byte[] toJson(CourseRecord r) {
        ObjectNode o = JsonDialect.newDocument(FORMAT, FORMAT_VERSION);
        o.put("courseId", r.courseId().toString());
        o.put("patientId", r.patientId());
        o.put("indication", r.indication());
        o.put("plannedSessions", r.plannedSessions());
        return JsonDialect.document(o);
    }

    /**
     * Reads a course record.
     *
     * @throws PlanFormatException if it is not one
     */
    static CourseRecord parse(byte[] bytes, String source) throws PlanFormatException {
        Pointer root = Pointer.root(source);
        Document d = JsonDialect.readDocument(bytes, source, FORMAT, FORMAT_VERSION, Document.class);
        UUID id = root.field("courseId").uuid(d.courseId());
        return root.build(() -> new CourseRecord(id, d.patientId(), d.indication(), d.plannedSessions()));
    }

    private record Document(@Required String format, @Required Integer formatVersion, @Required String courseId,
            @Required String patientId, @Required String indication, @Required Integer plannedSessions) {
    }

    /**
     * The record of the course in {@code courseDir}, or empty when it has none (a course saved before course
     * records).
     *
     * @throws StoreException if it is there but cannot be read, is not a record, or names another course
     */
    static Optional<CourseRecord> read(Path root, Path courseDir) throws StoreException {
        Path file = file(courseDir);
        Optional<CourseRecord> r = StoreFiles.readIfPresent(root, file, CourseRecordFile::parse);
        if (r.isPresent() && !courseDir.getFileName().toString().equals(r.get().courseId().toString())) {
            throw new StoreException(file + ": the record of course " + r.get().courseId()
                    + " in another course's folder");
        }
        return r;
    }

    /**
     * Replaces the record atomically.
     *
     * @throws StoreException if it cannot be written (the old record is then unchanged)
     */
    static void write(Path courseDir, CourseRecord r) throws StoreException {
        Path file = file(courseDir);
        try {
            AtomicFiles.replace(file, toJson(r));
        } catch (IOException e) {
            throw new StoreException("cannot write the course record " + file + ": " + StoreFiles.reason(e), e);
        }
    }
}
