package org.injectionplanner.plan;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;

/**
 * Where a plan's sites came from when it was started from an earlier session of its course ({@link
 * CopyForward}): the earlier plan, the sites copied (their target ids, kept across sessions), those not yet
 * placed on this session's images, and those dropped with a reason.
 *
 * @param fromPlanId the earlier session's plan
 * @param fromSession its session number
 * @param fromDate its date
 * @param sites the target ids copied, in the earlier plan's order
 * @param toConfirm the copied targets still on the earlier session's images: each must be placed on a current
 *     image before sign-off (a subset of {@code sites})
 * @param dropped the copied sites left out, in the order dropped (none of them in {@code toConfirm})
 */
public record CopiedForward(UUID fromPlanId, int fromSession, LocalDate fromDate, List<UUID> sites,
        List<UUID> toConfirm, List<DroppedSite> dropped) {

    public CopiedForward {
        if (fromPlanId == null || fromDate == null) {
            throw new IllegalArgumentException("a copy forward names the plan and date it was copied from");
        }
        if (fromSession < 1) {
            throw new IllegalArgumentException("session numbers start at 1, got " + fromSession);
        }
        sites = List.copyOf(sites);
        toConfirm = List.copyOf(toConfirm);
        dropped = List.copyOf(dropped);
        Set<UUID> copied = new HashSet<>(sites);
        if (copied.size() != sites.size()) {
            throw new IllegalArgumentException("a copied site appears twice");
        }
        Set<UUID> pending = new HashSet<>();
        for (UUID id : toConfirm) {
            if (!copied.contains(id) || !pending.add(id)) {
                throw new IllegalArgumentException("site " + id + " to confirm is not a copied site, or is listed "
                        + "twice");
            }
        }
        Set<UUID> gone = new HashSet<>();
        for (DroppedSite d : dropped) {
            if (!copied.contains(d.targetId()) || pending.contains(d.targetId()) || !gone.add(d.targetId())) {
                throw new IllegalArgumentException("dropped site " + d.targetId() + " is not a copied site, is "
                        + "still to confirm, or is dropped twice");
            }
        }
    }

    /** Whether the target still waits to be placed on a current image. */
    public boolean isToConfirm(UUID targetId) {
        return toConfirm.contains(targetId);
    }

    /** This record with the target placed (no longer to confirm). */
    CopiedForward confirmed(UUID targetId) {
        return new CopiedForward(fromPlanId, fromSession, fromDate, sites,
                toConfirm.stream().filter(id -> !id.equals(targetId)).toList(), dropped);
    }

    /** This record with the site dropped. */
    CopiedForward withDropped(DroppedSite site) {
        List<DroppedSite> all = new ArrayList<>(dropped);
        all.add(site);
        return new CopiedForward(fromPlanId, fromSession, fromDate, sites,
                toConfirm.stream().filter(id -> !id.equals(site.targetId())).toList(), all);
    }

    /** This record with only the targets still in the plan to confirm (a deleted target has none). */
    CopiedForward keeping(Set<UUID> targetIds) {
        return toConfirm.stream().allMatch(targetIds::contains) ? this : new CopiedForward(fromPlanId, fromSession,
                fromDate, sites, toConfirm.stream().filter(targetIds::contains).toList(), dropped);
    }
}
