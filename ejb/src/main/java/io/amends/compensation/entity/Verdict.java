package io.amends.compensation.entity;

/**
 * What the compensation policy says about a proposal: who has to approve it, or that nobody may.
 *
 * <p>Entities store the constant's name, so never rename one. Strictness is an explicit rank rather than the
 * ordinal, so that reordering the declarations cannot silently change which of two verdicts wins.
 */
public enum Verdict {

    /** Within every cap and within the account manager's own limit. */
    AUTO_APPROVED(0),
    /** Within every cap, above the account manager's limit: one finance approver. */
    NEEDS_FINANCE(1),
    /** Within every cap, above the finance limit: two different finance approvers (four eyes). */
    NEEDS_TWO_FINANCE(2),
    /** Breaks a cap or the absolute ceiling: no approval can make it acceptable. */
    REFUSED(3);

    private final int strictness;

    Verdict(int strictness) {
        this.strictness = strictness;
    }

    /** 0 for the most lenient verdict, higher for stricter ones. */
    public int strictness() {
        return strictness;
    }

    public boolean isRefused() {
        return this == REFUSED;
    }

    public boolean isApprovable() {
        return this != REFUSED;
    }

    public boolean needsFinance() {
        return this == NEEDS_FINANCE || this == NEEDS_TWO_FINANCE;
    }

    /**
     * How many different finance approvers must approve before the compensation may be granted.
     *
     * @throws IllegalStateException for {@link #REFUSED}; it throws rather than answering a number so that a caller
     *                               who forgot refusals cannot count approvals towards one
     */
    public int requiredApprovals() {
        return switch (this) {
            case AUTO_APPROVED -> 0;
            case NEEDS_FINANCE -> 1;
            case NEEDS_TWO_FINANCE -> 2;
            case REFUSED -> throw new IllegalStateException("A refused proposal cannot be approved by anyone");
        };
    }

    public boolean isMoreLenientThan(Verdict other) {
        return strictness < other.strictness;
    }

    public boolean isStricterThan(Verdict other) {
        return strictness > other.strictness;
    }

    /** The stricter of this and {@code other}; how the verdicts of several rules combine into one. */
    public Verdict stricter(Verdict other) {
        return other.isStricterThan(this) ? other : this;
    }
}
