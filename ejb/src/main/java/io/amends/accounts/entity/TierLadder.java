package io.amends.accounts.entity;

import java.util.Collections;
import java.util.EnumMap;
import java.util.Map;
import java.util.Objects;

/**
 * The thresholds that turn a lifetime value into a {@link Tier}: the lowest LTV (in minor units) that earns each tier.
 *
 * <p>A ladder is always whole: every tier has a threshold, they fall strictly from PLATINUM to BRONZE, and BRONZE
 * starts at 0 so that every account has a tier. An administrator changes the thresholds; the tier of an account is
 * never stored, it is read off the ladder whenever it is needed, so a new ladder re-tiers every account at once.
 */
public final class TierLadder {

    private final EnumMap<Tier, Long> minimums;

    private TierLadder(EnumMap<Tier, Long> minimums) {
        this.minimums = minimums;
    }

    /**
     * A ladder from the lowest LTV of each tier.
     *
     * @throws IllegalArgumentException with a sentence an administrator can act on, if the ladder is not whole
     */
    public static TierLadder of(Map<Tier, Long> minimumLtvMinor) {
        Objects.requireNonNull(minimumLtvMinor, "thresholds");
        EnumMap<Tier, Long> copy = new EnumMap<>(Tier.class);
        for (Tier tier : Tier.values()) {
            Long minimum = minimumLtvMinor.get(tier);
            if (minimum == null) {
                throw new IllegalArgumentException("Every tier needs a threshold, but " + tier + " has none");
            }
            if (minimum < 0) {
                throw new IllegalArgumentException("A threshold is never negative, but " + tier + " has " + minimum);
            }
            copy.put(tier, minimum);
        }
        if (copy.get(Tier.BRONZE) != 0) {
            throw new IllegalArgumentException("BRONZE starts at 0 so that every account has a tier, not at "
                    + copy.get(Tier.BRONZE));
        }
        Tier[] tiers = Tier.values(); // highest first
        for (int i = 0; i + 1 < tiers.length; i++) {
            long higher = copy.get(tiers[i]);
            long lower = copy.get(tiers[i + 1]);
            if (higher <= lower) {
                throw new IllegalArgumentException("Thresholds fall strictly from PLATINUM to BRONZE, but " + tiers[i] + " ("
                        + higher + ") is not above " + tiers[i + 1] + " (" + lower + ")");
            }
        }
        return new TierLadder(copy);
    }

    /** The highest tier whose threshold the value reaches; a value exactly at a threshold earns that tier. */
    public Tier tierOf(long ltvMinor) {
        for (Tier tier : Tier.values()) {
            if (ltvMinor >= minimums.get(tier)) {
                return tier;
            }
        }
        return Tier.BRONZE;
    }

    public long minimumOf(Tier tier) {
        return minimums.get(tier);
    }

    /** Every tier with its threshold, highest tier first. */
    public Map<Tier, Long> minimums() {
        return Collections.unmodifiableMap(minimums);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof TierLadder other && minimums.equals(other.minimums);
    }

    @Override
    public int hashCode() {
        return minimums.hashCode();
    }

    @Override
    public String toString() {
        StringBuilder text = new StringBuilder();
        minimums.forEach((tier, minimum) -> text.append(text.length() == 0 ? "" : ", ").append(tier).append(" from ").append(minimum));
        return text.toString();
    }
}
