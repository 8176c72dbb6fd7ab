package io.amends.compensation.entity;

/** What the customer receives: the practice's flowers, chocolates, a handwritten card, or a discount. */
public enum CompensationKind {
    FLOWERS, CHOCOLATES, HANDWRITTEN_CARD, DISCOUNT_CODE;

    public boolean isGift() {
        return this != DISCOUNT_CODE;
    }
}
