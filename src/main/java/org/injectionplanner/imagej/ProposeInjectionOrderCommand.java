package org.injectionplanner.imagej;

import ij.IJ;
import ij.plugin.PlugIn;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import org.injectionplanner.order.CostModel;
import org.injectionplanner.order.SessionOrder;
import org.injectionplanner.plan.Injection;
import org.injectionplanner.plan.PlanEdits;
import org.injectionplanner.plan.SessionPlan;

/**
 * Plugins › Injection Planner › Propose Injection Order: puts the injections in the order that needs the
 * least repositioning of the probe under the clinic's order weights (docs/ordering.md), keeping locked ones
 * in place. One undoable edit; the order is changed only when the proposal costs less.
 */
public final class ProposeInjectionOrderCommand implements PlugIn {

    @Override
    public void run(String arg) {
        try {
            SessionPlan plan = PluginWorkspace.editor().plan();
            CostModel model = CostModel.of(PluginWorkspace.get().settings().orderWeights());
            List<UUID> proposed = SessionOrder.propose(plan, model);
            if (proposed.equals(plan.injections().stream().map(Injection::id).toList())) {
                IJ.showStatus("The injection order is kept: no order costs less");
                return;
            }
            double before = SessionOrder.currentCost(plan, model);
            PluginWorkspace.editor().apply(PlanEdits.reorder("Propose injection order", proposed));
            IJ.showStatus(String.format(Locale.ROOT, "Injection order proposed: repositioning cost %.1f → %.1f",
                    before, SessionOrder.cost(plan, proposed, model)));
        } catch (IllegalArgumentException | IllegalStateException e) {
            CommandErrors.show(e.getMessage());
        }
    }
}
