package io.amends.fulfillment.discounts.entity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.amends.fulfillment.discounts.control.CodeGenerator;
import io.amends.fulfillment.orders.boundary.DiscountTerms;
import io.amends.fulfillment.orders.boundary.DiscountType;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class DiscountCodeTest {

    static final Instant NOW = Instant.parse("2026-11-25T10:00:00Z");
    static final Instant IN_30_DAYS = NOW.plus(Duration.ofDays(30));
    final String code = new CodeGenerator().next();

    private DiscountCode code(DiscountTerms terms) {
        return new DiscountCode(code, terms, "proposal:1", "order:proposal:1", null, NOW);
    }

    @Test
    void aCodeIsValidUntilItExpiresOrIsUsedUp() {
        DiscountCode twice = code(new DiscountTerms(DiscountType.PERCENT, 15, null, IN_30_DAYS, 2));

        assertThat(twice.statusAt(NOW)).isEqualTo(CodeStatus.VALID);
        assertThat(twice.redeem(NOW)).isEqualTo(1);
        assertThat(twice.remaining()).isEqualTo(1);
        assertThat(twice.redeem(NOW)).isEqualTo(2);
        assertThat(twice.statusAt(NOW)).isEqualTo(CodeStatus.USED_UP);
        assertThatThrownBy(() -> twice.redeem(NOW)).isInstanceOf(IllegalStateException.class);

        DiscountCode once = code(new DiscountTerms(DiscountType.AMOUNT, 2500, "eur", IN_30_DAYS, 1));
        assertThat(once.statusAt(IN_30_DAYS.minusNanos(1000))).isEqualTo(CodeStatus.VALID);
        assertThat(once.statusAt(IN_30_DAYS)).isEqualTo(CodeStatus.EXPIRED);
        assertThatThrownBy(() -> once.redeem(IN_30_DAYS)).isInstanceOf(IllegalStateException.class);
        assertThat(once.getCurrency()).isEqualTo("EUR");
    }

    @Test
    void termsThatMakeNoSenseAreRefused() {
        assertThatThrownBy(() -> code(new DiscountTerms(DiscountType.PERCENT, 101, null, IN_30_DAYS, 1))).hasMessageContaining("1 to 100");
        assertThatThrownBy(() -> code(new DiscountTerms(DiscountType.PERCENT, 0, null, IN_30_DAYS, 1))).hasMessageContaining("1 to 100");
        assertThatThrownBy(() -> code(new DiscountTerms(DiscountType.AMOUNT, 500, null, IN_30_DAYS, 1))).hasMessageContaining("currency");
        assertThatThrownBy(() -> code(new DiscountTerms(DiscountType.AMOUNT, 500, "EUR", NOW, 1))).hasMessageContaining("future");
        assertThatThrownBy(() -> code(new DiscountTerms(DiscountType.AMOUNT, 500, "EUR", IN_30_DAYS, 0))).hasMessageContaining("at least once");
        assertThatThrownBy(() -> new DiscountCode("AMD-NOT-A-CODE", new DiscountTerms(DiscountType.PERCENT, 10, null, IN_30_DAYS, 1),
                "r", "x", null, NOW)).hasMessageContaining("canonical");
    }

    @Test
    void aPercentageKeepsNoCurrencyAndTheCodeIsShownShortened() {
        DiscountCode percent = code(new DiscountTerms(DiscountType.PERCENT, 10, "EUR", IN_30_DAYS, 1));

        assertThat(percent.getCurrency()).isNull();
        assertThat(percent.describeValue()).isEqualTo("10 %");
        assertThat(percent.shortened()).isEqualTo(code.substring(0, 8) + "…").doesNotContain(code.substring(9));
    }
}
