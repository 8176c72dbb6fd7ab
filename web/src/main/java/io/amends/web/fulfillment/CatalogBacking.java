package io.amends.web.fulfillment;

import io.amends.compensation.entity.Money;
import io.amends.fulfillment.catalog.boundary.Catalog;
import io.amends.fulfillment.catalog.entity.CatalogItem;
import io.amends.fulfillment.catalog.entity.GiftKind;
import io.amends.fulfillment.vendors.boundary.Vendors;
import io.amends.users.entity.Caller;
import io.amends.web.platform.Pages;
import jakarta.annotation.PostConstruct;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.io.Serializable;
import java.util.Arrays;
import java.util.List;

/**
 * The gift catalog as an administrator maintains it: add an item, change its price, vendor or countries, retire it
 * (items are never deleted: orders point at them). The form is the REST API's {@link Catalog.ItemDetails}; the
 * price is typed in the item's currency, like 39.90. {@link Catalog} checks the rest; the change is audited.
 */
@Named
@ViewScoped
public class CatalogBacking implements Serializable {

    private static final long serialVersionUID = 1L;

    @Inject
    Catalog catalog;

    @Inject
    Vendors vendors;

    @Inject
    Caller caller;

    private List<CatalogItem> items;
    private List<String> vendorNames;

    /** The item in the form; null while adding a new one. */
    private Long id;

    @NotNull(message = "{amends.catalog.kind}")
    private GiftKind kind = GiftKind.FLOWERS;

    @NotBlank(message = "{amends.catalog.name}")
    @Size(max = 200)
    private String name;

    @Size(max = 2000)
    private String description;

    @NotBlank(message = "{amends.catalog.vendor}")
    private String vendor;

    @NotBlank(message = "{amends.catalog.sku}")
    @Size(max = 80)
    private String sku;

    @NotBlank(message = "{amends.catalog.price}")
    private String price;

    @NotBlank(message = "{amends.catalog.currency}")
    @Size(min = 3, max = 3, message = "{amends.catalog.currency}")
    private String currency = "EUR";

    @NotBlank(message = "{amends.catalog.countries}")
    private String countries;

    private boolean active = true;

    @PostConstruct
    void init() {
        items = catalog.itemsIncludingRetired(null, null);
        vendorNames = vendors.names();
    }

    /** Puts an item into the form. */
    public void edit(CatalogItem item) {
        id = item.getId();
        kind = item.getKind();
        name = item.getName();
        description = item.getDescription();
        vendor = item.getVendor();
        sku = item.getSku();
        price = Money.of(item.getCurrency(), item.getPriceMinor()).toBigDecimal().toPlainString();
        currency = item.getCurrency();
        countries = countriesOf(item);
        active = item.isActive();
    }

    /** Empties the form for a new item. */
    public void startNew() {
        id = null;
        kind = GiftKind.FLOWERS;
        name = null;
        description = null;
        vendor = null;
        sku = null;
        price = null;
        currency = "EUR";
        countries = null;
        active = true;
    }

    public void save() {
        long priceMinor;
        try {
            priceMinor = Money.parse(currency, price).amountMinor();
        } catch (IllegalArgumentException e) {
            Pages.fieldError("item:price", "catalog.price.invalid", e.getMessage());
            return;
        }
        Catalog.ItemDetails details = new Catalog.ItemDetails(kind, name, description, vendor, sku, priceMinor, currency,
                Arrays.stream(countries.split("[\\s,;]+")).filter(c -> !c.isBlank()).toList(), active);
        try {
            CatalogItem saved = id == null ? catalog.add(details, caller.username()) : catalog.change(id, details, caller.username());
            Pages.info(id == null ? "catalog.added" : "catalog.changed", saved.getName());
            items = catalog.itemsIncludingRetired(null, null);
            startNew();
        } catch (RuntimeException e) {
            Pages.refused(e, "item");
        }
    }

    /** The countries an item goes to, sorted, as typed in the form: "AT CH DE". */
    public String countriesOf(CatalogItem item) {
        return String.join(" ", item.getCountries().stream().sorted().toList());
    }

    /** The kinds a vendor sends; discount codes are issued by Amends, not bought. */
    public List<GiftKind> getKinds() {
        return Arrays.stream(GiftKind.values()).filter(GiftKind::isPhysical).toList();
    }

    public List<CatalogItem> getItems() {
        return items;
    }

    public List<String> getVendorNames() {
        return vendorNames;
    }

    public Long getId() {
        return id;
    }

    public GiftKind getKind() {
        return kind;
    }

    public void setKind(GiftKind kind) {
        this.kind = kind;
    }

    public String getName() {
        return name;
    }

    public void setName(String name) {
        this.name = name;
    }

    public String getDescription() {
        return description;
    }

    public void setDescription(String description) {
        this.description = description;
    }

    public String getVendor() {
        return vendor;
    }

    public void setVendor(String vendor) {
        this.vendor = vendor;
    }

    public String getSku() {
        return sku;
    }

    public void setSku(String sku) {
        this.sku = sku;
    }

    public String getPrice() {
        return price;
    }

    public void setPrice(String price) {
        this.price = price;
    }

    public String getCurrency() {
        return currency;
    }

    public void setCurrency(String currency) {
        this.currency = currency;
    }

    public String getCountries() {
        return countries;
    }

    public void setCountries(String countries) {
        this.countries = countries;
    }

    public boolean isActive() {
        return active;
    }

    public void setActive(boolean active) {
        this.active = active;
    }
}
