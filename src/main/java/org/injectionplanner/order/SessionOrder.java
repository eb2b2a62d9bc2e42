package org.injectionplanner.order;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.injectionplanner.plan.Injection;
import org.injectionplanner.plan.PlanImage;
import org.injectionplanner.plan.SessionPlan;
import org.injectionplanner.plan.Target;

/** The order proposal applied to a session plan's injections. */
public final class SessionOrder {

    private SessionOrder() {
    }

    /**
     * The plan's injections as the proposal sees them, in their current order. An injection's probe
     * orientation is the one its image's description names ({@link ProbeOrientation#fromDescription});
     * an image the plan does not list has an unknown orientation.
     */
    public static List<OrderItem> items(SessionPlan plan) {
        List<OrderItem> out = new ArrayList<>();
        int position = 1;
        for (Injection i : plan.injections()) {
            Target t = plan.targetOf(i);
            String uid = t.image().sopInstanceUid();
            ProbeOrientation orientation = ProbeOrientation.fromDescription(
                    plan.image(uid).map(PlanImage::description).orElse(null));
            out.add(new OrderItem(i.id(), uid, t.level(), t.side(),
                    t.depthMm() == null || t.depthMm() < 0 ? null : t.depthMm(), position++, i.locked(),
                    orientation));
        }
        return out;
    }

    /** The proposed order of the plan's injections, locked ones kept in place. */
    public static List<UUID> propose(SessionPlan plan, CostModel model) {
        return OrderProposer.propose(items(plan), model);
    }

    /** The cost of the plan's current order under the model. */
    public static double currentCost(SessionPlan plan, CostModel model) {
        return model.cost(items(plan));
    }

    /** The cost of an order of the plan's injections under the model. */
    public static double cost(SessionPlan plan, List<UUID> order, CostModel model) {
        return currentCost(plan.withInjectionOrder(order), model);
    }
}
