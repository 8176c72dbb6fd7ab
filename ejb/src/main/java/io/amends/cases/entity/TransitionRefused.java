package io.amends.cases.entity;

import io.amends.platform.entity.Refused;

/** Thrown when a case cannot move to the asked status: the move does not exist, or its guard is not met. */
public class TransitionRefused extends Refused {

    private static final long serialVersionUID = 1L;

    public TransitionRefused(CaseStatus from, CaseStatus to, String guard) {
        super("transition-refused", "The case cannot move from " + from + " to " + to + ": " + guard);
    }
}
