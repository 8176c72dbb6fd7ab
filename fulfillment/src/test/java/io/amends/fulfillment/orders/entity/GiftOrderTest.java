package io.amends.fulfillment.orders.entity;

import static io.amends.fulfillment.orders.entity.GiftOrders.JANE;
import static io.amends.fulfillment.orders.entity.GiftOrders.T0;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.amends.fulfillment.catalog.entity.GiftKind;
import io.amends.fulfillment.orders.boundary.Recipient;
import org.junit.jupiter.api.Test;

class GiftOrderTest {

    @Test
    void aNewGiftWaitsInTheOutboxAndIsDueAtOnce() {
        GiftOrder order = GiftOrders.roses();

        assertThat(order.getStatus()).isEqualTo(OrderStatus.PENDING);
        assertThat(order.getNextAttemptAt()).isEqualTo(T0);
        assertThat(order.nextAction()).isEqualTo(GiftOrder.Action.SEND);
        assertThat(order.getAttempts()).isZero();
    }

    @Test
    void aGiftNeedsAPostalAddressAndACardNeedsAMessage() {
        Recipient noStreet = new Recipient("Jane Doe", null, "10115", "Berlin", "DE", null);

        assertThatThrownBy(() -> GiftOrder.gift("k", "r", GiftKind.FLOWERS, 1L, "florist", "S", noStreet, null, null, 1, "EUR", T0))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("postal address");
        assertThatThrownBy(() -> GiftOrders.card(" ")).isInstanceOf(IllegalArgumentException.class).hasMessageContaining("message");
        assertThatThrownBy(() -> GiftOrder.gift("k", "r", GiftKind.DISCOUNT_CODE, 1L, "florist", "S", JANE, null, null, 1, "EUR", T0))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void aDiscountCodeOrderIsDeliveredFromTheStartAndNeverDue() {
        GiftOrder order = GiftOrder.discountCode("k", "proposal:9", 1000L, new Recipient("Jane", null, null, null, "DE", null),
                null, null, 0, "EUR", T0);

        assertThat(order.getStatus()).isEqualTo(OrderStatus.DELIVERED);
        assertThat(order.getNextAttemptAt()).isNull();
        assertThat(order.nextAction()).isEqualTo(GiftOrder.Action.NONE);
        assertThat(order.getVendor()).isEqualTo(GiftOrder.AMENDS);
    }

    @Test
    void vendorReportsMoveTheOrderForwardAndMaySkipAStep() {
        GiftOrder order = GiftOrders.submitted();

        GiftOrder.Step step = order.vendorReported(OrderStatus.SHIPPED, "dispatched", T0.plusSeconds(60), T0.plusSeconds(960));

        assertThat(step.from()).isEqualTo(OrderStatus.SUBMITTED);
        assertThat(step.to()).isEqualTo(OrderStatus.SHIPPED);
        assertThat(step.isChange()).isTrue();
        assertThat(order.getNextAttemptAt()).isEqualTo(T0.plusSeconds(960));
    }

    @Test
    void duplicateAndBackwardReportsAreIgnoredWithAReasonAndRefusedIfForced() {
        GiftOrder order = GiftOrders.submitted();
        order.vendorReported(OrderStatus.SHIPPED, null, T0.plusSeconds(60), T0.plusSeconds(960));

        assertThat(order.ignoredBecause(OrderStatus.SHIPPED)).startsWith("duplicate");
        assertThat(order.ignoredBecause(OrderStatus.ACCEPTED)).startsWith("backwards");
        assertThat(order.ignoredBecause(null)).isNotNull();
        assertThat(order.ignoredBecause(OrderStatus.DELIVERED)).isNull();
        assertThatThrownBy(() -> order.vendorReported(OrderStatus.ACCEPTED, null, T0.plusSeconds(70), null))
                .isInstanceOf(IllegalStateException.class);
        assertThat(order.getStatus()).isEqualTo(OrderStatus.SHIPPED);
    }

    @Test
    void aFinalOrderIgnoresEveryReport() {
        GiftOrder order = GiftOrders.submitted();
        order.vendorReported(OrderStatus.DELIVERED, null, T0.plusSeconds(60), T0.plusSeconds(960));

        assertThat(order.getNextAttemptAt()).as("nothing more to ask").isNull();
        for (OrderStatus status : OrderStatus.values()) {
            assertThat(order.ignoredBecause(status)).as(status.name()).isNotNull();
        }
    }

    @Test
    void aReportAboutAnOrderNotYetSubmittedIsIgnored() {
        assertThat(GiftOrders.roses().ignoredBecause(OrderStatus.ACCEPTED)).contains("not been submitted");
    }

    @Test
    void aPendingOrderIsCancelledAtOnceUnlessItIsBeingSent() {
        GiftOrder idle = GiftOrders.roses();
        GiftOrder.Step step = idle.cancel(T0.plusSeconds(1));
        assertThat(step.to()).isEqualTo(OrderStatus.CANCELLED);
        assertThat(idle.getNextAttemptAt()).isNull();

        GiftOrder beingSent = GiftOrders.roses();
        beingSent.claim("node-a", T0.plusSeconds(300));
        assertThatThrownBy(() -> beingSent.cancel(T0.plusSeconds(1))).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("being sent");
        assertThat(beingSent.cancel(T0.plusSeconds(301)).to()).as("once the lease has run out").isEqualTo(OrderStatus.CANCELLED);
    }

    @Test
    void cancellingASentOrderAsksTheVendorThroughTheOutbox() {
        GiftOrder order = GiftOrders.submitted();

        assertThat(order.cancel(T0.plusSeconds(30))).isNull();

        assertThat(order.isCancelRequested()).isTrue();
        assertThat(order.nextAction()).isEqualTo(GiftOrder.Action.CANCEL);
        assertThat(order.getNextAttemptAt()).isEqualTo(T0.plusSeconds(30));
        assertThat(order.cancelConfirmed(T0.plusSeconds(35)).to()).isEqualTo(OrderStatus.CANCELLED);
        assertThat(order.isCancelRequested()).isFalse();
    }

    @Test
    void aShippedOrderCannotBeCancelled() {
        GiftOrder order = GiftOrders.submitted();
        order.vendorReported(OrderStatus.SHIPPED, null, T0.plusSeconds(60), T0.plusSeconds(960));

        assertThatThrownBy(() -> order.cancel(T0.plusSeconds(61))).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("no longer be cancelled");
    }

    @Test
    void theClaimIsHeldByOneNodeUntilReleased() {
        GiftOrder order = GiftOrders.roses();
        order.claim("node-a", T0.plusSeconds(300));

        assertThat(order.isClaimedBy("node-a")).isTrue();
        assertThat(order.isClaimedBy("node-b")).isFalse();
        assertThat(order.isLeased(T0.plusSeconds(299))).isTrue();
        assertThat(order.isLeased(T0.plusSeconds(300))).isFalse();
        order.release();
        assertThat(order.isClaimedBy("node-a")).isFalse();
    }
}
