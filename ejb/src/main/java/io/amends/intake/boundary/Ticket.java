package io.amends.intake.boundary;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.util.List;

/**
 * A helpdesk ticket as intake takes it (docs/intake.md shows the JSON and how to wire Zendesk or Freshdesk to it).
 *
 * @param id       the helpdesk's ticket id; it becomes the case's external reference
 * @param priority the helpdesk's priority (low, normal/medium, high, urgent, or 1 to 4); it becomes the severity
 * @param tags     the ticket's tags; a tag that names a root cause (late_delivery) classifies the case
 */
public record Ticket(
        @NotBlank @Size(max = 120) @Pattern(regexp = "[\\p{Graph}]+", message = "a ticket id has no spaces") String id,
        @NotNull @Valid Requester requester,
        @NotBlank @Size(max = 200) String subject,
        @NotBlank @Size(max = 8000) String description,
        @Size(max = 20) String priority,
        @Size(max = 30) List<@NotBlank @Size(max = 60) String> tags) {

    /** Who raised the ticket: matched to a contact of an account by the email address. */
    public record Requester(@NotBlank @Email @Size(max = 320) String email, @Size(max = 200) String name) {
    }
}
