package org.injectionplanner.store;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.injectionplanner.plan.CourseSession;
import org.injectionplanner.plan.SessionPlan;
import org.injectionplanner.planfile.JsonDialect;
import org.injectionplanner.planfile.PlanFormatException;
import org.injectionplanner.planfile.Pointer;
import org.injectionplanner.planfile.Required;
import org.injectionplanner.store.StoreLayout.RevisionName;

/**
 * A course's part of the store index, {@code courses/<courseId>/sessions.json} (docs/plan-format.md §4): its
 * sessions as the newest revision of each plan shows them, and the course head it was made at. Derived from
 * the revisions, replaced atomically after every save and rebuilt by {@code verify-store}; a reader that
 * finds it older than the head record rebuilds it from the course's revisions in memory.
 *
 * @param courseId the course
 * @param patientId the course's Patient ID ("" if none known)
 * @param head the newest revision it reflects (null: the course had none)
 * @param sessions one per plan, by session number
 */
record CourseIndex(UUID courseId, String patientId, CourseHead head, List<Entry> sessions) {

    static final String FORMAT = "injection-planner/course-sessions";
    static final int FORMAT_VERSION = 1;
    static final String NAME = "sessions.json";

    /**
     * One session.
     *
     * @param planId its plan
     * @param sessionNumber its number
     * @param date its date
     * @param status draft, signed or done
     * @param sites its targets
     * @param revision the file name of the plan's newest revision
     */
    record Entry(UUID planId, int sessionNumber, LocalDate date, CourseSession.Status status, int sites,
            String revision) {
    }

    /** Sessions by number, then date, then plan. */
    private static final Comparator<Entry> ORDER = Comparator.comparingInt(Entry::sessionNumber)
            .thenComparing(Entry::date).thenComparing(Entry::planId);

    CourseIndex {
        sessions = List.copyOf(sessions);
    }

    /** A revision's file name and plan. */
    record Newest(String fileName, SessionPlan plan) {
    }

    /** The index of a course from the newest revision of each of its plans. */
    static CourseIndex of(UUID courseId, String patientId, CourseHead head, Collection<Newest> newest) {
        List<Entry> entries = new ArrayList<>();
        for (Newest n : newest) {
            CourseSession s = CourseSession.of(n.plan());
            entries.add(new Entry(s.planId(), s.number(), s.date(), s.status(), s.sites(), n.fileName()));
        }
        entries.sort(ORDER);
        return new CourseIndex(courseId, patientId, head, entries);
    }

    /** This index with a plan's newest revision replaced (or added), at a new head. */
    CourseIndex with(Newest saved, String newPatientId, CourseHead newHead) {
        List<Entry> all = new ArrayList<>(sessions.stream().filter(e -> !e.planId().equals(saved.plan().id()))
                .toList());
        all.addAll(of(courseId, newPatientId, newHead, List.of(saved)).sessions());
        all.sort(ORDER);
        return new CourseIndex(courseId, newPatientId, newHead, all);
    }

    static Path file(Path courseDir) {
        return courseDir.resolve(NAME);
    }

    byte[] toJson() {
        ObjectNode o = JsonDialect.newDocument(FORMAT, FORMAT_VERSION);
        o.put("courseId", courseId.toString());
        o.put("patientId", patientId);
        o.put("headSequence", head == null ? 0 : head.sequence());
        o.put("headSha256", head == null ? null : head.sha256());
        ArrayNode list = o.putArray("sessions");
        for (Entry e : sessions) {
            ObjectNode s = list.addObject();
            s.put("planId", e.planId().toString());
            s.put("sessionNumber", e.sessionNumber());
            s.put("date", e.date().toString());
            s.put("status", e.status().label());
            s.put("sites", e.sites());
            s.put("revision", e.revision());
        }
        return JsonDialect.document(o);
    }

    static CourseIndex parse(byte[] bytes, String source) throws PlanFormatException {
        Pointer root = Pointer.root(source);
        Document d = JsonDialect.readDocument(bytes, source, FORMAT, FORMAT_VERSION, Document.class);
        UUID id = root.field("courseId").uuid(d.courseId());
        CourseHead head = null;
        if (d.headSha256() != null) {
            String file = d.sessions().stream().map(SessionDoc::revision).filter(r -> RevisionName.parse(r)
                    .map(n -> n.sequence() == d.headSequence()).orElse(false)).findFirst().orElse(null);
            if (file == null) {
                throw root.field("headSequence").error("no session's revision is number " + d.headSequence());
            }
            head = root.build(() -> new CourseHead(RevisionName.parse(file).orElseThrow(), d.headSha256()));
        }
        List<Entry> entries = new ArrayList<>();
        for (int i = 0; i < d.sessions().size(); i++) {
            SessionDoc s = d.sessions().get(i);
            Pointer p = root.field("sessions").index(i);
            UUID plan = p.field("planId").uuid(s.planId());
            LocalDate date = p.field("date").date(s.date());
            CourseSession.Status status;
            try {
                status = CourseSession.Status.valueOf(s.status().toUpperCase(java.util.Locale.ROOT));
            } catch (IllegalArgumentException e) {
                throw p.field("status").error("not draft, signed or done: " + s.status());
            }
            if (RevisionName.parse(s.revision()).isEmpty()) {
                throw p.field("revision").error("not a revision file name");
            }
            entries.add(new Entry(plan, s.sessionNumber(), date, status, s.sites(), s.revision()));
        }
        CourseHead h = head;
        return root.build(() -> new CourseIndex(id, d.patientId(), h, entries));
    }

    private record Document(@Required String format, @Required Integer formatVersion, @Required String courseId,
            @Required String patientId, @Required Integer headSequence, String headSha256,
            @Required List<SessionDoc> sessions) {
    }

    private record SessionDoc(@Required String planId, @Required Integer sessionNumber, @Required String date,
            @Required String status, @Required Integer sites, @Required String revision) {
    }

    /**
     * The index of the course in {@code courseDir}, or empty when it has none.
     *
     * @throws StoreException if it cannot be read or is not an index
     */
    static Optional<CourseIndex> read(Path root, Path courseDir) throws StoreException {
        Path file = file(courseDir);
        return StoreFiles.readIfPresent(root, file, CourseIndex::parse);
    }

    /** Replaces the course's index atomically. */
    void write(Path courseDir) throws IOException {
        AtomicFiles.replace(file(courseDir), toJson());
    }
}
