package io.amends.fulfillment.orders.boundary;

import io.amends.fulfillment.catalog.entity.GiftKind;
import java.time.Instant;

/**
 * An order moved to a new status ({@code SUBMITTED}, {@code ACCEPTED}, {@code SHIPPED}, {@code DELIVERED},
 * {@code FAILED}, {@code CANCELLED}; a discount-code order is born {@code DELIVERED}). Fired synchronously in the
 * transaction of the change: an observer's writes commit or roll back with it. Not fired for retries or ignored
 * vendor reports, which only add history lines.
 *
 * @param reference the {@link OrderRequest#reference()} the order was placed with
 * @param detail    why, in words an account manager can pass on (the vendor's reason for a failure)
 */
public record OrderChanged(long orderId, String reference, GiftKind kind, String status, String detail, Instant at) {
}
