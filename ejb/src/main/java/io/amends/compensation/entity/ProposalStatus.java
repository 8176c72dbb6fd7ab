package io.amends.compensation.entity;

/**
 * Where a compensation proposal stands. PENDING_APPROVAL, APPROVED and FULFILLING count against the caps (the
 * money is as good as spent); the others do not, except FULFILLED, which is spent.
 */
public enum ProposalStatus {
    PENDING_APPROVAL, APPROVED, FULFILLING, FULFILLED, FAILED, REJECTED, REFUSED, WITHDRAWN;

    /** Settled for the case's resolution guard: nothing more will happen to it. */
    public boolean isSettled() {
        return switch (this) {
            case FULFILLED, FAILED, REJECTED, REFUSED, WITHDRAWN -> true;
            case PENDING_APPROVAL, APPROVED, FULFILLING -> false;
        };
    }

    /** Counts against the LTV caps: pending, approved and fulfilled money. */
    public boolean countsAgainstCaps() {
        return switch (this) {
            case PENDING_APPROVAL, APPROVED, FULFILLING, FULFILLED -> true;
            case FAILED, REJECTED, REFUSED, WITHDRAWN -> false;
        };
    }

    public boolean isWithdrawable() {
        return this == PENDING_APPROVAL || this == APPROVED;
    }
}
