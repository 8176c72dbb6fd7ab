package io.amends.compensation.control;

import io.amends.compensation.entity.Money;
import io.amends.compensation.entity.Verdict;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * How one proposal fared against one rule of the compensation policy, with the numbers and a sentence for people.
 *
 * <p>Every rule compares a projected spend, {@code spend + amount}, with a limit, and passes when it is not above
 * the limit. The constructor insists on that, and on the ratio matching the numbers, so that a check read back from
 * storage or built by hand cannot contradict itself.
 *
 * @param rule         which rule
 * @param passed       whether {@code spend + amount} is within {@code limit}
 * @param amount       the amount proposed
 * @param spend        what was spent before, as far as this rule counts it (zero for the per-proposal rules)
 * @param limit        the limit in force for this proposal, after multipliers and floor
 * @param ltv          the customer's lifetime value in force
 * @param ratioPercent {@code spend + amount} as a percentage of LTV with 2 decimals, or {@code null} when the LTV
 *                     is zero and no ratio exists
 * @param sentence     what the rule found, in words, naming the limit and the numbers
 */
public record RuleCheck(
        Rule rule,
        boolean passed,
        Money amount,
        Money spend,
        Money limit,
        Money ltv,
        BigDecimal ratioPercent,
        String sentence) {

    public RuleCheck {
        Objects.requireNonNull(rule, "rule");
        Objects.requireNonNull(amount, "amount");
        Objects.requireNonNull(spend, "spend");
        Objects.requireNonNull(limit, "limit");
        Objects.requireNonNull(ltv, "ltv");
        Objects.requireNonNull(sentence, "sentence");
        amount.requireSameCurrency(spend);
        amount.requireSameCurrency(limit);
        amount.requireSameCurrency(ltv);
        Money projected = amount.plus(spend);
        if (passed == projected.isGreaterThan(limit)) {
            throw new IllegalArgumentException(rule + " cannot have " + (passed ? "passed" : "failed") + " with "
                    + projected.format() + " against a limit of " + limit.format());
        }
        BigDecimal expectedRatio = ratioPercent(projected, ltv);
        if (expectedRatio == null ? ratioPercent != null
                : ratioPercent == null || expectedRatio.compareTo(ratioPercent) != 0) {
            throw new IllegalArgumentException(rule + ": the ratio of " + projected.format() + " to an LTV of "
                    + ltv.format() + " is " + (expectedRatio == null ? "undefined" : expectedRatio + "%")
                    + ", not " + (ratioPercent == null ? "undefined" : ratioPercent + "%"));
        }
        ratioPercent = expectedRatio;
        if (sentence.isBlank()) {
            throw new IllegalArgumentException(rule + " needs a sentence explaining it");
        }
    }

    /** Builds the check, working out whether it passed and the ratio from the numbers. */
    public static RuleCheck of(Rule rule, Money amount, Money spend, Money limit, Money ltv, String sentence) {
        Money projected = amount.plus(spend);
        return new RuleCheck(rule, !projected.isGreaterThan(limit), amount, spend, limit, ltv,
                ratioPercent(projected, ltv), sentence);
    }

    /**
     * {@code part} as a percentage of {@code whole}, rounded half up to 2 decimals; {@code null} when {@code whole}
     * is zero.
     */
    public static BigDecimal ratioPercent(Money part, Money whole) {
        part.requireSameCurrency(whole);
        if (whole.isZero()) {
            return null;
        }
        return BigDecimal.valueOf(part.amountMinor())
                .multiply(BigDecimal.valueOf(100))
                .divide(BigDecimal.valueOf(whole.amountMinor()), 2, RoundingMode.HALF_UP);
    }

    /** The rule's stable id, e.g. {@code ROLLING_12M_CAP}. */
    public String name() {
        return rule.name();
    }

    /** What the spend would be if the proposal were granted: {@code spend + amount}, compared with the limit. */
    public Money projected() {
        return amount.plus(spend);
    }

    /** The verdict this check imposes on its own: the rule's consequence if it failed, else {@code AUTO_APPROVED}. */
    public Verdict imposes() {
        return passed ? Verdict.AUTO_APPROVED : rule.onFailure();
    }

    /** Whether this check made the decision stricter than auto-approval. */
    public boolean restricts() {
        return imposes() != Verdict.AUTO_APPROVED;
    }

    /** The ratio, if the LTV is not zero. */
    public Optional<BigDecimal> ratio() {
        return Optional.ofNullable(ratioPercent);
    }

    /**
     * The ratio in basis points (5.40% is 540), as the audit trail's {@code spend_ratio_bp} column keeps it; empty
     * when the LTV is zero. Saturates at {@code Long.MAX_VALUE} for absurdly small LTVs.
     */
    public OptionalLong ratioBasisPoints() {
        if (ratioPercent == null) {
            return OptionalLong.empty();
        }
        BigDecimal basisPoints = ratioPercent.movePointRight(2);
        return OptionalLong.of(basisPoints.compareTo(BigDecimal.valueOf(Long.MAX_VALUE)) > 0
                ? Long.MAX_VALUE : basisPoints.longValueExact());
    }

    /**
     * The machine form, e.g. {@code CASE_CAP.passed=true;CASE_CAP.amount=12000;CASE_CAP.spend=0;
     * CASE_CAP.limit=60000;CASE_CAP.ratio=0.40}: amounts in minor units, ratio in percent or {@code none}.
     */
    public String toAuditString() {
        String key = rule.name() + ".";
        return key + "passed=" + passed
                + ";" + key + "amount=" + amount.amountMinor()
                + ";" + key + "spend=" + spend.amountMinor()
                + ";" + key + "limit=" + limit.amountMinor()
                + ";" + key + "ratio=" + (ratioPercent == null ? "none" : ratioPercent.toPlainString());
    }
}
