package io.amends.accounts.boundary;

import io.amends.accounts.entity.LtvSource;
import jakarta.validation.constraints.PositiveOrZero;
import jakarta.validation.constraints.Size;
import java.time.Instant;

/**
 * A lifetime value from outside (the CRM), in minor units or as a decimal in the account's currency, never both.
 *
 * @param amountMinor the value in minor units (cents), e.g. {@code 1250000} for EUR 12,500.00
 * @param amount      the value as a plain decimal string in the account's currency, e.g. {@code "12500.00"}
 * @param effectiveAt when the value took effect; empty means now, never later than now
 * @param source      {@code CRM_API} (the default) or {@code MANUAL}; imports and demo data have their own way in
 */
public record LtvEntry(
        @PositiveOrZero Long amountMinor,
        @Size(max = 30) String amount,
        Instant effectiveAt,
        LtvSource source) {
}
