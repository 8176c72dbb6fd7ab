package io.amends.fulfillment;

import jakarta.ejb.ApplicationException;

/**
 * The base of every rule fulfillment refuses to break. It rolls the transaction back, so a refused order or code
 * leaves nothing half-written.
 *
 * <p>Fulfillment has its own exceptions because it knows nothing of the case domain's; the web layer maps these to
 * problem documents as it does the case domain's.
 */
@ApplicationException(rollback = true)
public abstract class FulfillmentException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    protected FulfillmentException(String message) {
        super(message);
    }

    /** A short, stable name for the kind of problem ({@code not-found}, {@code invalid}, {@code order-not-cancellable}...). */
    public abstract String kind();
}
