package io.amends.accounts.boundary;

import io.amends.accounts.entity.Segment;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.PositiveOrZero;
import jakarta.validation.constraints.Size;

/**
 * A new state of an account's own fields, based on the version the sender read (a lost update answers 409).
 *
 * @param manager  the account manager's user name; empty leaves the account without one
 * @param currency optional; if sent it must be the account's currency, which never changes
 * @param version  the version the change is based on, as read from the account
 */
public record AccountChange(
        @NotBlank @Size(max = 200) String name,
        @NotNull Segment segment,
        @Size(max = 80) String manager,
        @Pattern(regexp = "[a-z]{2}(-[A-Z]{2})?", message = "a language is an ISO 639 code such as en or de-CH") String language,
        @Pattern(regexp = "[A-Z]{3}", message = "a currency is an ISO 4217 code such as EUR") String currency,
        @NotNull @PositiveOrZero Long version) {
}
