package io.amends.fulfillment.discounts.entity;

/** What a storefront is told about a typed code. UNKNOWN is also the answer for anything that cannot be a code. */
public enum CodeStatus {
    VALID, EXPIRED, USED_UP, UNKNOWN
}
