package org.injectionplanner.export;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SchemaLocation;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Set;
import org.injectionplanner.plan.ClinicSettings;
import org.injectionplanner.plan.PlanStatus;
import org.injectionplanner.plan.Seal;
import org.injectionplanner.plan.SessionPlan;
import org.injectionplanner.plan.Signature;
import org.injectionplanner.planfile.SettingsJson;

/** The JSON Schemas of the plan and the export, loaded by networknt's validator, and a sealed plan. */
final class SchemaFixtures {

    private static final String FOLDER = "classpath:org/injectionplanner/planfile/";

    private static final JsonSchemaFactory FACTORY = JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012);

    /** plan-export.schema.json. */
    static final JsonSchema EXPORT = FACTORY.getSchema(SchemaLocation.of(FOLDER + "plan-export.schema.json"));

    /** plan.schema.json. */
    static final JsonSchema PLAN = FACTORY.getSchema(SchemaLocation.of(FOLDER + "plan.schema.json"));

    /** The clinic settings document as plan.schema.json describes it in a seal. */
    static final JsonSchema SETTINGS =
            FACTORY.getSchema(SchemaLocation.of(FOLDER + "plan.schema.json#/$defs/clinicSettings"));

    private static final ObjectMapper MAPPER = new ObjectMapper();

    private SchemaFixtures() {
    }

    /** The schema's complaints about a JSON document (none when it validates). */
    static Set<ValidationMessage> validate(JsonSchema schema, byte[] json) {
        try {
            return schema.validate(MAPPER.readTree(json));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The schema's complaints about a JSON tree. */
    static Set<ValidationMessage> validate(JsonSchema schema, JsonNode json) {
        return schema.validate(json);
    }

    /** {@link ExportFixtures#plan()} signed with a (made-up) seal under the default clinic settings. */
    static SessionPlan sealed() {
        SessionPlan plan = ExportFixtures.plan();
        ClinicSettings settings = ClinicSettings.defaults();
        String document = new String(SettingsJson.write(settings), StandardCharsets.UTF_8);
        Seal seal = new Seal("cd".repeat(32), settings, document,
                Base64.getEncoder().encodeToString(new byte[64]));
        Signature signature = new Signature("Dr Smith", ExportFixtures.AT.minusHours(1), "0f".repeat(32), seal);
        return new SessionPlan(plan.id(), plan.courseId(), plan.sessionNumber(), plan.date(), plan.author(),
                PlanStatus.SIGNED, plan.patientWeightKg(), plan.images(), plan.targets(), plan.zones(),
                plan.injections(), plan.checklist(), plan.overrides(), signature, plan.amendments(), plan.outcomes(),
                plan.copiedForward());
    }
}
