package org.injectionplanner.store;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Optional;
import org.injectionplanner.planfile.JsonDialect;
import org.injectionplanner.planfile.PlanFormatException;
import org.injectionplanner.planfile.PlanJson;
import org.injectionplanner.planfile.Pointer;

/**
 * Who holds a course's lock: the workstation, the process on it, the operating-system user and since
 * when. Written to {@code lock-owner.json} while a course is open (never patient data).
 *
 * @param host the workstation's host name
 * @param pid the process id on that host
 * @param user the operating-system login that opened the course
 * @param since when it was opened, with the workstation's offset
 */
public record LockOwner(String host, long pid, String user, OffsetDateTime since) {

    static final String FORMAT = "injection-planner/course-lock";

    /** This process, now. */
    static LockOwner current(OffsetDateTime now) {
        return new LockOwner(HostName.NAME, ProcessHandle.current().pid(), System.getProperty("user.name", ""), now);
    }

    /** True if the owner is a process on this workstation. */
    public boolean onThisHost() {
        return HostName.NAME.equals(host);
    }

    /** True if the owner is a process on this workstation that no longer runs. */
    public boolean deadOnThisHost() {
        return onThisHost() && ProcessHandle.of(pid).map(ProcessHandle::isAlive).map(alive -> !alive).orElse(true);
    }

    /** e.g. "workstation us-room-2 (process 4711, user jdoe) since 2026-11-26T09:14:03+01:00". */
    public String describe() {
        return "workstation " + host + " (process " + pid + (user.isEmpty() ? "" : ", user " + user) + ") since "
                + DateTimeFormatter.ISO_OFFSET_DATE_TIME.format(since);
    }

    byte[] toJson() {
        ObjectNode o = JsonDialect.newDocument(FORMAT, PlanJson.FORMAT_VERSION);
        o.put("host", host);
        o.put("pid", pid);
        o.put("user", user);
        o.put("since", JsonDialect.time(since));
        return JsonDialect.document(o);
    }

    /**
     * The owner recorded in {@code bytes}, or empty if they are not a lock owner record. Lenient, as the
     * lock is: a record in any other shape is simply not one.
     */
    static Optional<LockOwner> parse(byte[] bytes, String source) {
        try {
            JsonNode o = JsonDialect.parse(bytes, source);
            JsonNode pid = o.path("pid");
            if (!FORMAT.equals(o.path("format").textValue()) || !pid.isIntegralNumber() || !pid.canConvertToLong()
                    || !o.path("host").isTextual() || !o.path("user").isTextual()) {
                return Optional.empty();
            }
            OffsetDateTime since = Pointer.root(source).field("since").time(o.path("since").textValue());
            return since == null ? Optional.empty()
                    : Optional.of(new LockOwner(o.get("host").textValue(), pid.longValue(), o.get("user").textValue(),
                            since));
        } catch (PlanFormatException e) {
            return Optional.empty();
        }
    }

    /** This workstation's host name. */
    static String hostName() {
        return HostName.NAME;
    }

    /** The host name, looked up once. */
    private static final class HostName {
        static final String NAME = lookUp();

        private static String lookUp() {
            try {
                return InetAddress.getLocalHost().getHostName();
            } catch (UnknownHostException e) {
                String env = System.getenv("HOSTNAME");
                return env != null && !env.isBlank() ? env : "unknown-host";
            }
        }
    }
}
