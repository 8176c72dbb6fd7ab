package io.amends.fulfillment.catalog.entity;

/** TEMPORARY stub of the fulfillment contract; replaced by the fulfillment module's own version. */
public enum GiftKind {
    FLOWERS, CHOCOLATES, HANDWRITTEN_CARD, DISCOUNT_CODE
}
