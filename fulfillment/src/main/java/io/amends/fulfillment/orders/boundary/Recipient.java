package io.amends.fulfillment.orders.boundary;

import io.amends.fulfillment.NoNul;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/**
 * Who receives a gift and where. Street, postal code and city are needed for a physical gift; a discount code needs
 * none of them. {@code country} is ISO 3166-1 alpha-2.
 */
public record Recipient(@NotBlank @Size(max = 200) @NoNul String name,
                        @Size(max = 200) @NoNul String street,
                        @Size(max = 20) @NoNul String postalCode,
                        @Size(max = 120) @NoNul String city,
                        @NotBlank @Pattern(regexp = "[A-Za-z]{2}", message = "must be a two-letter country code") String country,
                        @Email @Size(max = 320) @NoNul String email) {

    /** True when a courier could find the door. */
    public boolean hasPostalAddress() {
        return present(street) && present(postalCode) && present(city) && present(country);
    }

    private static boolean present(String value) {
        return value != null && !value.isBlank();
    }
}
