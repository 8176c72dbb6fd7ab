package io.amends.cases.entity;

import java.util.Collections;
import java.util.EnumSet;
import java.util.Set;

/**
 * Where an apology case stands: {@code OPEN → CONTACTED → APOLOGIZED → RESOLVED → CLOSED}, and {@code REOPENED}
 * from {@code RESOLVED} or {@code CLOSED}, after which the case goes back to work.
 *
 * <p>This enum owns which moves exist; the guards that need facts (a logged contact, a sent apology, open
 * commitments) live on {@link ApologyCase}.
 */
public enum CaseStatus {
    OPEN, CONTACTED, APOLOGIZED, RESOLVED, CLOSED, REOPENED;

    /** The statuses in which a case is {@linkplain #isActive() active}. */
    public static final Set<CaseStatus> ACTIVE = Collections.unmodifiableSet(EnumSet.of(OPEN, CONTACTED, APOLOGIZED, REOPENED));

    public Set<CaseStatus> next() {
        return switch (this) {
            case OPEN -> EnumSet.of(CONTACTED);
            case CONTACTED -> EnumSet.of(APOLOGIZED);
            case APOLOGIZED -> EnumSet.of(RESOLVED);
            case RESOLVED -> EnumSet.of(CLOSED, REOPENED);
            case CLOSED -> EnumSet.of(REOPENED);
            case REOPENED -> EnumSet.of(CONTACTED, APOLOGIZED, RESOLVED);
        };
    }

    public boolean canMoveTo(CaseStatus target) {
        return next().contains(target);
    }

    /** Open for work: the SLA clocks run and the account manager has something to do. */
    public boolean isActive() {
        return this != RESOLVED && this != CLOSED;
    }
}
