package org.injectionplanner.cli;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.PrintStream;
import java.util.List;
import java.util.UUID;
import org.injectionplanner.order.CostModel;
import org.injectionplanner.order.SessionOrder;
import org.injectionplanner.plan.AnnotationNames;
import org.injectionplanner.plan.Injection;
import org.injectionplanner.plan.SessionPlan;
import org.injectionplanner.plan.Target;

/**
 * {@code order PLAN [--store DIR]}: prints the proposed order of the plan's injections as JSON, with the
 * current order and both costs under the cost model with the clinic's weights (the store's settings, or
 * the defaults without a store; docs/ordering.md). Locked injections keep their positions; {@code changed}
 * is true exactly when the proposed order differs from the current one, which it does only when it costs
 * less.
 */
final class OrderCommand implements Main.Command {

    @Override
    public String usage() {
        return "order PLAN [--store DIR]     print the proposed order of the plan's injections as JSON";
    }

    @Override
    public int run(String[] args, PrintStream out) throws Exception {
        PlanArguments arguments = PlanArguments.parse("order", args);
        SessionPlan plan = arguments.plan();
        CostModel model = CostModel.of(arguments.settings().orderWeights());
        List<UUID> proposed = SessionOrder.propose(plan, model);
        ObjectNode o = InspectCommand.Json.MAPPER.createObjectNode();
        o.put("planId", plan.id().toString());
        o.put("sessionNumber", plan.sessionNumber());
        ObjectNode m = o.putObject("costModel");
        m.put("levelWeight", model.levelWeight());
        m.put("sideWeight", model.sideWeight());
        m.put("imageChangeWeight", model.imageChangeWeight());
        m.put("orientationWeight", model.orientationWeight());
        m.put("reversalWeight", model.reversalWeight());
        o.put("currentCost", SessionOrder.currentCost(plan, model));
        o.put("proposedCost", SessionOrder.cost(plan, proposed, model));
        o.put("changed", !proposed.equals(plan.injections().stream().map(Injection::id).toList()));
        ArrayNode order = o.putArray("order");
        int position = 1;
        for (UUID id : proposed) {
            Injection injection = plan.injection(id).orElseThrow();
            Target t = plan.targetOf(injection);
            ObjectNode io = order.addObject();
            io.put("position", position++);
            io.put("currentPosition", plan.positionOf(id));
            io.put("injectionId", id.toString());
            io.put("target", AnnotationNames.of(t));
            io.put("label", t.label());
            io.put("structureId", t.structureId());
            io.put("side", t.side().name());
            io.put("level", t.level() == null ? null : t.level().name());
            io.put("sopInstanceUid", t.image().sopInstanceUid());
            io.put("frame", t.image().frame());
            io.put("locked", injection.locked());
        }
        out.println(InspectCommand.Json.MAPPER.writeValueAsString(o));
        return 0;
    }
}
