package io.amends.fulfillment.orders.entity;

import static io.amends.fulfillment.orders.entity.OrderStatus.ACCEPTED;
import static io.amends.fulfillment.orders.entity.OrderStatus.CANCELLED;
import static io.amends.fulfillment.orders.entity.OrderStatus.DELIVERED;
import static io.amends.fulfillment.orders.entity.OrderStatus.FAILED;
import static io.amends.fulfillment.orders.entity.OrderStatus.PENDING;
import static io.amends.fulfillment.orders.entity.OrderStatus.SHIPPED;
import static io.amends.fulfillment.orders.entity.OrderStatus.SUBMITTED;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.EnumSet;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class OrderStatusTest {

    /** The whole table of allowed moves: everything not listed is refused. */
    private static Set<OrderStatus> allowedFrom(OrderStatus from) {
        return switch (from) {
            case PENDING -> EnumSet.of(SUBMITTED, FAILED, CANCELLED);
            case SUBMITTED -> EnumSet.of(ACCEPTED, SHIPPED, DELIVERED, FAILED, CANCELLED);
            case ACCEPTED -> EnumSet.of(SHIPPED, DELIVERED, FAILED, CANCELLED);
            case SHIPPED -> EnumSet.of(DELIVERED, FAILED);
            case DELIVERED, FAILED, CANCELLED -> EnumSet.noneOf(OrderStatus.class);
        };
    }

    @ParameterizedTest
    @EnumSource(OrderStatus.class)
    void eachStatusMovesOnlyToTheStatusesTheLifecycleAllows(OrderStatus from) {
        for (OrderStatus to : OrderStatus.values()) {
            assertThat(from.canMoveTo(to)).as(from + " -> " + to).isEqualTo(allowedFrom(from).contains(to));
        }
    }

    @Test
    void noStatusMovesBackwardsAlongTheHappyPath() {
        OrderStatus[] path = {PENDING, SUBMITTED, ACCEPTED, SHIPPED, DELIVERED};
        for (int later = 1; later < path.length; later++) {
            for (int earlier = 0; earlier <= later; earlier++) {
                assertThat(path[later].canMoveTo(path[earlier])).as(path[later] + " -> " + path[earlier]).isFalse();
            }
        }
    }

    @ParameterizedTest
    @EnumSource(value = OrderStatus.class, names = {"DELIVERED", "FAILED", "CANCELLED"})
    void finalStatusesAreFinal(OrderStatus status) {
        assertThat(status.isFinal()).isTrue();
        assertThat(status.isWithVendor()).isFalse();
        assertThat(status.isCancellable()).isFalse();
    }

    @Test
    void onlyOrdersNotYetShippedCanBeCancelled() {
        assertThat(EnumSet.allOf(OrderStatus.class).stream().filter(OrderStatus::isCancellable))
                .containsExactlyInAnyOrder(PENDING, SUBMITTED, ACCEPTED);
        for (OrderStatus status : OrderStatus.values()) {
            assertThat(status.canMoveTo(CANCELLED)).as(status.name()).isEqualTo(status.isCancellable());
        }
    }
}
