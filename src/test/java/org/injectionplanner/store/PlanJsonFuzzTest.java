package org.injectionplanner.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import java.io.IOException;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.UUID;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Tag;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.statistics.Statistics;
import org.injectionplanner.plan.ClinicSettings;
import org.injectionplanner.plan.SessionPlan;
import org.injectionplanner.planfile.PlanFormatException;
import org.injectionplanner.planfile.PlanJson;
import org.injectionplanner.planfile.SettingsJson;

/**
 * Fuzzes the store's parsers (docs/design.md §6): valid plan, revision, autosave, settings and lock-owner
 * documents are garbled at the byte level (deleted, inserted, duplicated, swapped and random bytes,
 * truncation, invalid UTF-8, deep nesting, huge numbers) and at the tree level (values replaced by values
 * of other types, fields removed, renamed or added), then read. Only {@link PlanFormatException} naming the
 * source may come out, within a second per input.
 */
@Tag("fuzz")
class PlanJsonFuzzTest {

    private static final ObjectMapper MAPPER = new ObjectMapper();

    private static final OffsetDateTime AT = OffsetDateTime.of(2026, 11, 26, 9, 0, 0, 0, ZoneOffset.UTC);

    /** The parsers under test. */
    private enum Parser { PLAN, REVISION, AUTOSAVE, SETTINGS, LOCK_OWNER }

    @Property(tries = 3000)
    void garbledBytesFailOnlyWithPlanFormatException(@ForAll long seed,
            @ForAll @IntRange(min = 1, max = 6) int mutations) {
        Random r = new Random(seed);
        Parser parser = Parser.values()[r.nextInt(Parser.values().length)];
        byte[] bytes = valid(parser, r);
        for (int i = 0; i < mutations; i++) {
            bytes = mutateBytes(bytes, r);
        }
        check(parser, bytes);
    }

    @Property(tries = 3000)
    void garbledTreesFailOnlyWithPlanFormatException(@ForAll long seed,
            @ForAll @IntRange(min = 1, max = 4) int mutations) throws Exception {
        Random r = new Random(seed);
        Parser parser = Parser.values()[r.nextInt(Parser.values().length)];
        JsonNode tree = MAPPER.readTree(valid(parser, r));
        for (int i = 0; i < mutations; i++) {
            mutateTree(tree, r);
        }
        check(parser, MAPPER.writeValueAsBytes(tree));
    }

    @Property(tries = 300)
    void randomBytesFailOnlyWithPlanFormatException(@ForAll byte[] bytes) {
        for (Parser parser : Parser.values()) {
            check(parser, bytes);
        }
    }

    private static byte[] valid(Parser parser, Random r) {
        SessionPlan plan = r.nextBoolean() ? TestPlans.sample() : TestPlans.random(r);
        return switch (parser) {
            case PLAN -> PlanJson.write(plan);
            case REVISION -> r.nextBoolean() ? RevisionFile.write(plan, 1, AT, "Dr A", "", null).bytes()
                    : RevisionFile.write(plan, 2 + r.nextInt(5), AT, "Dr A", "reason", "ab".repeat(32)).bytes();
            case AUTOSAVE -> AutosaveFile.write(plan, AT, r.nextBoolean() ? null : 4);
            case SETTINGS -> SettingsJson.write(ClinicSettings.defaults());
            case LOCK_OWNER -> new LockOwner("host", 42, "user", AT).toJson();
        };
    }

    private static void check(Parser parser, byte[] bytes) {
        long start = System.nanoTime();
        String outcome = "read";
        try {
            switch (parser) {
                case PLAN -> PlanJson.read(bytes, "fuzz.json");
                case REVISION -> RevisionFile.parse(bytes, "fuzz.json");
                case AUTOSAVE -> AutosaveFile.parse(bytes, "fuzz.json");
                case SETTINGS -> SettingsJson.read(bytes, "fuzz.json");
                case LOCK_OWNER -> LockOwner.parse(bytes, "fuzz.json");
            }
        } catch (PlanFormatException e) {
            assertThat(e.getMessage()).startsWith("fuzz.json: ");
            outcome = e.getMessage().startsWith("fuzz.json: not valid JSON") ? "not JSON" : "refused at a path";
        } catch (Throwable t) {
            fail(parser + " threw " + t + " for " + new String(bytes, StandardCharsets.UTF_8), t);
        }
        assertThat((System.nanoTime() - start) / 1_000_000).as("milliseconds for one input").isLessThan(1000);
        Statistics.label("outcome").collect(parser, outcome);
    }

    private static byte[] mutateBytes(byte[] in, Random r) {
        int n = in.length;
        int at = n == 0 ? 0 : r.nextInt(n);
        int span = n == 0 ? 0 : 1 + r.nextInt(Math.min(n - at, 1 + r.nextInt(40)));
        return switch (r.nextInt(13)) {
            case 10, 11, 12 -> replaceToken(in, r);
            case 0 -> splice(in, at, span, new byte[0]);
            case 1 -> splice(in, at, 0, ascii(SYNTAX.charAt(r.nextInt(SYNTAX.length())) + ""));
            case 2 -> splice(in, at, 0, Arrays.copyOfRange(in, at, at + span));
            case 3 -> Arrays.copyOf(in, at);
            case 4 -> {
                byte[] out = in.clone();
                for (int i = 0; i < span; i++) {
                    out[at + i] = (byte) r.nextInt(256);
                }
                yield out;
            }
            case 5 -> splice(in, at, 0, ascii(LITERALS[r.nextInt(LITERALS.length)]));
            case 6 -> splice(in, at, span, ascii(LITERALS[r.nextInt(LITERALS.length)]));
            case 7 -> splice(in, at, 0, ascii("[".repeat(1 + r.nextInt(3000)) + "]".repeat(r.nextInt(3000))));
            case 8 -> splice(in, at, 0, new byte[] {(byte) 0xC3, (byte) (0x28 + r.nextInt(0x60)), (byte) 0xF0});
            default -> {
                byte[] out = in.clone();
                if (n > 1) {
                    int other = r.nextInt(n);
                    byte b = out[at];
                    out[at] = out[other];
                    out[other] = b;
                }
                yield out;
            }
        };
    }

    /** Replaces one scalar token (string, number, literal) of the document's well-formed prefix by a literal. */
    private static byte[] replaceToken(byte[] in, Random r) {
        List<int[]> tokens = new ArrayList<>();
        try (JsonParser p = MAPPER.createParser(in)) {
            JsonToken t;
            while ((t = p.nextToken()) != null) {
                if (t.isScalarValue()) {
                    int start = (int) p.currentTokenLocation().getByteOffset();
                    p.getText();
                    tokens.add(new int[] {start, (int) p.currentLocation().getByteOffset()});
                }
            }
        } catch (IOException e) {
            Statistics.label("token scan").collect("stopped at a syntax error");
        }
        if (tokens.isEmpty()) {
            return in;
        }
        int[] token = tokens.get(r.nextInt(tokens.size()));
        return splice(in, token[0], Math.max(0, token[1] - token[0]), ascii(LITERALS[r.nextInt(LITERALS.length)]));
    }

    private static final String SYNTAX = "{}[]\",:\\0123456789-+.eEtrufalsn \n";

    private static final String[] LITERALS = {"null", "true", "false", "0", "-0", "1e400", "-1e400", "1.5",
        "\"\"", "\"x\"", "{}", "[]", "99999999999", "-2147483649", "123456789012345678901234567890", "0.0e-99999",
        "\"1-1-1-1-1\"", "\"2026-02-30\"", "\"\\ud800\"", "\"\\u0000\"", "1" + "0".repeat(1200), "NaN",
        "\"polygon\"", "\"ellipse\"", "\"L4_L5\"", "\"ULTRASOUND_REGION\"", "\"" + "a".repeat(5000) + "\""};

    private static byte[] ascii(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }

    private static byte[] splice(byte[] in, int at, int remove, byte[] insert) {
        byte[] out = new byte[in.length - remove + insert.length];
        System.arraycopy(in, 0, out, 0, at);
        System.arraycopy(insert, 0, out, at, insert.length);
        System.arraycopy(in, at + remove, out, at + insert.length, in.length - at - remove);
        return out;
    }

    /** Replaces, removes, renames or adds one value somewhere in the tree. */
    private static void mutateTree(JsonNode root, Random r) {
        List<JsonNode> containers = new ArrayList<>();
        collect(root, containers);
        JsonNode container = containers.get(r.nextInt(containers.size()));
        JsonNode replacement = randomValue(r);
        if (container instanceof ObjectNode o) {
            List<String> names = new ArrayList<>();
            o.fieldNames().forEachRemaining(names::add);
            if (names.isEmpty() || r.nextInt(5) == 0) {
                o.set(r.nextBoolean() ? "unknown" : "type", replacement);
                return;
            }
            String name = names.get(r.nextInt(names.size()));
            switch (r.nextInt(3)) {
                case 0 -> o.remove(name);
                case 1 -> o.set(name + (r.nextBoolean() ? "X" : ""), o.remove(name));
                default -> o.set(name, replacement);
            }
        } else {
            ArrayNode a = (ArrayNode) container;
            if (a.isEmpty() || r.nextInt(4) == 0) {
                a.add(replacement);
            } else if (r.nextBoolean()) {
                a.remove(r.nextInt(a.size()));
            } else {
                a.set(r.nextInt(a.size()), replacement);
            }
        }
    }

    private static void collect(JsonNode node, List<JsonNode> out) {
        if (node.isContainerNode()) {
            out.add(node);
            node.elements().forEachRemaining(child -> collect(child, out));
        }
    }

    private static JsonNode randomValue(Random r) {
        JsonNodeFactory f = JsonNodeFactory.instance;
        return switch (r.nextInt(12)) {
            case 0 -> f.nullNode();
            case 1 -> f.booleanNode(r.nextBoolean());
            case 2 -> f.numberNode(r.nextInt());
            case 3 -> f.numberNode(r.nextLong());
            case 4 -> f.numberNode(TestPlans.number(r));
            case 5 -> f.numberNode(new BigInteger(200, r));
            case 6 -> f.textNode(TestPlans.text(r));
            case 7 -> f.textNode(new UUID(r.nextLong(), r.nextLong()).toString());
            case 8 -> f.objectNode();
            case 9 -> f.arrayNode().add(r.nextInt(3));
            case 10 -> f.textNode(List.of("LEFT", "DRAFT", "NERVE", "polygon", "ellipse", "2026-11-26",
                    "2026-11-26T09:00:00Z", "injection-planner/session-plan").get(r.nextInt(8)));
            default -> f.numberNode(r.nextInt(5) - 1);
        };
    }
}
