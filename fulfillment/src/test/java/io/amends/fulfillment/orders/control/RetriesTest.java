package io.amends.fulfillment.orders.control;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.doubles;
import static org.quicktheories.generators.SourceDSL.integers;

import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

class RetriesTest {

    private static final Retries RETRIES = new Retries(8, Duration.ofSeconds(10), Duration.ofMinutes(30), 0.5);
    private static final Instant NOW = Instant.parse("2026-11-25T10:00:00Z");

    @ParameterizedTest(name = "after {0} failure(s) the wait is at most {1}")
    @CsvSource(textBlock = """
            1,  PT10S
            2,  PT20S
            3,  PT40S
            4,  PT1M20S
            5,  PT2M40S
            6,  PT5M20S
            7,  PT10M40S
            8,  PT21M20S
            9,  PT30M
            40, PT30M
            """)
    void theCeilingDoublesFromTheBaseDelayUpToTheLongestDelay(int failures, Duration ceiling) {
        assertThat(RETRIES.ceiling(failures)).isEqualTo(ceiling);
    }

    @Test
    void theCeilingNeverOverflowsHoweverManyFailures() {
        assertThat(RETRIES.ceiling(Integer.MAX_VALUE)).isEqualTo(Duration.ofMinutes(30));
    }

    @Test
    void everyDelayLiesBetweenTheCeilingLessTheJitterAndTheCeiling() {
        qt().forAll(integers().between(1, 60), doubles().between(0, 0.999_999_999)).checkAssert((failures, random) -> {
            Duration ceiling = RETRIES.ceiling(failures);
            Duration delay = RETRIES.delay(failures, random);
            assertThat(delay).isLessThanOrEqualTo(ceiling);
            assertThat(delay.toMillis()).isGreaterThanOrEqualTo(ceiling.toMillis() / 2);
        });
    }

    @Test
    void theJitterSpreadsDelaysAcrossTheirWholeRange() {
        assertThat(RETRIES.delay(3, 0.0)).isEqualTo(Duration.ofSeconds(40));
        assertThat(RETRIES.delay(3, 0.5)).isEqualTo(Duration.ofSeconds(30));
        assertThat(RETRIES.delay(3, 0.999_999)).isEqualTo(Duration.ofSeconds(20));
    }

    @Test
    void withoutJitterTheDelayIsExactlyTheCeiling() {
        Retries exact = new Retries(3, Duration.ofSeconds(1), Duration.ofSeconds(60), 0);
        qt().forAll(integers().between(1, 10), doubles().between(0, 0.999)).checkAssert((failures, random) ->
                assertThat(exact.delay(failures, random)).isEqualTo(exact.ceiling(failures)));
    }

    @Test
    void thereIsANextAttemptUntilTheLimitAndNoneAfter() {
        for (int failures = 1; failures < 8; failures++) {
            assertThat(RETRIES.retryAt(failures, NOW, 0.0)).isEqualTo(NOW.plus(RETRIES.ceiling(failures)));
        }
        assertThat(RETRIES.retryAt(8, NOW, 0.0)).isNull();
        assertThat(RETRIES.retryAt(9, NOW, 0.0)).isNull();
    }

    @Test
    void nonsenseSettingsAreRefused() {
        assertThatThrownBy(() -> new Retries(0, Duration.ofSeconds(1), Duration.ofSeconds(2), 0.5)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new Retries(3, Duration.ZERO, Duration.ofSeconds(2), 0.5)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new Retries(3, Duration.ofSeconds(5), Duration.ofSeconds(2), 0.5)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new Retries(3, Duration.ofSeconds(1), Duration.ofSeconds(2), 1.5)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> RETRIES.delay(1, 1.0)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> RETRIES.ceiling(0)).isInstanceOf(IllegalArgumentException.class);
    }
}
