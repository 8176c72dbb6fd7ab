package io.amends.fulfillment.catalog.entity;

/**
 * What kind of "sorry" a gift is. Flowers, chocolates and handwritten cards are bought from vendors and travel by
 * post or courier; a discount code is issued by Amends itself and is delivered the moment it exists.
 */
public enum GiftKind {
    FLOWERS, CHOCOLATES, HANDWRITTEN_CARD, DISCOUNT_CODE;

    /** True for gifts a vendor sends to a postal address. */
    public boolean isPhysical() {
        return this != DISCOUNT_CODE;
    }
}
