package io.amends.accounts.boundary;

import io.amends.accounts.entity.Segment;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/**
 * What it takes to open a customer account.
 *
 * @param manager  the user name of the account manager; empty means the caller when they are one, else nobody yet
 * @param currency the ISO 4217 code the account's lifetime value and compensation are counted in; never changes
 * @param language the ISO 639 code apologies are written in; empty means {@code en}
 */
public record NewAccount(
        @NotBlank @Size(max = 200) String name,
        @NotNull Segment segment,
        @Size(max = 80) String manager,
        @NotNull @Pattern(regexp = "[A-Z]{3}", message = "a currency is an ISO 4217 code such as EUR") String currency,
        @Pattern(regexp = "[a-z]{2}(-[A-Z]{2})?", message = "a language is an ISO 639 code such as en or de-CH") String language) {
}
