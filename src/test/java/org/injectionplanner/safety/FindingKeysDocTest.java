package org.injectionplanner.safety;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Issue 15's warning budget kept honest: every finding key the safety checks make (read from the sources of
 * package {@code safety}: each {@code CHECK.key(...)} call, its literal parts kept and its ids as {@code <>}) has
 * its row in docs/safety.md §4 with the severity the code gives it and whether a written reason lifts it, and the
 * table has no row the code cannot produce. A new finding without its documented purpose fails here.
 */
class FindingKeysDocTest {

    private static final Path SOURCES = Path.of("src/main/java/org/injectionplanner/safety");
    private static final Path DOC = Path.of("docs/safety.md");
    private static final Pattern KEY_CALL = Pattern.compile("\\b([A-Z][A-Z_]+)\\.key\\(");
    private static final Pattern ROW = Pattern.compile(
            "^\\| `([a-z-]+(?:/[^`|]+)?)` \\| (violation|warning|note) \\|[^|]+\\|([^|]+)\\|([^|]+)\\|$",
            Pattern.MULTILINE);

    /** A key as documented or made: its pattern ({@code zone-clearance/path/<>/<>}), severity and override. */
    private record KeyRow(Severity severity, boolean overridable) {
    }

    @Test
    void everyKeyTheChecksMakeIsDocumentedWithItsSeverityAndOverride() throws Exception {
        Map<String, KeyRow> made = keysInCode();
        Map<String, KeyRow> documented = keysInDoc();
        assertThat(made).as("the checks make keys of every kind").hasSizeGreaterThan(30);
        assertThat(documented.keySet()).as("docs/safety.md §4 lists exactly the keys the checks make")
                .containsExactlyInAnyOrderElementsOf(made.keySet());
        for (var e : made.entrySet()) {
            assertThat(documented.get(e.getKey())).as(e.getKey()).isEqualTo(e.getValue());
        }
    }

    @Test
    void everyCheckHasAKeyAndEveryKeyACheck() throws Exception {
        List<String> checks = keysInCode().keySet().stream().map(k -> k.split("/", 2)[0]).distinct().toList();
        assertThat(checks).containsExactlyInAnyOrderElementsOf(
                Stream.of(SafetyCheck.values()).map(SafetyCheck::checkName).toList());
    }

    /** The rows of the key table of docs/safety.md §4, by pattern; ids ({@code <target id>}) read as {@code <>}. */
    private static Map<String, KeyRow> keysInDoc() throws IOException {
        String doc = Files.readString(DOC);
        String section = doc.substring(doc.indexOf("## 4. Finding keys"), doc.indexOf("## 5. Overrides"));
        Map<String, KeyRow> rows = new TreeMap<>();
        Matcher m = ROW.matcher(section);
        while (m.find()) {
            String key = m.group(1).replaceAll("<[^>]+>", "<>");
            String override = m.group(4).strip();
            assertThat(override).as(key + ": override is yes, no or — (a warning or note)").isIn("yes", "no", "—");
            KeyRow row = new KeyRow(Severity.valueOf(m.group(2).toUpperCase(java.util.Locale.ROOT)),
                    override.equals("yes"));
            assertThat(m.group(3).strip()).as(key + ": blocks sign-off").startsWith(
                    row.severity() == Severity.VIOLATION ? "yes" : "no");
            assertThat(rows.put(key, row)).as(key + " listed twice").isNull();
        }
        return rows;
    }

    /**
     * The keys made in the sources of package safety: for each {@code CHECK.key(args)}, the check's name, then each
     * argument, a string literal as written and anything else as {@code <>}; the severity of the statement that
     * makes it ({@code violation(}/{@code warning(}/{@code Severity.X}, or inside the method it is passed to), and
     * whether its check is overridable (a warning's never matters: it is recorded as not overridable).
     */
    private static Map<String, KeyRow> keysInCode() throws IOException {
        Map<String, KeyRow> keys = new TreeMap<>();
        List<Path> files;
        try (Stream<Path> s = Files.list(SOURCES)) {
            files = s.filter(p -> p.toString().endsWith(".java")).sorted().toList();
        }
        for (Path file : files) {
            String src = Files.readString(file);
            Matcher m = KEY_CALL.matcher(src);
            while (m.find()) {
                SafetyCheck check = SafetyCheck.valueOf(m.group(1));
                int open = m.end() - 1;
                int close = matching(src, open);
                StringBuilder key = new StringBuilder(check.checkName());
                for (String arg : arguments(src.substring(open + 1, close))) {
                    key.append('/').append(arg.matches("\"[^\"]*\"") ? arg.substring(1, arg.length() - 1) : "<>");
                }
                Severity severity = severityOf(src, m.start(), file);
                KeyRow row = new KeyRow(severity, severity == Severity.VIOLATION && check.overridable());
                KeyRow before = keys.put(key.toString(), row);
                assertThat(before == null || before.equals(row)).as(key + " made with two severities").isTrue();
            }
        }
        return keys;
    }

    /**
     * The severity of the finding whose key is made at {@code at}: from the statement around it, or, where the key
     * is passed to a method of the file (e.g. {@code checkConcentration(site, KEY, ...)}), from that method's body.
     */
    private static Severity severityOf(String src, int at, Path file) {
        int start = Math.max(Math.max(src.lastIndexOf(';', at), src.lastIndexOf('{', at)), src.lastIndexOf('}', at));
        String statement = src.substring(start + 1, at);
        Severity s = severityIn(statement);
        if (s != null) {
            return s;
        }
        Matcher call = Pattern.compile("^\\s*(\\w+)\\(").matcher(statement);
        assertThat(call.find()).as(file + ": no severity for the key at offset " + at).isTrue();
        Matcher decl = Pattern.compile("static [\\w<>., ]+ " + call.group(1) + "\\(").matcher(src);
        assertThat(decl.find()).as(file + ": the method " + call.group(1)).isTrue();
        int body = src.indexOf('{', decl.end());
        s = severityIn(src.substring(body, matching(src, body)));
        assertThat(s).as(file + ": the severity in " + call.group(1)).isNotNull();
        return s;
    }

    /** The one severity a piece of code gives its finding, or null where it names none. */
    private static Severity severityIn(String code) {
        boolean violation = code.contains("violation(") || code.contains("Severity.VIOLATION");
        boolean warning = code.contains("warning(") || code.contains("Severity.WARNING");
        boolean note = code.contains("note(") || code.contains("Severity.NOTE");
        assertThat((violation ? 1 : 0) + (warning ? 1 : 0) + (note ? 1 : 0)).as("one severity in: " + code)
                .isLessThanOrEqualTo(1);
        return violation ? Severity.VIOLATION : warning ? Severity.WARNING : note ? Severity.NOTE : null;
    }

    /** The index of the bracket closing the one at {@code open} ('(' or '{'), skipping comments and literals. */
    private static int matching(String src, int open) {
        char o = src.charAt(open);
        char c = o == '(' ? ')' : '}';
        int depth = 0;
        for (int i = open; i < src.length(); i++) {
            if (src.startsWith("//", i)) {
                i = src.indexOf('\n', i);
            } else if (src.startsWith("/*", i)) {
                i = src.indexOf("*/", i) + 1;
            } else if (src.charAt(i) == '"' || src.charAt(i) == '\'') {
                i = endOfLiteral(src, i);
            } else if (src.charAt(i) == o) {
                depth++;
            } else if (src.charAt(i) == c && --depth == 0) {
                return i;
            }
        }
        throw new IllegalStateException("unbalanced " + o + " at " + open);
    }

    /** The index of the quote closing the string or character literal opened at {@code open}. */
    private static int endOfLiteral(String src, int open) {
        char quote = src.charAt(open);
        for (int i = open + 1; i < src.length(); i++) {
            if (src.charAt(i) == '\\') {
                i++;
            } else if (src.charAt(i) == quote) {
                return i;
            }
        }
        throw new IllegalStateException("unclosed literal at " + open);
    }

    /** The top-level comma-separated arguments of an argument list, stripped. */
    private static List<String> arguments(String list) {
        List<String> out = new ArrayList<>();
        int depth = 0;
        int from = 0;
        for (int i = 0; i < list.length(); i++) {
            char ch = list.charAt(i);
            if (ch == '(') {
                depth++;
            } else if (ch == ')') {
                depth--;
            } else if (ch == ',' && depth == 0) {
                out.add(list.substring(from, i).strip());
                from = i + 1;
            }
        }
        if (!list.isBlank()) {
            out.add(list.substring(from).strip());
        }
        return out;
    }
}
