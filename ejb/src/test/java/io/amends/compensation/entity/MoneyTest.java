package io.amends.compensation.entity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import jakarta.persistence.Embeddable;
import java.lang.reflect.Constructor;
import java.lang.reflect.Modifier;
import java.math.BigDecimal;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

class MoneyTest {

    @ParameterizedTest(name = "{0} {1} is {2} minor units")
    @CsvSource({
            "EUR, 12.50, 1250",
            "EUR, 12.5,  1250",
            "EUR, 12,    1200",
            "EUR, 0,     0",
            "EUR, 0.01,  1",
            "EUR, ' 7.00 ', 700",
            "JPY, 1234,  1234",
            "BHD, 1.234, 1234",
            "EUR, 92233720368547758.07, 9223372036854775807"
    })
    void parsesPlainDecimalsIntoMinorUnits(String currency, String text, long minor) {
        assertThat(Money.parse(currency, text)).isEqualTo(Money.of(currency, minor));
    }

    @ParameterizedTest(name = "{0} {1} is refused: {2}")
    @CsvSource({
            "EUR, 12.505, has 3",
            "EUR, 12.500, has 3",
            "JPY, 12.5,   has 0 decimals",
            "EUR, -1.00,  never negative",
            "EUR, '1,234.50', Not an amount",
            "EUR, 1e3,    Not an amount",
            "EUR, .5,     Not an amount",
            "EUR, +5,     Not an amount",
            "EUR, abc,    Not an amount",
            "EUR, 92233720368547758.08, too large"
    })
    void refusesAmbiguousNegativeOrOversizedText(String currency, String text, String reason) {
        assertThatThrownBy(() -> Money.parse(currency, text))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining(reason);
    }

    @ParameterizedTest
    @NullAndEmptySource
    @ValueSource(strings = {" "})
    void refusesMissingText(String text) {
        assertThatThrownBy(() -> Money.parse("EUR", text)).isInstanceOf(IllegalArgumentException.class);
    }

    @ParameterizedTest(name = "currency ''{0}'' is refused: {1}")
    @CsvSource({
            "eur,  three upper-case letters",
            "EURO, three upper-case letters",
            "ABC,  Unknown currency",
            "XXX,  no minor unit",
            "XAU,  no minor unit"
    })
    void refusesAnythingButARealIsoCurrency(String currency, String reason) {
        assertThatThrownBy(() -> Money.of(currency, 1))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining(reason);
    }

    @Test
    void refusesAMissingCurrency() {
        assertThatThrownBy(() -> Money.zero(null))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("A currency is required");
    }

    @Test
    void isNeverNegative() {
        assertThatThrownBy(() -> Money.of("EUR", -1))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("never negative");
        assertThatThrownBy(() -> eur("3.00").minus(eur("5.00")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("Cannot take EUR 5.00 from EUR 3.00: money is never negative");
        assertThatThrownBy(() -> eur("3.00").times(-1)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void addsAndSubtractsExactly() {
        assertThat(eur("0.10").plus(eur("0.20"))).isEqualTo(eur("0.30"));
        assertThat(eur("5.00").minus(eur("5.00"))).isEqualTo(Money.zero("EUR"));
        assertThat(eur("1234.56").minus(eur("0.57"))).isEqualTo(eur("1233.99"));
    }

    @Test
    void refusesToOverflowInsteadOfWrappingAround() {
        Money largest = Money.of("EUR", Long.MAX_VALUE);
        assertThatThrownBy(() -> largest.plus(Money.of("EUR", 1)))
                .isInstanceOf(ArithmeticException.class)
                .hasMessageContaining("too large");
        assertThatThrownBy(() -> largest.times(10_001))
                .isInstanceOf(ArithmeticException.class)
                .hasMessageContaining("too large");
        // The intermediate product overflows a long, but the result fits.
        assertThat(largest.times(5_000)).isEqualTo(Money.of("EUR", Long.MAX_VALUE / 2 + 1));
    }

    @ParameterizedTest(name = "{0} minor × {1} bp = {2} minor")
    @CsvSource({
            "1,     5000,  1",
            "3,     5000,  2",
            "1,     4999,  0",
            "12345, 250,   309",
            "10000, 10000, 10000",
            "10000, 15000, 15000",
            "999,   0,     0"
    })
    void multipliesByBasisPointsRoundingHalfUp(long minor, long basisPoints, long expected) {
        assertThat(Money.of("EUR", minor).times(basisPoints)).isEqualTo(Money.of("EUR", expected));
    }

    @Test
    void refusesToMixCurrenciesWithAClearMessage() {
        assertThatThrownBy(() -> eur("1.00").plus(Money.parse("USD", "1.00")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("Currency mismatch")
                .hasMessageContaining("EUR 1.00")
                .hasMessageContaining("USD 1.00");
        assertThatThrownBy(() -> eur("1.00").isGreaterThan(Money.parse("GBP", "0.50")))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> eur("1.00").minus(Money.parse("GBP", "0.50")))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void comparesWithinOneCurrency() {
        assertThat(eur("2.00").isGreaterThan(eur("1.99"))).isTrue();
        assertThat(eur("2.00").isGreaterThan(eur("2.00"))).isFalse();
        assertThat(eur("1.99").isLessThan(eur("2.00"))).isTrue();
        assertThat(eur("2.00")).isEqualByComparingTo(eur("2.0"));
        assertThat(eur("2.00").max(eur("3.00"))).isEqualTo(eur("3.00"));
        assertThat(Money.zero("EUR").isZero()).isTrue();
    }

    @ParameterizedTest(name = "{0} {1} formats as {2}")
    @CsvSource(delimiter = '|', value = {
            "EUR | 123450    | EUR 1,234.50",
            "EUR | 0         | EUR 0.00",
            "EUR | 5         | EUR 0.05",
            "EUR | 99999     | EUR 999.99",
            "EUR | 100000    | EUR 1,000.00",
            "JPY | 1234567   | JPY 1,234,567",
            "BHD | 1234      | BHD 1.234",
            "EUR | 9223372036854775807 | EUR 92,233,720,368,547,758.07"
    })
    void formatsForPeopleIndependentlyOfTheLocale(String currency, long minor, String expected) {
        assertThat(Money.of(currency, minor).format()).isEqualTo(expected);
        assertThat(Money.of(currency, minor)).hasToString(expected);
    }

    @Test
    void isAValueWhoseEqualityIsAmountAndCurrency() {
        assertThat(eur("12.50")).isEqualTo(Money.of("EUR", 1250)).hasSameHashCodeAs(Money.of("EUR", 1250));
        assertThat(eur("12.50")).isNotEqualTo(Money.parse("USD", "12.50")).isNotEqualTo(eur("12.51"));
        assertThat(eur("12.50").toBigDecimal()).isEqualTo(new BigDecimal("12.50"));
        assertThat(Money.parse("JPY", "12").fractionDigits()).isZero();
    }

    @Test
    void isAnEmbeddableWithTheProtectedConstructorJpaNeeds() throws NoSuchMethodException {
        assertThat(Money.class.isAnnotationPresent(Embeddable.class)).isTrue();
        Constructor<Money> forJpa = Money.class.getDeclaredConstructor();
        assertThat(Modifier.isProtected(forJpa.getModifiers())).isTrue();
    }

    private static Money eur(String amount) {
        return Money.parse("EUR", amount);
    }
}
