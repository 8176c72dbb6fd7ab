package io.amends.fulfillment.discounts.boundary;

import io.amends.fulfillment.orders.boundary.DiscountType;
import java.time.Instant;

/**
 * An administrator issued a goodwill discount code by hand, outside any compensation proposal. Fired in the issuing
 * transaction, so the audit entry an observer writes commits with the code.
 *
 * @param shortenedCode the code's first group only ({@code AMD-7KQ4…}): the whole code is a bearer secret
 */
public record GoodwillCodeIssued(long codeId, String shortenedCode, String reference, String reason, String issuedBy, DiscountType type,
                                 long value, String currency, Instant expiresAt, int redemptionLimit, Instant at) {
}
