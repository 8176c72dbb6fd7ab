package io.amends.cases.entity;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.stream.LongStream;
import org.junit.jupiter.api.Test;

class CaseKeyTest {

    @Test
    void theNumberIsPaddedToSixDigitsAndNeverCut() {
        assertThat(ApologyCase.keyFor(2026, 1)).isEqualTo("AMD-2026-000001");
        assertThat(ApologyCase.keyFor(2026, 123_456)).isEqualTo("AMD-2026-123456");
        assertThat(ApologyCase.keyFor(2027, 1_234_567)).isEqualTo("AMD-2027-1234567");
    }

    @Test
    void keysAreWhatTheFormatStringMadeBefore() {
        LongStream.of(0, 9, 10, 99_999, 100_000, 999_999, 1_000_000, Long.MAX_VALUE)
                .forEach(n -> assertThat(ApologyCase.keyFor(2026, n)).isEqualTo(String.format("AMD-%d-%06d", 2026, n)));
    }
}
