package io.amends.mail.control;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class BackoffTest {

    private final Backoff backoff = new Backoff(Duration.ofSeconds(5), Duration.ofMinutes(10));

    @Test
    void theWaitDoublesWithEachFailureUpToTheMaximum() {
        assertThat(backoff.after(1)).isEqualTo(Duration.ofSeconds(5));
        assertThat(backoff.after(2)).isEqualTo(Duration.ofSeconds(10));
        assertThat(backoff.after(3)).isEqualTo(Duration.ofSeconds(20));
        assertThat(backoff.after(7)).isEqualTo(Duration.ofSeconds(320));
        assertThat(backoff.after(8)).isEqualTo(Duration.ofMinutes(10));
        assertThat(backoff.after(1_000_000)).isEqualTo(Duration.ofMinutes(10));
    }

    @Test
    void thereIsNoLastAttemptOnlyALongestWait() {
        for (int attempt = 0; attempt < 100; attempt++) {
            assertThat(backoff.after(attempt)).isPositive().isLessThanOrEqualTo(Duration.ofMinutes(10));
            assertThat(backoff.after(attempt + 1)).isGreaterThanOrEqualTo(backoff.after(attempt));
        }
    }

    @Test
    void aBackoffNeedsAPositiveStartBelowItsMaximum() {
        assertThatThrownBy(() -> new Backoff(Duration.ZERO, Duration.ofMinutes(1))).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new Backoff(Duration.ofMinutes(2), Duration.ofMinutes(1))).isInstanceOf(IllegalArgumentException.class);
    }
}
