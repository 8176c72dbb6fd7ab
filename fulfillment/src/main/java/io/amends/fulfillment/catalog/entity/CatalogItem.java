package io.amends.fulfillment.catalog.entity;

import io.amends.fulfillment.UtcInstantConverter;
import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.Convert;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;
import java.util.Collection;
import java.util.Locale;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;

/**
 * A gift that can be sent: what it is, which vendor sends it under which of the vendor's SKUs, what it costs, and
 * the countries the vendor delivers it to.
 *
 * <p>Administrators maintain the catalog. An item is never deleted, because orders point at it; it is retired
 * ({@code active = false}) and no longer offered. Discount codes are not catalog items: Amends issues them itself.
 */
@Entity
@Table(name = "catalog_item")
@NamedQuery(name = CatalogItem.ALL, query = "SELECT i FROM CatalogItem i ORDER BY i.kind, i.name, i.id")
@NamedQuery(name = CatalogItem.OFFERED, query = "SELECT i FROM CatalogItem i WHERE i.active = TRUE ORDER BY i.kind, i.name, i.id")
public class CatalogItem {

    public static final String ALL = "CatalogItem.all";
    public static final String OFFERED = "CatalogItem.offered";

    @Id
    @SequenceGenerator(name = "catalog_item_seq", sequenceName = "catalog_item_seq", allocationSize = 50)
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "catalog_item_seq")
    private Long id;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    private GiftKind kind;

    @Column(nullable = false)
    private String name;

    @Column
    private String description;

    @Column(nullable = false)
    private String vendor;

    @Column(nullable = false)
    private String sku;

    @Column(name = "price_minor", nullable = false)
    private long priceMinor;

    @Column(nullable = false, length = 3)
    private String currency;

    @ElementCollection(fetch = FetchType.EAGER)
    @CollectionTable(name = "catalog_item_country", joinColumns = @JoinColumn(name = "item_id"))
    @Column(name = "country", nullable = false, length = 2)
    private Set<String> countries = new TreeSet<>();

    @Column(nullable = false)
    private boolean active;

    @Convert(converter = UtcInstantConverter.class)
    @Column(name = "updated_at", nullable = false)
    private Instant updatedAt;

    @Version
    private long version;

    protected CatalogItem() {
        // for JPA
    }

    public CatalogItem(GiftKind kind, String name, String description, String vendor, String sku, long priceMinor, String currency,
                       Collection<String> countries, Instant now) {
        if (kind == null || !kind.isPhysical()) {
            throw new IllegalArgumentException("A catalog item is flowers, chocolates or a handwritten card; discount codes are issued, not bought");
        }
        this.kind = kind;
        change(name, description, vendor, sku, priceMinor, currency, countries, true, now);
    }

    /** Replaces everything an administrator may change; the kind stays what it was. */
    public void change(String newName, String newDescription, String newVendor, String newSku, long newPriceMinor,
                             String newCurrency, Collection<String> newCountries, boolean offered, Instant now) {
        this.name = required(newName, "name");
        this.description = newDescription == null || newDescription.isBlank() ? null : newDescription.strip();
        this.vendor = required(newVendor, "vendor").toLowerCase(Locale.ROOT);
        this.sku = required(newSku, "sku");
        if (newPriceMinor < 0) {
            throw new IllegalArgumentException("A price is not negative");
        }
        this.priceMinor = newPriceMinor;
        this.currency = currencyCode(newCurrency);
        if (newCountries == null || newCountries.isEmpty()) {
            throw new IllegalArgumentException("Name at least one country the vendor delivers to");
        }
        Set<String> codes = new TreeSet<>();
        for (String country : newCountries) {
            codes.add(countryCode(country));
        }
        this.countries.clear();
        this.countries.addAll(codes);
        this.active = offered;
        this.updatedAt = Objects.requireNonNull(now);
    }

    /** True when the item is offered and its vendor delivers it to the country (ISO 3166-1 alpha-2, any case). */
    public boolean availableIn(String countryIso2) {
        return active && countryIso2 != null && countries.contains(countryIso2.strip().toUpperCase(Locale.ROOT));
    }

    public static String countryCode(String country) {
        String code = country == null ? "" : country.strip().toUpperCase(Locale.ROOT);
        if (!code.matches("[A-Z]{2}")) {
            throw new IllegalArgumentException("'" + country + "' is not a two-letter country code (ISO 3166-1)");
        }
        return code;
    }

    public static String currencyCode(String currency) {
        String code = currency == null ? "" : currency.strip().toUpperCase(Locale.ROOT);
        if (!code.matches("[A-Z]{3}")) {
            throw new IllegalArgumentException("'" + currency + "' is not a three-letter currency code (ISO 4217)");
        }
        return code;
    }

    private static String required(String value, String what) {
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException("A catalog item needs a " + what);
        }
        return value.strip();
    }

    public Long getId() {
        return id;
    }

    public GiftKind getKind() {
        return kind;
    }

    public String getName() {
        return name;
    }

    public String getDescription() {
        return description;
    }

    public String getVendor() {
        return vendor;
    }

    public String getSku() {
        return sku;
    }

    public long getPriceMinor() {
        return priceMinor;
    }

    public String getCurrency() {
        return currency;
    }

    /** The countries the item is delivered to, sorted. */
    public Set<String> getCountries() {
        return Set.copyOf(countries);
    }

    public boolean isActive() {
        return active;
    }

    public Instant getUpdatedAt() {
        return updatedAt;
    }

    public long getVersion() {
        return version;
    }
}
