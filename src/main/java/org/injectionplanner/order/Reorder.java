package org.injectionplanner.order;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/** The physician's own changes to an order ("Move Injection...", dragging in the Plan Panel). */
public final class Reorder {

    private Reorder() {
    }

    /**
     * The order with one injection moved to a new position; the others keep their relative order and
     * shift to make room.
     *
     * @param order the injection ids in order, distinct
     * @param item the injection to move
     * @param newPosition its new position, 1-based
     * @throws IllegalArgumentException if an id repeats, {@code item} is not in the order or
     *         {@code newPosition} is not in 1..n
     */
    public static List<UUID> move(List<UUID> order, UUID item, int newPosition) {
        return move(order, item, newPosition, Set.of());
    }

    /**
     * The order with one injection moved to a new position while locked injections keep theirs: the
     * other unlocked injections keep their relative order and fill the unlocked positions around it.
     *
     * @param order the injection ids in order, distinct
     * @param item the injection to move; it must not be locked (unlock it first)
     * @param newPosition its new position, 1-based; it must not be held by a locked injection
     * @param locked the locked injections, all in {@code order}
     * @throws IllegalArgumentException if an id repeats, {@code item} or a locked id is not in the order,
     *         {@code item} is locked, or {@code newPosition} is not in 1..n or is held by a locked injection
     */
    public static List<UUID> move(List<UUID> order, UUID item, int newPosition, Set<UUID> locked) {
        if (order == null || locked == null) {
            throw new IllegalArgumentException("moving an injection needs the order and the set of locked injections");
        }
        Map<UUID, Integer> index = new HashMap<>();
        for (int i = 0; i < order.size(); i++) {
            UUID id = order.get(i);
            if (id == null) {
                throw new IllegalArgumentException("the order contains null");
            }
            if (index.put(id, i) != null) {
                throw new IllegalArgumentException("injection " + id + " is listed twice in the order");
            }
        }
        if (item == null || !index.containsKey(item)) {
            throw new IllegalArgumentException("injection " + item + " is not in the order");
        }
        for (UUID id : locked) {
            if (!index.containsKey(id)) {
                throw new IllegalArgumentException("locked injection " + id + " is not in the order");
            }
        }
        int n = order.size();
        if (newPosition < 1 || newPosition > n) {
            throw new IllegalArgumentException("position " + newPosition + " is out of range: use 1 to " + n);
        }
        if (locked.contains(item)) {
            throw new IllegalArgumentException("injection " + item + " is locked at position "
                    + (index.get(item) + 1) + ": unlock it before moving it");
        }
        UUID holder = order.get(newPosition - 1);
        if (locked.contains(holder)) {
            throw new IllegalArgumentException("position " + newPosition + " is held by locked injection " + holder);
        }
        List<UUID> free = new ArrayList<>();
        int target = 0;
        for (int i = 0; i < n; i++) {
            if (i == newPosition - 1) {
                target = free.size();
            }
            if (!locked.contains(order.get(i))) {
                free.add(order.get(i));
            }
        }
        free.remove(item);
        free.add(target, item);
        List<UUID> result = new ArrayList<>(n);
        int next = 0;
        for (UUID id : order) {
            result.add(locked.contains(id) ? id : free.get(next++));
        }
        return List.copyOf(result);
    }
}
