package io.amends.compensation.control;

import io.amends.cases.entity.Severity;
import io.amends.compensation.entity.Money;
import java.util.Collections;
import java.util.EnumMap;
import java.util.Map;
import java.util.Objects;

/**
 * The compensation policy's knobs, as an administrator edits them; one set per currency.
 *
 * <p>Shares and multipliers are basis points (10,000 bp = 100% = ×1.00) so that they stay integers. The constructor
 * refuses settings that would make the policy incoherent rather than merely generous, because the policy's
 * guarantees (a higher amount is never treated more leniently, a worse harm never more strictly) depend on them:
 * <ul>
 *   <li>every amount in the same currency;</li>
 *   <li>shares of LTV between 0% and 100%;</li>
 *   <li>severity multipliers between ×1.00 and ×10.00 and never lower for a worse severity;</li>
 *   <li>a recurrence bonus of at most +100% per recurrence and +900% in total;</li>
 *   <li>auto-approval limit ≤ finance limit ≤ absolute ceiling, and floor ≤ absolute ceiling.</li>
 * </ul>
 *
 * @param caseCapBasisPoints             the most a single case may cost, as a share of LTV, before multipliers
 * @param rolling12mCapBasisPoints       the most an account may cost over 12 months, as a share of LTV, before
 *                                       multipliers
 * @param floor                          the lowest either cap can be, so that a customer with little or no LTV
 *                                       can still receive something modest
 * @param autoApprovalLimit              the most the account manager may grant alone
 * @param financeLimit                   above this, two different finance approvers are needed
 * @param absoluteCeiling                no single proposal may exceed this, whatever the LTV
 * @param severityMultiplierBasisPoints  per severity, how much the LTV-share caps grow (10,000 = unchanged)
 * @param recurrenceBonusBasisPoints     how much the LTV-share caps grow per earlier recurrence of the root cause
 * @param recurrenceBonusCapBasisPoints  the most the recurrence bonus can add in total
 */
public record PolicySettings(
        int caseCapBasisPoints,
        int rolling12mCapBasisPoints,
        Money floor,
        Money autoApprovalLimit,
        Money financeLimit,
        Money absoluteCeiling,
        Map<Severity, Integer> severityMultiplierBasisPoints,
        int recurrenceBonusBasisPoints,
        int recurrenceBonusCapBasisPoints) {

    /** 100%, or a multiplier of ×1.00. */
    public static final int ONE = 10_000;

    private static final int MAX_MULTIPLIER = 10 * ONE;

    public PolicySettings {
        requireShare("caseCapBasisPoints", caseCapBasisPoints);
        requireShare("rolling12mCapBasisPoints", rolling12mCapBasisPoints);
        Objects.requireNonNull(floor, "floor");
        Objects.requireNonNull(autoApprovalLimit, "autoApprovalLimit");
        Objects.requireNonNull(financeLimit, "financeLimit");
        Objects.requireNonNull(absoluteCeiling, "absoluteCeiling");
        floor.requireSameCurrency(absoluteCeiling);
        autoApprovalLimit.requireSameCurrency(absoluteCeiling);
        financeLimit.requireSameCurrency(absoluteCeiling);
        if (autoApprovalLimit.isGreaterThan(financeLimit)) {
            throw new IllegalArgumentException("The auto-approval limit (" + autoApprovalLimit.format()
                    + ") must not be above the finance limit (" + financeLimit.format() + ")");
        }
        if (financeLimit.isGreaterThan(absoluteCeiling)) {
            throw new IllegalArgumentException("The finance limit (" + financeLimit.format()
                    + ") must not be above the absolute ceiling (" + absoluteCeiling.format() + ")");
        }
        if (floor.isGreaterThan(absoluteCeiling)) {
            throw new IllegalArgumentException("The floor (" + floor.format()
                    + ") must not be above the absolute ceiling (" + absoluteCeiling.format() + ")");
        }
        severityMultiplierBasisPoints = checkedSeverityMultipliers(severityMultiplierBasisPoints);
        if (recurrenceBonusBasisPoints < 0 || recurrenceBonusBasisPoints > ONE) {
            throw new IllegalArgumentException("The bonus per earlier recurrence must be between 0 and " + ONE
                    + " bp (0% to 100%), not " + recurrenceBonusBasisPoints);
        }
        if (recurrenceBonusCapBasisPoints < 0 || recurrenceBonusCapBasisPoints > MAX_MULTIPLIER - ONE) {
            throw new IllegalArgumentException("The cap on the recurrence bonus must be between 0 and "
                    + (MAX_MULTIPLIER - ONE) + " bp (0% to 900%), not " + recurrenceBonusCapBasisPoints);
        }
    }

    /**
     * Sensible starting values in EUR: 2% of LTV per case, 5% over 12 months, a floor of EUR 25.00, the account
     * manager alone up to EUR 50.00, one finance approver up to EUR 500.00, never more than EUR 5,000.00 per
     * proposal; ×1.00 / ×1.00 / ×1.50 / ×2.00 for LOW / MEDIUM / HIGH / CRITICAL; +25% per earlier recurrence, at
     * most +50%.
     */
    public static PolicySettings defaults() {
        Map<Severity, Integer> severity = new EnumMap<>(Severity.class);
        severity.put(Severity.LOW, 10_000);
        severity.put(Severity.MEDIUM, 10_000);
        severity.put(Severity.HIGH, 15_000);
        severity.put(Severity.CRITICAL, 20_000);
        return new PolicySettings(
                200,
                500,
                Money.parse("EUR", "25.00"),
                Money.parse("EUR", "50.00"),
                Money.parse("EUR", "500.00"),
                Money.parse("EUR", "5000.00"),
                severity,
                2_500,
                5_000);
    }

    /** The currency every amount in these settings, and in every request decided under them, is in. */
    public String currency() {
        return absoluteCeiling.currency();
    }

    /** How much the LTV-share caps grow for this severity, in basis points (10,000 = unchanged). */
    public int severityMultiplier(Severity severity) {
        return severityMultiplierBasisPoints.get(Objects.requireNonNull(severity, "severity"));
    }

    /** How much the LTV-share caps grow after this many earlier recurrences, in basis points (10,000 = unchanged). */
    public int recurrenceMultiplier(int earlierRecurrences) {
        if (earlierRecurrences < 0) {
            throw new IllegalArgumentException("The number of earlier recurrences cannot be negative");
        }
        // long: a large count times the bonus would overflow an int before the cap applies.
        long bonus = Math.min((long) recurrenceBonusBasisPoints * earlierRecurrences, recurrenceBonusCapBasisPoints);
        return ONE + (int) bonus;
    }

    private static void requireShare(String name, int basisPoints) {
        if (basisPoints < 0 || basisPoints > ONE) {
            throw new IllegalArgumentException(
                    name + " must be between 0 and " + ONE + " bp (0% to 100% of LTV), not " + basisPoints);
        }
    }

    private static Map<Severity, Integer> checkedSeverityMultipliers(Map<Severity, Integer> given) {
        Objects.requireNonNull(given, "severityMultiplierBasisPoints");
        Map<Severity, Integer> copy = new EnumMap<>(Severity.class);
        Severity previous = null;
        for (Severity severity : Severity.values()) {
            Integer multiplier = given.get(severity);
            if (multiplier == null) {
                throw new IllegalArgumentException("A multiplier for severity " + severity + " is required");
            }
            if (multiplier < ONE || multiplier > MAX_MULTIPLIER) {
                throw new IllegalArgumentException("The multiplier for severity " + severity + " must be between "
                        + ONE + " and " + MAX_MULTIPLIER + " bp (×1.00 to ×10.00), not " + multiplier);
            }
            if (previous != null && multiplier < copy.get(previous)) {
                throw new IllegalArgumentException("The multiplier for severity " + severity + " (" + multiplier
                        + " bp) must not be lower than the one for " + previous + " (" + copy.get(previous) + " bp)");
            }
            copy.put(severity, multiplier);
            previous = severity;
        }
        return Collections.unmodifiableMap(copy);
    }
}
