package io.amends.fulfillment.vendors.boundary;

import io.amends.fulfillment.orders.entity.OrderStatus;

/**
 * What a vendor says about one of its orders, from a callback or a status query. {@code status} is {@code SUBMITTED}
 * when the vendor has the order but nothing new to say, or null when its word is not one we know.
 */
public record VendorUpdate(String vendorOrderId, OrderStatus status, String detail) {
}
