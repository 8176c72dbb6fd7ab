package io.amends.fulfillment.vendors.boundary;

import jakarta.ejb.ApplicationException;

/**
 * Thrown when a vendor could not answer now: a server error, a timeout, a refused connection, a rate limit. Worth
 * trying again later.
 */
@ApplicationException(rollback = false)
public class VendorUnavailable extends RuntimeException {

    private static final long serialVersionUID = 1L;

    public VendorUnavailable(String message) {
        super(message);
    }

    public VendorUnavailable(String message, Throwable cause) {
        super(message, cause);
    }
}
