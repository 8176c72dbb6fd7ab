package io.amends.fulfillment.catalog.boundary;

import io.amends.fulfillment.catalog.entity.CatalogItem;
import io.amends.fulfillment.catalog.entity.GiftKind;
import jakarta.ejb.Stateless;
import java.util.List;
import java.util.Optional;

/** TEMPORARY stub of the fulfillment contract; replaced by the fulfillment module's own version. */
@Stateless
public class Catalog {
    public Optional<CatalogItem> find(long id) {
        return Optional.empty();
    }

    public List<CatalogItem> items(GiftKind kind, String country) {
        return List.of();
    }
}
