package io.amends.fulfillment.orders.boundary;

/** A discount as a share of the price (value 1..100 percent) or as an amount (value in minor units of a currency). */
public enum DiscountType {
    PERCENT, AMOUNT
}
