package io.amends.fulfillment.catalog.entity;

/** TEMPORARY stub of the fulfillment contract; replaced by the fulfillment module's own version. */
public class CatalogItem {
    public Long getId() {
        return null;
    }

    public GiftKind getKind() {
        return null;
    }

    public String getName() {
        return null;
    }

    public String getVendor() {
        return null;
    }

    public String getSku() {
        return null;
    }

    public long getPriceMinor() {
        return 0;
    }

    public String getCurrency() {
        return null;
    }

    public boolean availableIn(String country) {
        return false;
    }
}
