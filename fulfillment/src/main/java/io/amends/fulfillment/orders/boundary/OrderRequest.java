package io.amends.fulfillment.orders.boundary;

import io.amends.fulfillment.NoNul;
import io.amends.fulfillment.catalog.entity.GiftKind;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.PositiveOrZero;
import jakarta.validation.constraints.Size;

/**
 * One gift to send, as the party that decided it hands it over.
 *
 * @param idempotencyKey the same key always means the same order: handing it over again is a no-op (e.g. {@code proposal:123})
 * @param reference      opaque to fulfillment; every event about the order carries it back
 * @param catalogItemId  for gifts; null for a discount code
 * @param discount       for a discount code only
 * @param costMinor      what the order costs, in minor units of {@code currency}, as the caller accounted for it
 */
public record OrderRequest(@NotBlank @Size(max = 120) @NoNul String idempotencyKey,
                           @NotBlank @Size(max = 120) @NoNul String reference,
                           @NotNull GiftKind kind,
                           Long catalogItemId,
                           @NotNull @Valid Recipient recipient,
                           @Size(max = 2000) @NoNul String message,
                           @Size(max = 200) @NoNul String senderName,
                           @PositiveOrZero long costMinor,
                           @NotNull @Pattern(regexp = "[A-Z]{3}", message = "must be a three-letter currency code") String currency,
                           @Valid DiscountTerms discount) {
}
