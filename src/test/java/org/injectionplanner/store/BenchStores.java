package org.injectionplanner.store;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import org.injectionplanner.plan.CourseRecord;
import org.injectionplanner.plan.SessionPlan;
import org.injectionplanner.planfile.JsonDialect;
import org.injectionplanner.store.StoreLayout.RevisionName;

/**
 * Writes a large plan store for the benchmarks quickly: the same files the store's save writes (chained
 * revisions, head records, course records, the course and patient indexes), but without forcing each to
 * disk, which makes a 30,000-revision store take minutes instead of an hour.
 */
public final class BenchStores {

    private BenchStores() {
    }

    /** A course's sessions, in the order they are saved, one revision each. */
    public interface Sessions {
        List<SessionPlan> of(int course, UUID courseId);
    }

    /**
     * Writes {@code courses} courses, each one revision per session plan {@code sessions} gives.
     *
     * @param patient the Patient ID of course k
     */
    public static void write(Path root, int courses, Sessions sessions, java.util.function.IntFunction<String> patient,
            OffsetDateTime savedAt) throws IOException {
        Map<UUID, String> patients = new TreeMap<>();
        for (int k = 0; k < courses; k++) {
            UUID courseId = UUID.nameUUIDFromBytes(("course-" + k).getBytes(java.nio.charset.StandardCharsets.UTF_8));
            Path dir = StoreLayout.course(root, courseId);
            Files.createDirectories(StoreLayout.revisions(dir));
            String previous = null;
            List<CourseIndex.Newest> newest = new ArrayList<>();
            CourseHead head = null;
            int sequence = 0;
            for (SessionPlan plan : sessions.of(k, courseId)) {
                sequence++;
                RevisionFile.Written w = RevisionFile.write(plan, sequence, savedAt, "Dr Bench", "", previous);
                RevisionName name = new RevisionName(sequence, plan.id());
                Files.write(StoreLayout.revisions(dir).resolve(name.fileName()), w.bytes());
                previous = JsonDialect.sha256(w.bytes());
                head = new CourseHead(name, previous);
                newest.add(new CourseIndex.Newest(name.fileName(), plan));
            }
            Files.write(StoreLayout.head(dir), head.toJson());
            CourseRecord record = new CourseRecord(courseId, patient.apply(k), "chronic low back pain", 6);
            Files.write(CourseRecordFile.file(dir), CourseRecordFile.toJson(record));
            Files.write(CourseIndex.file(dir), CourseIndex.of(courseId, record.patientId(), head, newest).toJson());
            patients.put(courseId, record.patientId());
        }
        Files.write(PatientIndex.file(root), new PatientIndex(patients).toJson());
    }
}
