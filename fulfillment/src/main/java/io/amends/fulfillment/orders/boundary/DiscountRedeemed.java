package io.amends.fulfillment.orders.boundary;

import java.time.Instant;

/**
 * A storefront redeemed a discount code for one of its orders. Fired once per redemption (not for a repeated,
 * idempotent request) in the redeeming transaction.
 *
 * @param code                      the canonical code; log it shortened, it is a bearer secret
 * @param reference                 the reference of the order (or goodwill issue) that created the code
 * @param storefrontOrderReference  the storefront's own order number
 * @param redemptionsSoFar          including this one
 */
public record DiscountRedeemed(String code, String reference, String storefrontOrderReference, int redemptionsSoFar, Instant at) {
}
