package io.amends.fulfillment.catalog.boundary;

import io.amends.fulfillment.NoNul;
import io.amends.fulfillment.FulfillmentClock;
import io.amends.fulfillment.FulfillmentInvalid;
import io.amends.fulfillment.FulfillmentNotFound;
import io.amends.fulfillment.FulfillmentRefused;
import io.amends.fulfillment.catalog.entity.CatalogItem;
import io.amends.fulfillment.catalog.entity.GiftKind;
import io.amends.fulfillment.vendors.boundary.Vendors;
import jakarta.ejb.Stateless;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.PositiveOrZero;
import jakarta.validation.constraints.Size;
import java.util.List;
import java.util.Optional;

/** The gift catalog: what can be sent, by which vendor, at what price, to which countries. */
@Stateless
public class Catalog {

    @PersistenceContext(unitName = "fulfillment")
    EntityManager em;

    @Inject
    Vendors vendors;

    @Inject
    FulfillmentClock clock;

    @Inject
    Event<CatalogChanged> changes;

    /** What an administrator says about an item. */
    public record ItemDetails(@NotNull GiftKind kind, @NotBlank @Size(max = 200) @NoNul String name,
                              @Size(max = 2000) @NoNul String description,
                              @NotBlank @Size(max = 40) String vendor, @NotBlank @Size(max = 80) @NoNul String sku,
                              @PositiveOrZero long priceMinor, @NotBlank @Size(min = 3, max = 3) String currency,
                              @NotEmpty @Size(max = 250) List<@NotBlank String> countries, Boolean active) {
    }

    public Optional<CatalogItem> find(long id) {
        return Optional.ofNullable(em.find(CatalogItem.class, id));
    }

    public CatalogItem get(long id) {
        return find(id).orElseThrow(() -> new FulfillmentNotFound("Catalog item", id));
    }

    /**
     * The items on offer, of a kind (null: every kind) delivered to a country (null: anywhere).
     */
    public List<CatalogItem> items(GiftKind kind, String country) {
        return select(kind, country, false);
    }

    /** Like {@link #items} but with retired items too, for administrators. */
    public List<CatalogItem> itemsIncludingRetired(GiftKind kind, String country) {
        return select(kind, country, true);
    }

    private List<CatalogItem> select(GiftKind kind, String country, boolean includeRetired) {
        String code = null;
        if (country != null && !country.isBlank()) {
            try {
                code = CatalogItem.countryCode(country);
            } catch (IllegalArgumentException e) {
                throw new FulfillmentInvalid("country", e.getMessage());
            }
        }
        String wanted = code;
        // The catalog is small (dozens of items): filtering in memory keeps one simple query for all combinations.
        return em.createNamedQuery(includeRetired ? CatalogItem.ALL : CatalogItem.OFFERED, CatalogItem.class).getResultStream()
                .filter(i -> kind == null || i.getKind() == kind)
                .filter(i -> wanted == null || i.getCountries().contains(wanted))
                .toList();
    }

    public CatalogItem add(@NotNull @Valid ItemDetails details, @NotBlank String actor) {
        checkVendor(details);
        CatalogItem item;
        try {
            item = new CatalogItem(details.kind(), details.name(), details.description(), details.vendor(), details.sku(),
                    details.priceMinor(), details.currency(), details.countries(), clock.now());
            if (Boolean.FALSE.equals(details.active())) {
                item.change(details.name(), details.description(), details.vendor(), details.sku(), details.priceMinor(),
                        details.currency(), details.countries(), false, clock.now());
            }
        } catch (IllegalArgumentException e) {
            throw new FulfillmentInvalid(null, e.getMessage());
        }
        em.persist(item);
        em.flush();
        changes.fire(new CatalogChanged(item.getId(), "ADDED", summary(item), actor, clock.now()));
        return item;
    }

    public CatalogItem change(long id, @NotNull @Valid ItemDetails details, @NotBlank String actor) {
        CatalogItem item = get(id);
        if (details.kind() != item.getKind()) {
            throw new FulfillmentRefused("kind-fixed", "An item stays the kind it was (" + item.getKind() + "); add a new item instead");
        }
        checkVendor(details);
        try {
            item.change(details.name(), details.description(), details.vendor(), details.sku(), details.priceMinor(),
                    details.currency(), details.countries(), details.active() == null || details.active(), clock.now());
        } catch (IllegalArgumentException e) {
            throw new FulfillmentInvalid(null, e.getMessage());
        }
        em.flush();
        changes.fire(new CatalogChanged(item.getId(), "CHANGED", summary(item), actor, clock.now()));
        return item;
    }

    private void checkVendor(ItemDetails details) {
        if (vendors.named(details.vendor()).isEmpty()) {
            throw new FulfillmentInvalid("vendor", "Unknown vendor '" + details.vendor() + "'; known: " + String.join(", ", vendors.names()));
        }
    }

    static String summary(CatalogItem item) {
        return item.getKind() + " \"" + item.getName() + "\" from " + item.getVendor() + " (" + item.getSku() + ") at "
                + item.getPriceMinor() + " " + item.getCurrency() + " minor units to " + String.join(",", item.getCountries())
                + (item.isActive() ? "" : ", retired");
    }
}
