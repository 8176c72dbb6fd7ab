package io.amends.fulfillment.orders.boundary;

/**
 * What handing over an order gives back. {@code discountCode} is set for discount-code orders only: the code is
 * issued at once and is the gift, so such an order is {@code DELIVERED} from the start.
 */
public record OrderReceipt(long orderId, String status, String discountCode) {
}
