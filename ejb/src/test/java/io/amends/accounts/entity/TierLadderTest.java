package io.amends.accounts.entity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.EnumMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class TierLadderTest {

    static final TierLadder LADDER = TierLadder.of(Map.of(Tier.PLATINUM, 50_000_000L, Tier.GOLD, 10_000_000L,
            Tier.SILVER, 1_000_000L, Tier.BRONZE, 0L));

    @ParameterizedTest
    @CsvSource({
        "0, BRONZE", "999999, BRONZE", "1000000, SILVER", "9999999, SILVER", "10000000, GOLD", "49999999, GOLD",
        "50000000, PLATINUM", "9223372036854775807, PLATINUM"})
    void aValueExactlyAtAThresholdEarnsThatTier(long ltvMinor, Tier expected) {
        assertThat(LADDER.tierOf(ltvMinor)).isEqualTo(expected);
    }

    @Test
    void theThresholdsAreListedHighestTierFirst() {
        assertThat(LADDER.minimums().keySet()).containsExactly(Tier.PLATINUM, Tier.GOLD, Tier.SILVER, Tier.BRONZE);
    }

    @Test
    void bronzeStartsAtZero() {
        assertThatThrownBy(() -> TierLadder.of(with(Tier.BRONZE, 1L))).hasMessageContaining("BRONZE starts at 0");
    }

    @Test
    void thresholdsFallStrictly() {
        assertThatThrownBy(() -> TierLadder.of(with(Tier.GOLD, 1_000_000L))).hasMessageContaining("GOLD (1000000) is not above SILVER");
        assertThatThrownBy(() -> TierLadder.of(with(Tier.PLATINUM, 5L))).hasMessageContaining("PLATINUM (5) is not above GOLD");
    }

    @Test
    void everyTierNeedsAThresholdAndNoneIsNegative() {
        Map<Tier, Long> missing = with(Tier.GOLD, 1L);
        missing.remove(Tier.GOLD);
        assertThatThrownBy(() -> TierLadder.of(missing)).hasMessageContaining("GOLD has none");
        assertThatThrownBy(() -> TierLadder.of(with(Tier.SILVER, -1L))).hasMessageContaining("never negative");
    }

    private static Map<Tier, Long> with(Tier tier, Long minimum) {
        Map<Tier, Long> minimums = new EnumMap<>(LADDER.minimums());
        minimums.put(tier, minimum);
        return minimums;
    }
}
