package io.amends.accounts.boundary;

import io.amends.accounts.entity.Tier;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.PositiveOrZero;
import jakarta.validation.constraints.Size;
import java.util.List;

/** A whole new ladder of tier thresholds: each tier once, with the lowest lifetime value (minor units) that earns it. */
public record TierThresholds(@NotNull @Size(min = 4, max = 4) List<@NotNull @Valid Threshold> thresholds) {

    /** The lowest lifetime value, in minor units, that earns the tier. */
    public record Threshold(@NotNull Tier tier, @NotNull @PositiveOrZero Long minLtvMinor) {
    }
}
