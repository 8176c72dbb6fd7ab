package io.amends.fulfillment.vendors.boundary;

/**
 * The service provider interface for a gift vendor: how fulfillment submits an order, asks for its status, cancels it,
 * and reads the vendor's callbacks. One implementation per vendor, found by {@link #name()}.
 *
 * <p>Failures are told apart by exception, because that is what MicroProfile Fault Tolerance counts:
 * {@link VendorRejection} when the vendor refuses the request for good (sending it again would not help; not counted
 * as a failure by circuit breakers), any other {@code RuntimeException} when the vendor could not be reached or
 * answered with a server error, a timeout, or an open circuit (sending again later may work).
 *
 * <p>Implementations are called outside any transaction and may take as long as their timeouts allow.
 */
public interface Vendor {

    /** The vendor's name in the catalog, in configuration keys ({@code amends.vendor.<name>.*}) and in callback URLs. */
    String name();

    /**
     * Submits the order. The vendor must treat a second submission with the same {@link VendorOrder#idempotencyKey()}
     * as the first (the key goes in an {@code Idempotency-Key} header), which is what makes a retry after a lost
     * answer safe.
     *
     * @return the vendor's id for the order
     */
    String submit(VendorOrder order);

    /** What the vendor says about the order now. */
    VendorUpdate status(String vendorOrderId);

    /** Asks the vendor to cancel; a {@link VendorRejection} when it is too late. */
    void cancel(String vendorOrderId);

    /**
     * Reads a callback body whose signature was already verified.
     *
     * @throws IllegalArgumentException when the body is not a callback this vendor sends
     */
    VendorUpdate readCallback(byte[] body);

    /** What an administrator may see about this vendor's settings (never a secret). */
    VendorDescription describe();
}
