package io.amends.compensation.control;

import io.amends.compensation.entity.Money;
import io.amends.compensation.entity.Verdict;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * Decides whether a compensation proposal may be granted and by whom, measured against the customer's LTV.
 *
 * <p>A pure function of {@link PolicySettings} and {@link PolicyRequest}: no clock, no database, no container, so
 * the same input always gives an equal decision. The order of the rules and why is in the package documentation.
 */
public final class Policy {

    private static final BigDecimal ONE = BigDecimal.valueOf(PolicySettings.ONE);
    private static final BigDecimal LONG_MAX = BigDecimal.valueOf(Long.MAX_VALUE);

    private Policy() {
    }

    /**
     * Applies every rule to the request and returns the verdict with the check of each rule.
     *
     * @throws IllegalArgumentException if the request is not in the settings' currency
     */
    public static PolicyDecision decide(PolicySettings settings, PolicyRequest request) {
        Objects.requireNonNull(settings, "settings");
        Objects.requireNonNull(request, "request");
        if (!settings.currency().equals(request.currency())) {
            throw new IllegalArgumentException("The policy settings are in " + settings.currency()
                    + " but the proposal is in " + request.currency() + "; decide it under the "
                    + request.currency() + " settings");
        }
        Money amount = request.proposed();
        Money ltv = request.ltv();
        Money none = Money.zero(amount.currency());
        int severity = settings.severityMultiplier(request.severity());
        int recurrence = settings.recurrenceMultiplier(request.earlierRecurrences());
        Cap caseCap = Cap.of(settings.caseCapBasisPoints(), severity, recurrence, ltv, settings.floor());
        Cap rollingCap = Cap.of(settings.rolling12mCapBasisPoints(), severity, recurrence, ltv, settings.floor());
        String multipliers = multipliers(request, severity, recurrence);

        List<RuleCheck> checks = new ArrayList<>(Rule.values().length);
        checks.add(ceiling(amount, none, settings.absoluteCeiling(), ltv));
        checks.add(floor(request, settings.floor(), caseCap, rollingCap));
        checks.add(cap(Rule.CASE_CAP, "The per-case cap", "spend on this case including pending proposals",
                amount, request.spentOnCase(), ltv, caseCap, settings.caseCapBasisPoints(), multipliers));
        checks.add(cap(Rule.ROLLING_12M_CAP, "The 12-month cap",
                "spend in the last 12 months including pending proposals",
                amount, request.spentLast12Months(), ltv, rollingCap, settings.rolling12mCapBasisPoints(),
                multipliers));
        checks.add(autoApprovalLimit(amount, none, settings.autoApprovalLimit(), ltv));
        checks.add(financeLimit(amount, none, settings.financeLimit(), ltv));

        Verdict verdict = checks.stream().map(RuleCheck::imposes).reduce(Verdict.AUTO_APPROVED, Verdict::stricter);
        return new PolicyDecision(verdict, checks);
    }

    private static RuleCheck ceiling(Money amount, Money none, Money ceiling, Money ltv) {
        boolean within = !amount.isGreaterThan(ceiling);
        return RuleCheck.of(Rule.ABSOLUTE_CEILING, amount, none, ceiling, ltv,
                "The absolute ceiling per proposal is " + ceiling.format() + "; the proposal is " + amount.format()
                        + (ltv.isZero() ? "" : " (" + ratio(amount, ltv) + " of LTV)") + "."
                        + (within ? " That is within the ceiling."
                        : " That is above the ceiling, so the proposal is refused whatever the LTV."));
    }

    private static RuleCheck floor(PolicyRequest request, Money floor, Cap caseCap, Cap rollingCap) {
        Money amount = request.proposed();
        Money onCase = amount.plus(request.spentOnCase());
        Money inYear = amount.plus(request.spentLast12Months());
        // The larger of the two spends is the one that has to fit, so it is the one the check records.
        Money spend = request.spentOnCase().max(request.spentLast12Months());
        boolean within = !amount.plus(spend).isGreaterThan(floor);
        String lifts;
        if (caseCap.raisedToFloor() && rollingCap.raisedToFloor()) {
            lifts = " The floor raises both the per-case cap and the 12-month cap.";
        } else if (caseCap.raisedToFloor()) {
            lifts = " The floor raises the per-case cap.";
        } else if (rollingCap.raisedToFloor()) {
            lifts = " The floor raises the 12-month cap.";
        } else {
            lifts = " The floor raises neither cap.";
        }
        return RuleCheck.of(Rule.FLOOR, amount, spend, floor, request.ltv(),
                "The floor is " + floor.format() + "; spend on this case would be " + onCase.format()
                        + " and in the last 12 months " + inYear.format() + "."
                        + (within ? " That is within the floor, so the caps allow it whatever the LTV."
                        : " That is above the floor, so the caps based on LTV decide.")
                        + lifts);
    }

    private static RuleCheck cap(Rule rule, String capName, String spendName, Money amount, Money spend, Money ltv,
                                 Cap cap, int baseBasisPoints, String multipliers) {
        Money projected = amount.plus(spend);
        boolean within = !projected.isGreaterThan(cap.effective());
        String share = percent(cap.sharePercent()) + " of LTV"
                + (multipliers.isEmpty() ? ""
                        : " (" + percent(basisPointsToPercent(baseBasisPoints)) + multipliers + ")")
                + " = " + cap.byShare().format()
                + (cap.raisedToFloor() ? ", raised to the floor of " + cap.effective().format() : "");
        return RuleCheck.of(rule, amount, spend, cap.effective(), ltv,
                capName + " is " + share + "; " + spendName + " would be " + projected.format()
                        + " (" + ratio(projected, ltv) + ")."
                        + (within ? " That is within the cap."
                        : " That is above the cap, so the proposal is refused."));
    }

    private static RuleCheck autoApprovalLimit(Money amount, Money none, Money limit, Money ltv) {
        boolean within = !amount.isGreaterThan(limit);
        return RuleCheck.of(Rule.AUTO_APPROVAL_LIMIT, amount, none, limit, ltv,
                "The account manager may approve up to " + limit.format() + " alone; the proposal is "
                        + amount.format() + "."
                        + (within ? " That is within the limit."
                        : " That is above the limit, so it needs a finance approval."));
    }

    private static RuleCheck financeLimit(Money amount, Money none, Money limit, Money ltv) {
        boolean within = !amount.isGreaterThan(limit);
        return RuleCheck.of(Rule.FINANCE_LIMIT, amount, none, limit, ltv,
                "Above " + limit.format() + " two different finance approvers are needed; the proposal is "
                        + amount.format() + "."
                        + (within ? " That is within the limit of one finance approver."
                        : " That is above the limit, so it needs two different finance approvers."));
    }

    /** Only the factors that change something, so an ordinary case reads "5.00% of LTV" without noise. */
    private static String multipliers(PolicyRequest request, int severity, int recurrence) {
        StringBuilder text = new StringBuilder();
        if (severity != PolicySettings.ONE) {
            text.append(" × ").append(factor(severity)).append(" for ").append(request.severity())
                    .append(" severity");
        }
        if (recurrence != PolicySettings.ONE) {
            int count = request.earlierRecurrences();
            text.append(" × ").append(factor(recurrence)).append(" for ").append(count)
                    .append(count == 1 ? " earlier recurrence" : " earlier recurrences");
        }
        return text.toString();
    }

    private static String ratio(Money part, Money ltv) {
        BigDecimal ratio = RuleCheck.ratioPercent(part, ltv);
        return ratio == null ? "no LTV in force" : ratio.toPlainString() + "%";
    }

    private static String percent(BigDecimal percent) {
        return percent.setScale(2, RoundingMode.HALF_UP).toPlainString() + "%";
    }

    private static String factor(int basisPoints) {
        return BigDecimal.valueOf(basisPoints).divide(ONE, 2, RoundingMode.HALF_UP).toPlainString();
    }

    private static BigDecimal basisPointsToPercent(long basisPoints) {
        return BigDecimal.valueOf(basisPoints, 2);
    }

    /**
     * One LTV-share cap for one request.
     *
     * @param sharePercent  the share of LTV after multipliers, exact
     * @param byShare       that share of the LTV, rounded half up to a minor unit
     * @param effective     the cap in force: the larger of {@code byShare} and the floor
     * @param raisedToFloor whether the floor, not the share, set the cap
     */
    private record Cap(BigDecimal sharePercent, Money byShare, Money effective, boolean raisedToFloor) {

        static Cap of(int baseBasisPoints, int severity, int recurrence, Money ltv, Money floor) {
            // Multiply exactly and round once, so the multipliers never compound rounding errors.
            BigDecimal shareBasisPoints = BigDecimal.valueOf(baseBasisPoints)
                    .multiply(BigDecimal.valueOf(severity))
                    .multiply(BigDecimal.valueOf(recurrence))
                    .divide(ONE.multiply(ONE));
            BigDecimal minor = BigDecimal.valueOf(ltv.amountMinor())
                    .multiply(shareBasisPoints)
                    .divide(ONE, 0, RoundingMode.HALF_UP);
            // A cap beyond what any amount can be is as good as no cap; saturate instead of failing.
            Money byShare = Money.of(ltv.currency(), minor.min(LONG_MAX).longValueExact());
            Money effective = byShare.max(floor);
            return new Cap(shareBasisPoints.movePointLeft(2), byShare, effective, floor.isGreaterThan(byShare));
        }
    }
}
