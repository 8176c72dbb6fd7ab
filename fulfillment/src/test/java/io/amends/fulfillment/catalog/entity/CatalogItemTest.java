package io.amends.fulfillment.catalog.entity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class CatalogItemTest {

    static final Instant NOW = Instant.parse("2026-11-25T10:00:00Z");

    private static CatalogItem roses() {
        return new CatalogItem(GiftKind.FLOWERS, "A dozen red roses", null, "Florist", "FL-ROSES-12", 4900, "eur", List.of("de", " at ", "NL"), NOW);
    }

    @Test
    void anItemIsAvailableInTheCountriesItsVendorDeliversToWhateverTheCase() {
        CatalogItem roses = roses();

        assertThat(roses.availableIn("DE")).isTrue();
        assertThat(roses.availableIn("at")).isTrue();
        assertThat(roses.availableIn("GB")).isFalse();
        assertThat(roses.availableIn(null)).isFalse();
        assertThat(roses.getCountries()).containsExactlyInAnyOrder("AT", "DE", "NL");
        assertThat(roses.getCurrency()).isEqualTo("EUR");
        assertThat(roses.getVendor()).isEqualTo("florist");
    }

    @Test
    void aRetiredItemIsAvailableNowhere() {
        CatalogItem roses = roses();
        roses.change("A dozen red roses", null, "florist", "FL-ROSES-12", 4900, "EUR", List.of("DE"), false, NOW);

        assertThat(roses.availableIn("DE")).isFalse();
    }

    @Test
    void discountCodesAreNotCatalogItemsAndNonsenseIsRefused() {
        assertThatThrownBy(() -> new CatalogItem(GiftKind.DISCOUNT_CODE, "10 %", null, "amends", "X", 0, "EUR", List.of("DE"), NOW))
                .hasMessageContaining("issued, not bought");
        assertThatThrownBy(() -> new CatalogItem(GiftKind.FLOWERS, "Roses", null, "florist", "X", -1, "EUR", List.of("DE"), NOW))
                .hasMessageContaining("negative");
        assertThatThrownBy(() -> new CatalogItem(GiftKind.FLOWERS, "Roses", null, "florist", "X", 1, "EURO", List.of("DE"), NOW))
                .hasMessageContaining("currency");
        assertThatThrownBy(() -> new CatalogItem(GiftKind.FLOWERS, "Roses", null, "florist", "X", 1, "EUR", List.of("Germany"), NOW))
                .hasMessageContaining("country");
        assertThatThrownBy(() -> new CatalogItem(GiftKind.FLOWERS, "Roses", null, "florist", "X", 1, "EUR", List.of(), NOW))
                .hasMessageContaining("at least one country");
    }
}
