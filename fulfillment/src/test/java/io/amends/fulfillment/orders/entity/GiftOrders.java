package io.amends.fulfillment.orders.entity;

import io.amends.fulfillment.catalog.entity.GiftKind;
import io.amends.fulfillment.orders.boundary.Recipient;
import java.time.Instant;
import java.util.UUID;

/** Test data: gift orders as the outbox would hold them. */
public final class GiftOrders {

    public static final Instant T0 = Instant.parse("2026-11-25T10:00:00Z");
    public static final Recipient JANE = new Recipient("Jane Doe", "1 Main Street", "10115", "Berlin", "DE", "jane@example.com");

    private GiftOrders() {
    }

    public static GiftOrder roses() {
        return GiftOrder.gift("proposal:" + UUID.randomUUID(), "proposal:123", GiftKind.FLOWERS, 1L, "florist", "FL-ROSES-12", JANE,
                "We are sorry we billed you twice.", "Alice Account", 4500, "EUR", T0);
    }

    public static GiftOrder card(String message) {
        return GiftOrder.gift("proposal:" + UUID.randomUUID(), "proposal:124", GiftKind.HANDWRITTEN_CARD, 6L, "handwrytten", "2411", JANE,
                message, "Alice Account", 650, "USD", T0);
    }

    /** An order the vendor has, as {@code FL-1}. */
    public static GiftOrder submitted() {
        GiftOrder order = roses();
        order.submitted("FL-1", T0.plusSeconds(5), T0.plusSeconds(905));
        return order;
    }
}
