package io.amends.compensation.control;

import io.amends.compensation.entity.Verdict;

/**
 * The rules of the compensation policy, in the order they are evaluated and reported.
 *
 * <p>The names are stable ids that appear in the audit trail; never rename one. Each rule says what failing it
 * means, so a decision's verdict is simply the strictest consequence among the rules that failed.
 */
public enum Rule {

    /** No single proposal above the ceiling, whatever the LTV. */
    ABSOLUTE_CEILING("absolute ceiling", Verdict.REFUSED),
    /**
     * Whether the projected spend stays within the floor, so that the caps allow it whatever the LTV. The floor
     * acts through the caps (it is their lowest value); failing this rule only means the LTV-based caps decide.
     */
    FLOOR("floor", Verdict.AUTO_APPROVED),
    /** What the case costs, including this proposal, against the per-case share of LTV. */
    CASE_CAP("per-case cap", Verdict.REFUSED),
    /** What the account cost in 12 months, including this proposal, against the 12-month share of LTV. */
    ROLLING_12M_CAP("12-month cap", Verdict.REFUSED),
    /** Above it, the account manager cannot approve alone. */
    AUTO_APPROVAL_LIMIT("auto-approval limit", Verdict.NEEDS_FINANCE),
    /** Above it, two different finance approvers are needed. */
    FINANCE_LIMIT("finance limit", Verdict.NEEDS_TWO_FINANCE);

    private final String label;
    private final Verdict onFailure;

    Rule(String label, Verdict onFailure) {
        this.label = label;
        this.onFailure = onFailure;
    }

    /** How explanations name the rule, e.g. "12-month cap". */
    public String label() {
        return label;
    }

    /** The verdict a proposal gets at least when it fails this rule; {@code AUTO_APPROVED} means no consequence. */
    public Verdict onFailure() {
        return onFailure;
    }

    /** True for rules that only inform, such as {@link #FLOOR}. */
    public boolean isInformational() {
        return onFailure == Verdict.AUTO_APPROVED;
    }
}
