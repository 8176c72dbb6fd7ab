package io.amends.compensation.boundary;

import io.amends.compensation.entity.Money;
import io.amends.platform.entity.Invalid;
import io.amends.fulfillment.catalog.boundary.Catalog;
import io.amends.fulfillment.catalog.entity.CatalogItem;
import jakarta.ejb.EJB;
import jakarta.ejb.Stateless;

/** The price of a gift from the fulfillment module's catalog, in the account's currency and deliverable to the contact. */
@Stateless
public class CatalogPrices {

    @EJB
    Catalog catalog;

    public Money priceOf(long catalogItemId, String currency, String country) {
        CatalogItem item = catalog.find(catalogItemId)
                .orElseThrow(() -> new Invalid("catalogItemId", "There is no catalog item " + catalogItemId));
        if (!item.getCurrency().equals(currency)) {
            throw new Invalid("catalogItemId", item.getName() + " is priced in " + item.getCurrency() + ", the account pays in " + currency
                    + "; pick an item in " + currency);
        }
        if (country != null && !item.availableIn(country)) {
            throw new Invalid("catalogItemId", item.getName() + " cannot be delivered to " + country);
        }
        return Money.of(currency, item.getPriceMinor());
    }
}
