package io.amends.fulfillment.vendors.control;

import io.amends.fulfillment.orders.control.Dispatching;
import io.amends.fulfillment.orders.control.Retries;
import io.amends.fulfillment.orders.control.VendorAnswer;
import io.amends.fulfillment.orders.entity.GiftOrder;
import io.amends.fulfillment.orders.entity.OrderStatus;
import io.amends.fulfillment.vendors.boundary.Vendor;
import io.amends.fulfillment.vendors.boundary.VendorOrder;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * The dispatcher's rounds for one order, without a server: call the vendor when the order is due, apply the same
 * rules ({@link Dispatching}) the dispatcher applies, and jump the clock to the next attempt.
 */
final class Outbox {

    static final Retries RETRIES = new Retries(5, Duration.ofSeconds(10), Duration.ofMinutes(5), 0.5);
    static final Dispatching DISPATCHING = new Dispatching(RETRIES, Duration.ofMinutes(15), Duration.ofDays(30), () -> 0.3);

    private Outbox() {
    }

    static VendorOrder payload(GiftOrder order) {
        return new VendorOrder(order.getIdempotencyKey(), 4711L, order.getKind(), order.getSku(), order.getRecipient(), order.getMessage(),
                order.getSenderName(), order.getCreatedAt());
    }

    /** One attempt at the order's next attempt time. */
    static GiftOrder.Step sendOnce(Vendor vendor, GiftOrder order) {
        Instant now = order.getNextAttemptAt();
        return DISPATCHING.afterSend(order, VendorAnswer.of(() -> vendor.submit(payload(order))), now);
    }

    /** Sends until the order is no longer waiting to be sent; returns every step. */
    static List<GiftOrder.Step> sendUntilSettled(Vendor vendor, GiftOrder order) {
        List<GiftOrder.Step> steps = new ArrayList<>();
        for (int round = 0; round < 50 && order.getStatus() == OrderStatus.PENDING && order.getNextAttemptAt() != null; round++) {
            steps.add(sendOnce(vendor, order));
        }
        return steps;
    }
}
