package io.amends.accounts.boundary;

import io.amends.accounts.entity.LtvChange;
import io.amends.accounts.entity.Tier;
import java.time.Instant;

/**
 * The lifetime value of an account at a moment, with the change it comes from (null when there was none yet, and the
 * value is 0) and the tier that value earns under today's thresholds.
 */
public record LtvInForce(long accountId, Instant at, String currency, long ltvMinor, Tier tier, LtvChange change) {
}
