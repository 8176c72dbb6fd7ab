package io.amends.fulfillment.orders.control;

import static io.amends.fulfillment.orders.entity.GiftOrders.T0;
import static org.assertj.core.api.Assertions.assertThat;

import io.amends.fulfillment.orders.entity.GiftOrder;
import io.amends.fulfillment.orders.entity.GiftOrders;
import io.amends.fulfillment.orders.entity.OrderStatus;
import io.amends.fulfillment.vendors.boundary.VendorRejection;
import io.amends.fulfillment.vendors.boundary.VendorUnavailable;
import io.amends.fulfillment.vendors.boundary.VendorUpdate;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class DispatchingTest {

    static final Retries RETRIES = new Retries(4, Duration.ofSeconds(10), Duration.ofMinutes(5), 0.5);
    static final Dispatching DISPATCHING = new Dispatching(RETRIES, Duration.ofMinutes(15), Duration.ofDays(30), () -> 0.0);

    @Test
    void anAnsweredSendSubmitsTheOrderAndSchedulesTheFirstStatusQuery() {
        GiftOrder order = GiftOrders.roses();

        GiftOrder.Step step = DISPATCHING.afterSend(order, VendorAnswer.of(() -> "FL-77"), T0);

        assertThat(step.to()).isEqualTo(OrderStatus.SUBMITTED);
        assertThat(order.getVendorOrderId()).isEqualTo("FL-77");
        assertThat(order.getNextAttemptAt()).isEqualTo(T0.plus(Duration.ofMinutes(15)));
        assertThat(order.nextAction()).isEqualTo(GiftOrder.Action.POLL);
    }

    @Test
    void theVendorsFinalNoFailsTheOrderAtOnceWithoutARetry() {
        GiftOrder order = GiftOrders.roses();

        GiftOrder.Step step = DISPATCHING.afterSend(order, VendorAnswer.of(() -> {
            throw new VendorRejection("florist refused the order with HTTP 422: unknown postal code");
        }), T0);

        assertThat(step.to()).isEqualTo(OrderStatus.FAILED);
        assertThat(step.detail()).contains("rejected").contains("unknown postal code");
        assertThat(order.getNextAttemptAt()).isNull();
        assertThat(order.getAttempts()).isZero();
    }

    @Test
    void noAnswerIsRetriedWithGrowingDelaysUntilTheLimitThenFails() {
        GiftOrder order = GiftOrders.roses();
        Instant now = T0;
        VendorAnswer<String> down = VendorAnswer.of(() -> {
            throw new VendorUnavailable("florist answered the order with HTTP 503");
        });
        for (int failure = 1; failure < 4; failure++) {
            GiftOrder.Step note = DISPATCHING.afterSend(order, down, now);
            assertThat(note.isChange()).isFalse();
            assertThat(note.detail()).contains("Attempt " + failure).contains("503");
            assertThat(order.getNextAttemptAt()).isEqualTo(now.plus(RETRIES.ceiling(failure)));
            now = order.getNextAttemptAt();
        }
        GiftOrder.Step last = DISPATCHING.afterSend(order, down, now);

        assertThat(last.to()).isEqualTo(OrderStatus.FAILED);
        assertThat(last.detail()).contains("Gave up after 4 attempts");
        assertThat(order.getNextAttemptAt()).isNull();
    }

    @Test
    void anyUnexpectedExceptionCountsAsNoAnswer() {
        VendorAnswer<String> answer = VendorAnswer.of(() -> {
            throw new IllegalStateException("connection reset");
        });

        assertThat(answer).isInstanceOf(VendorAnswer.Unavailable.class);
        assertThat(((VendorAnswer.Unavailable<String>) answer).reason()).isEqualTo("connection reset");
    }

    @Test
    void aRejectionWrappedByTheContainerIsStillARejection() {
        VendorAnswer<String> answer = VendorAnswer.of(() -> {
            throw new jakarta.ejb.EJBException(new VendorRejection("no such SKU"));
        });

        assertThat(answer).isInstanceOf(VendorAnswer.Refused.class);
    }

    @Test
    void aStatusQueryWithNewsMovesTheOrderOnAndWithoutNewsOnlyReschedules() {
        GiftOrder order = GiftOrders.submitted();
        Instant later = T0.plus(Duration.ofMinutes(20));

        assertThat(DISPATCHING.afterPoll(order, VendorAnswer.of(() -> new VendorUpdate("FL-1", OrderStatus.SUBMITTED, "received")), later))
                .isNull();
        assertThat(order.getNextAttemptAt()).isEqualTo(later.plus(Duration.ofMinutes(15)));

        GiftOrder.Step step = DISPATCHING.afterPoll(order, VendorAnswer.of(() -> new VendorUpdate("FL-1", OrderStatus.DELIVERED, "delivered")),
                later.plusSeconds(1));
        assertThat(step.to()).isEqualTo(OrderStatus.DELIVERED);
        assertThat(order.getNextAttemptAt()).isNull();
    }

    @Test
    void aFailedStatusQueryLeavesTheOrderAloneAndAsksAgainSooner() {
        GiftOrder order = GiftOrders.submitted();

        GiftOrder.Step step = DISPATCHING.afterPoll(order, VendorAnswer.of(() -> {
            throw new VendorUnavailable("timeout");
        }), T0.plus(Duration.ofMinutes(20)));

        assertThat(step).isNull();
        assertThat(order.getStatus()).isEqualTo(OrderStatus.SUBMITTED);
        assertThat(order.getNextAttemptAt()).isEqualTo(T0.plus(Duration.ofMinutes(20)).plusSeconds(10));
    }

    @Test
    void afterThePollingPeriodWeStopAsking() {
        GiftOrder order = GiftOrders.submitted();

        GiftOrder.Step step = DISPATCHING.afterPoll(order, VendorAnswer.of(() -> new VendorUpdate("FL-1", OrderStatus.SHIPPED, null)),
                T0.plus(Duration.ofDays(31)));

        assertThat(step.to()).as("the news is still taken").isEqualTo(OrderStatus.SHIPPED);
        assertThat(order.getNextAttemptAt()).isNull();
    }

    @Test
    void aCancellationTheVendorRefusesEndsTheRequestAndTheOrderGoesOn() {
        GiftOrder order = GiftOrders.submitted();
        order.cancel(T0.plusSeconds(30));

        GiftOrder.Step step = DISPATCHING.afterCancel(order, VendorAnswer.of(() -> {
            throw new VendorRejection("already dispatched");
        }), T0.plusSeconds(31));

        assertThat(step.isChange()).isFalse();
        assertThat(step.detail()).contains("already dispatched");
        assertThat(order.isCancelRequested()).isFalse();
        assertThat(order.getStatus()).isEqualTo(OrderStatus.SUBMITTED);
        assertThat(order.nextAction()).isEqualTo(GiftOrder.Action.POLL);
    }

    @Test
    void aConfirmedCancellationCancelsTheOrder() {
        GiftOrder order = GiftOrders.submitted();
        order.cancel(T0.plusSeconds(30));

        assertThat(DISPATCHING.afterCancel(order, VendorAnswer.of(() -> Boolean.TRUE), T0.plusSeconds(31)).to())
                .isEqualTo(OrderStatus.CANCELLED);
    }
}
