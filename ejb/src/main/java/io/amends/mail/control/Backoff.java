package io.amends.mail.control;

import java.time.Duration;

/**
 * How long to wait before the next attempt to send a mail: doubling from {@code initial} with each failed attempt,
 * never longer than {@code max}. There is no last attempt: a mail server that is down delays mail, it never drops it.
 */
public record Backoff(Duration initial, Duration max) {

    public Backoff {
        if (initial.isNegative() || initial.isZero() || max.compareTo(initial) < 0) {
            throw new IllegalArgumentException("The backoff needs 0 < initial <= max");
        }
    }

    /** The wait after the {@code attempts}-th failed attempt (1 for the first failure). */
    public Duration after(int attempts) {
        int doublings = Math.max(0, Math.min(attempts - 1, 30));
        Duration wait = initial.multipliedBy(1L << Math.min(doublings, 20));
        return wait.compareTo(max) > 0 ? max : wait;
    }
}
