package io.amends.fulfillment.orders.boundary;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Positive;
import java.time.Instant;

/**
 * What a discount code is worth and for how long: {@code value} is a percentage (1..100) for {@link DiscountType#PERCENT}
 * or minor units of {@code currency} for {@link DiscountType#AMOUNT}; {@code currency} is ignored for percentages.
 */
public record DiscountTerms(@NotNull DiscountType type,
                            @Positive long value,
                            String currency,
                            @NotNull Instant expiresAt,
                            @Min(1) @Max(10_000) int redemptionLimit) {
}
