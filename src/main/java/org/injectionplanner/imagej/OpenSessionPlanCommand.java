package org.injectionplanner.imagej;

import ij.IJ;
import ij.gui.GenericDialog;
import ij.plugin.PlugIn;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import org.injectionplanner.plan.SessionPlan;
import org.injectionplanner.plan.SignatureStatus;
import org.injectionplanner.store.PlanStore;
import org.injectionplanner.store.Revision;
import org.injectionplanner.store.StoreException;

/**
 * Plugins › Injection Planner › Open Session Plan...: makes a saved plan the active plan (its newest
 * revision), or a given revision file. Macro key {@code plan}: the plan's id, {@code latest} for the most
 * recently saved plan, or a revision file's path.
 * Its annotations appear on the open images of the same DICOM instances.
 */
public final class OpenSessionPlanCommand implements PlugIn {

    @Override
    public void run(String arg) {
        try {
            Map<String, Revision> latest = latestRevisions(PluginWorkspace.get().store());
            GenericDialog gd = new GenericDialog("Open Session Plan");
            if (latest.isEmpty()) {
                gd.addMessage("The plan store " + PluginWorkspace.get().store().root() + " holds no saved plans.");
            } else {
                gd.addMessage("Saved plans (newest revision of each):\n" + String.join("\n", describe(latest)));
            }
            gd.addStringField("plan", latest.isEmpty() ? "" : latest.keySet().iterator().next(), 40);
            gd.addMessage("A plan id from the list, \"latest\" for the most recently saved, "
                    + "or a revision file's path.");
            gd.showDialog();
            if (gd.wasCanceled()) {
                return;
            }
            String choice = gd.getNextString().trim();
            Revision revision = resolve(choice, latest);
            PluginWorkspace.get().start(revision.plan());
            SessionPlan plan = revision.plan();
            SignatureStatus signature = PluginWorkspace.get().signatureStatus(plan);
            String invalid = signature.state() == SignatureStatus.State.INVALID
                    ? "; signature not valid — treated as a draft: " + String.join("; ", signature.problems()) : "";
            if (!invalid.isEmpty()) {
                IJ.log("Session " + plan.sessionNumber() + " of " + plan.date() + invalid.substring(1));
            }
            IJ.showStatus("Opened session " + plan.sessionNumber() + " of " + plan.date() + ": "
                    + plan.targets().size() + " targets, " + plan.zones().size() + " zones (revision "
                    + revision.header().sequence() + ")" + invalid);
        } catch (StoreException | IllegalArgumentException | IllegalStateException e) {
            CommandErrors.show(e.getMessage());
        }
    }

    private static Revision resolve(String choice, Map<String, Revision> latest) throws StoreException {
        if (choice.equalsIgnoreCase("latest") && !latest.isEmpty()) {
            return latest.values().iterator().next();
        }
        if (latest.containsKey(choice)) {
            return latest.get(choice);
        }
        Path path = Path.of(choice);
        if (Files.isRegularFile(path)) {
            return PluginWorkspace.get().store().load(path);
        }
        throw new IllegalArgumentException("no saved plan '" + choice + "' in " + PluginWorkspace.get().store().root()
                + ": give a plan id from the list or a revision file");
    }

    /** The newest revision of every plan in the store, by plan id, newest first. */
    static Map<String, Revision> latestRevisions(PlanStore store) throws StoreException {
        List<Revision> all = new ArrayList<>();
        for (UUID course : store.courses()) {
            Map<UUID, Revision> perPlan = new LinkedHashMap<>();
            for (Revision r : store.history(course)) {
                perPlan.put(r.plan().id(), r);
            }
            all.addAll(perPlan.values());
        }
        all.sort((a, b) -> b.header().savedAt().compareTo(a.header().savedAt()));
        Map<String, Revision> out = new LinkedHashMap<>();
        for (Revision r : all) {
            out.put(r.plan().id().toString(), r);
        }
        return out;
    }

    private static List<String> describe(Map<String, Revision> latest) {
        List<String> lines = new ArrayList<>();
        for (Map.Entry<String, Revision> e : latest.entrySet()) {
            SessionPlan p = e.getValue().plan();
            lines.add(String.format(Locale.ROOT, "%s  session %d, %s, %d targets, %d zones, saved %s", e.getKey(),
                    p.sessionNumber(), p.date(), p.targets().size(), p.zones().size(),
                    e.getValue().header().savedAt().toLocalDateTime().withNano(0)));
        }
        return lines;
    }
}
