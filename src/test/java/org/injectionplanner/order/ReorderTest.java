package org.injectionplanner.order;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.UUID;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import org.junit.jupiter.api.Test;

/** Move Injection... and dragging in the Plan Panel. */
class ReorderTest {

    private static final UUID A = new UUID(0, 1);
    private static final UUID B = new UUID(0, 2);
    private static final UUID C = new UUID(0, 3);
    private static final UUID D = new UUID(0, 4);
    private static final UUID E = new UUID(0, 5);
    private static final List<UUID> ORDER = List.of(A, B, C, D, E);

    @Test
    void anInjectionMovesAndTheOthersShift() {
        assertThat(Reorder.move(ORDER, A, 3)).containsExactly(B, C, A, D, E);
        assertThat(Reorder.move(ORDER, E, 1)).containsExactly(E, A, B, C, D);
        assertThat(Reorder.move(ORDER, C, 3)).isEqualTo(ORDER);
        assertThat(Reorder.move(ORDER, B, 5)).containsExactly(A, C, D, E, B);
    }

    @Test
    void lockedInjectionsKeepTheirPositions() {
        assertThat(Reorder.move(ORDER, A, 4, Set.of(C))).containsExactly(B, D, C, A, E);
        assertThat(Reorder.move(ORDER, E, 1, Set.of(C))).containsExactly(E, A, C, B, D);
        assertThat(Reorder.move(ORDER, A, 5, Set.of(B, D))).containsExactly(C, B, E, D, A);
    }

    @Test
    void badMovesAreRefusedWithAClearMessage() {
        assertThatThrownBy(() -> Reorder.move(ORDER, new UUID(9, 9), 1))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("not in the order");
        assertThatThrownBy(() -> Reorder.move(ORDER, A, 0))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("use 1 to 5");
        assertThatThrownBy(() -> Reorder.move(ORDER, A, 6))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("out of range");
        assertThatThrownBy(() -> Reorder.move(List.of(A, B, A), A, 1))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("listed twice");
        assertThatThrownBy(() -> Reorder.move(ORDER, C, 1, Set.of(C)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("is locked at position 3");
        assertThatThrownBy(() -> Reorder.move(ORDER, A, 3, Set.of(C)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("position 3 is held by locked");
        assertThatThrownBy(() -> Reorder.move(ORDER, A, 2, Set.of(new UUID(9, 9))))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("locked injection");
        assertThatThrownBy(() -> Reorder.move(null, A, 1)).isInstanceOf(IllegalArgumentException.class);
    }

    @Property(tries = 300)
    void aMovePutsTheInjectionWhereAskedAndKeepsEverythingElse(@ForAll @IntRange(min = 1, max = 30) int n,
            @ForAll long seed) {
        Random random = new Random(seed);
        List<UUID> order = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            order.add(new UUID(seed, i));
        }
        Set<UUID> locked = new HashSet<>();
        for (UUID id : order) {
            if (random.nextInt(4) == 0) {
                locked.add(id);
            }
        }
        List<UUID> free = order.stream().filter(id -> !locked.contains(id)).toList();
        if (free.isEmpty()) {
            return;
        }
        UUID item = free.get(random.nextInt(free.size()));
        List<Integer> freePositions = new ArrayList<>();
        for (int p = 1; p <= n; p++) {
            if (!locked.contains(order.get(p - 1))) {
                freePositions.add(p);
            }
        }
        int position = freePositions.get(random.nextInt(freePositions.size()));

        List<UUID> moved = Reorder.move(order, item, position, locked);

        assertThat(moved).hasSize(n).containsExactlyInAnyOrderElementsOf(order);
        assertThat(moved.get(position - 1)).isEqualTo(item);
        for (int p = 0; p < n; p++) {
            if (locked.contains(order.get(p))) {
                assertThat(moved.get(p)).isEqualTo(order.get(p));
            }
        }
        List<UUID> othersBefore = free.stream().filter(id -> !id.equals(item)).toList();
        List<UUID> othersAfter = moved.stream().filter(id -> !locked.contains(id) && !id.equals(item)).toList();
        assertThat(othersAfter).isEqualTo(othersBefore);
    }
}
