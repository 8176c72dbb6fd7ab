package io.amends.fulfillment.vendors.control;

import org.eclipse.microprofile.config.Config;

/** The sender's address printed on cards and parcels: the company's, from {@code amends.fulfillment.sender.*}. */
public record ReturnAddress(String company, String street, String postalCode, String city, String country) {

    public static ReturnAddress from(Config config) {
        String prefix = "amends.fulfillment.sender.";
        return new ReturnAddress(
                config.getOptionalValue(prefix + "company", String.class).orElse("Amends"),
                config.getOptionalValue(prefix + "street", String.class).orElse(""),
                config.getOptionalValue(prefix + "postal-code", String.class).orElse(""),
                config.getOptionalValue(prefix + "city", String.class).orElse(""),
                config.getOptionalValue(prefix + "country", String.class).orElse(""));
    }
}
