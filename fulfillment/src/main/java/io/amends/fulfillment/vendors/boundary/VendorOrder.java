package io.amends.fulfillment.vendors.boundary;

import io.amends.fulfillment.catalog.entity.GiftKind;
import io.amends.fulfillment.orders.boundary.Recipient;
import java.time.Instant;

/**
 * An order as a vendor gets it.
 *
 * @param idempotencyKey the same for every attempt to send this order; vendors honour it as {@code Idempotency-Key}
 * @param orderId        Amends' order id, which vendors may echo as their external reference
 * @param sku            the vendor's product: a card design, a bouquet
 */
public record VendorOrder(String idempotencyKey, long orderId, GiftKind kind, String sku, Recipient recipient, String message,
                          String senderName, Instant placedAt) {
}
