package io.amends.accounts.boundary;

import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.PositiveOrZero;
import jakarta.validation.constraints.Size;

/**
 * A contact person and their postal address for gifts (street, city and country together, or none of them).
 *
 * @param version required when changing a contact: the version the change is based on; ignored when adding one
 */
public record ContactDetails(
        @NotBlank @Size(max = 200) String name,
        @Size(max = 120) String roleTitle,
        @Email @Size(max = 320) String email,
        @Size(max = 40) @Pattern(regexp = "[0-9+()./ -]*", message = "a phone number has digits, spaces and + ( ) . / - only")
        String phone,
        @Size(max = 200) String street,
        @Size(max = 20) String postalCode,
        @Size(max = 120) String city,
        @Pattern(regexp = "[A-Z]{2}", message = "a country is an ISO 3166 two-letter code such as DE") String country,
        @PositiveOrZero Long version) {
}
