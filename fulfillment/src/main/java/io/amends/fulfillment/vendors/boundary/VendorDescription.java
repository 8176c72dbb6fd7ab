package io.amends.fulfillment.vendors.boundary;

/**
 * A vendor's settings as an administrator may see them.
 *
 * @param mode              {@code simulated}, {@code test} or {@code live} (from the API key's prefix where the vendor has test keys)
 * @param baseUrl           where its API is, or null for the simulated vendor
 * @param callbackSecretSet whether signed callbacks can be accepted from it
 */
public record VendorDescription(String name, String mode, String baseUrl, boolean callbackSecretSet, String notes) {
}
