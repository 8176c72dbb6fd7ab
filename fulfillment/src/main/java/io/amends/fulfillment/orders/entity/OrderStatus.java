package io.amends.fulfillment.orders.entity;

/**
 * Where a gift order stands. Forward only:
 * <pre>
 * PENDING → SUBMITTED → ACCEPTED → SHIPPED → DELIVERED
 *    │          │           │          └──→ FAILED (lost in transit)
 *    │          └───────────┴──→ FAILED, CANCELLED
 *    └──→ FAILED, CANCELLED
 * </pre>
 * A vendor's report may skip a step (a lost callback is made up by the next one) but never goes back; DELIVERED,
 * FAILED and CANCELLED are final.
 */
public enum OrderStatus {
    /** Written in the caller's transaction, waiting in the outbox for the dispatcher. */
    PENDING,
    /** The vendor acknowledged the order and gave it an id. */
    SUBMITTED,
    /** The vendor confirmed it will make and send it. */
    ACCEPTED,
    SHIPPED,
    DELIVERED,
    /** Rejected by the vendor, retried until the limit, or lost; the reason is in the history. */
    FAILED,
    CANCELLED;

    public boolean canMoveTo(OrderStatus next) {
        return switch (this) {
            case PENDING -> next == SUBMITTED || next == FAILED || next == CANCELLED;
            case SUBMITTED -> next == ACCEPTED || next == SHIPPED || next == DELIVERED || next == FAILED || next == CANCELLED;
            case ACCEPTED -> next == SHIPPED || next == DELIVERED || next == FAILED || next == CANCELLED;
            case SHIPPED -> next == DELIVERED || next == FAILED;
            case DELIVERED, FAILED, CANCELLED -> false;
        };
    }

    public boolean isFinal() {
        return this == DELIVERED || this == FAILED || this == CANCELLED;
    }

    /** True while the vendor has the order and may still report on it. */
    public boolean isWithVendor() {
        return this == SUBMITTED || this == ACCEPTED || this == SHIPPED;
    }

    /** True while a cancellation can still stop the gift. */
    public boolean isCancellable() {
        return this == PENDING || this == SUBMITTED || this == ACCEPTED;
    }
}
