package io.amends.fulfillment.vendors.boundary;

import jakarta.ejb.ApplicationException;

/**
 * Thrown when a vendor refuses a request for good (HTTP 4xx other than 408 and 429: a bad address, an unknown SKU, too
 * late to cancel). Retrying would get the same answer, so an order rejected on submission is FAILED at once.
 */
@ApplicationException(rollback = false)
public class VendorRejection extends RuntimeException {

    private static final long serialVersionUID = 1L;

    public VendorRejection(String message) {
        super(message);
    }
}
