package io.amends.fulfillment.orders.control;

import java.time.Duration;
import java.time.Instant;

/**
 * When to try a vendor again: exponential backoff with jitter, and a limit.
 *
 * <p>After the n-th failed attempt the next one waits at most {@code ceiling(n) = min(maxDelay, baseDelay * 2^(n-1))},
 * and at least {@code ceiling(n) * (1 - jitter)}: drawn uniformly in between, so that orders that failed together
 * (a vendor outage) do not all come back at the same second. After {@code maxAttempts} failed attempts there is no
 * next one.
 *
 * @param jitter the share of the delay that is random, 0 (none) to 1 ("full jitter")
 */
public record Retries(int maxAttempts, Duration baseDelay, Duration maxDelay, double jitter) {

    public Retries {
        if (maxAttempts < 1) {
            throw new IllegalArgumentException("At least one attempt");
        }
        if (baseDelay == null || baseDelay.isNegative() || baseDelay.isZero()) {
            throw new IllegalArgumentException("The base delay must be positive");
        }
        if (maxDelay == null || maxDelay.compareTo(baseDelay) < 0) {
            throw new IllegalArgumentException("The longest delay must not be shorter than the base delay");
        }
        if (!(jitter >= 0 && jitter <= 1)) {
            throw new IllegalArgumentException("Jitter is a share between 0 and 1");
        }
    }

    /** The longest wait after {@code failures} failed attempts (1 or more), before jitter. */
    public Duration ceiling(int failures) {
        if (failures < 1) {
            throw new IllegalArgumentException("Count failed attempts from 1");
        }
        long base = baseDelay.toMillis();
        long max = maxDelay.toMillis();
        int doublings = failures - 1;
        // base * 2^doublings, without overflowing: stop doubling once past the cap
        long delay = base;
        for (int i = 0; i < doublings && delay < max; i++) {
            delay *= 2;
        }
        return Duration.ofMillis(Math.min(delay, max));
    }

    /** The wait after {@code failures} failed attempts, for a {@code random} number in [0, 1). */
    public Duration delay(int failures, double random) {
        if (!(random >= 0 && random < 1)) {
            throw new IllegalArgumentException("random must be in [0, 1): " + random);
        }
        long ceiling = ceiling(failures).toMillis();
        long spread = Math.round(ceiling * jitter * random);
        return Duration.ofMillis(ceiling - spread);
    }

    /** When to try again after {@code failures} failed attempts, or null when they are used up. */
    public Instant retryAt(int failures, Instant now, double random) {
        return failures >= maxAttempts ? null : now.plus(delay(failures, random));
    }
}
