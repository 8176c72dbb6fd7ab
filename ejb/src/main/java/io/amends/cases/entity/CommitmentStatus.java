package io.amends.cases.entity;

/** Where a promise stands. Only DONE and WAIVED let a case be resolved; MISSED is set when the due date passes. */
public enum CommitmentStatus {
    OPEN, DONE, MISSED, WAIVED;

    public boolean isSettled() {
        return this == DONE || this == WAIVED;
    }
}
