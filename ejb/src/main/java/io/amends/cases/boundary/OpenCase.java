package io.amends.cases.boundary;

import io.amends.cases.entity.Channel;
import io.amends.cases.entity.Severity;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.util.List;

/**
 * What intake needs to open a case.
 *
 * @param owner the user name of the account manager who owns it; empty means the account's manager
 */
public record OpenCase(
        @NotNull Long accountId,
        @Size(max = 20) List<@NotNull Long> contactIds,
        @NotBlank @Size(max = 200) String title,
        @NotBlank @Size(max = 8000) String description,
        @NotNull Severity severity,
        @NotNull Channel channel,
        @Size(max = 40) @Pattern(regexp = "[A-Z0-9_]*", message = "a root-cause code is upper case, like LATE_DELIVERY") String rootCause,
        @Size(max = 1000) String rootCauseNote,
        @Size(max = 80) String owner,
        @Size(max = 120) String externalRef) {
}
