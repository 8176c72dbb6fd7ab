package io.amends.platform.entity;

import jakarta.ejb.ApplicationException;

/**
 * The base of every rule Amends refuses to break; the REST layer maps each subclass to a problem document.
 *
 * <p>It rolls the transaction back, so a refused action leaves nothing half-written.
 */
@ApplicationException(rollback = true)
public abstract class BusinessException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    protected BusinessException(String message) {
        super(message);
    }

    /** A short, stable name for the kind of problem, used in the problem document's {@code type}. */
    public abstract String kind();
}
