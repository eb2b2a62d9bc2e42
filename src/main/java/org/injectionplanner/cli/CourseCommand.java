package org.injectionplanner.cli;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.UUID;
import org.injectionplanner.store.PlanStore;

/**
 * {@code course COURSE_OR_PATIENT_ID [--store DIR]}: prints a treatment course as JSON, found by its course
 * UUID or by the Patient ID (every course of that patient, through the store's patient index).
 */
final class CourseCommand implements Main.Command {

    @Override
    public String usage() {
        return "course COURSE_OR_PATIENT_ID [--store DIR]   print the treatment course(s) as JSON";
    }

    @Override
    public int run(String[] args, PrintStream out) throws Exception {
        String id = null;
        Path root = PlanStore.defaultRoot();
        for (int i = 0; i < args.length; i++) {
            if (args[i].equals("--store")) {
                if (i + 1 == args.length) {
                    throw new Main.UsageException("--store needs a DIR");
                }
                root = Path.of(args[++i]);
            } else if (args[i].startsWith("-")) {
                throw new Main.UsageException("unknown option " + args[i]);
            } else if (id == null) {
                id = args[i];
            } else {
                throw new Main.UsageException("course takes one COURSE_OR_PATIENT_ID");
            }
        }
        if (id == null || id.isBlank()) {
            throw new Main.UsageException("course needs a course UUID or a Patient ID");
        }
        if (!Files.isDirectory(root)) {
            throw new Main.UsageException(root + " is not a plan store's folder");
        }
        PlanStore store = new PlanStore(root);
        List<UUID> courses = courseIds(store, id.strip());
        ObjectNode o = InspectCommand.Json.MAPPER.createObjectNode();
        o.put("query", id.strip());
        ArrayNode list = o.putArray("courses");
        for (UUID course : courses) {
            list.add(CourseJson.course(store.course(course).course()));
        }
        out.println(InspectCommand.Json.MAPPER.writeValueAsString(o));
        return 0;
    }

    /** The course with this UUID if the store has it, else the courses of this Patient ID; none is an error. */
    private static List<UUID> courseIds(PlanStore store, String id) throws Exception {
        try {
            UUID course = UUID.fromString(id);
            if (store.courses().contains(course)) {
                return List.of(course);
            }
        } catch (IllegalArgumentException notUuid) {
            // a Patient ID
        }
        List<UUID> courses = store.coursesOfPatient(id);
        if (courses.isEmpty()) {
            throw new Main.UsageException("no course " + id + " and no course of Patient ID " + id + " in the plan "
                    + "store " + store.root());
        }
        return courses;
    }
}
