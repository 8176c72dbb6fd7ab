package io.amends.compensation.control;

import io.amends.cases.entity.Severity;
import io.amends.compensation.entity.Money;
import java.util.Objects;

/**
 * Everything the compensation policy needs to know about one proposal, gathered by the caller at the moment of
 * proposing.
 *
 * <p>The spends are sums the caller computes from stored proposals; the policy does not look anything up, which is
 * what keeps it deterministic and testable. Neither spend includes the proposal being decided.
 *
 * @param proposed           the amount proposed now; more than zero
 * @param ltv                the customer's lifetime value in force now; may be zero for a new customer
 * @param spentOnCase        what this case already costs: approved plus pending proposals
 * @param spentLast12Months  what the account cost in the last 12 months: approved plus pending proposals, all cases
 * @param severity           how badly the customer was let down
 * @param earlierRecurrences how often the same root cause hurt this customer before; zero or more
 */
public record PolicyRequest(
        Money proposed,
        Money ltv,
        Money spentOnCase,
        Money spentLast12Months,
        Severity severity,
        int earlierRecurrences) {

    public PolicyRequest {
        Objects.requireNonNull(proposed, "proposed");
        Objects.requireNonNull(ltv, "ltv");
        Objects.requireNonNull(spentOnCase, "spentOnCase");
        Objects.requireNonNull(spentLast12Months, "spentLast12Months");
        Objects.requireNonNull(severity, "severity");
        proposed.requireSameCurrency(ltv);
        proposed.requireSameCurrency(spentOnCase);
        proposed.requireSameCurrency(spentLast12Months);
        if (proposed.isZero()) {
            throw new IllegalArgumentException("A proposal of " + proposed.format() + " has nothing to decide");
        }
        if (earlierRecurrences < 0) {
            throw new IllegalArgumentException(
                    "The number of earlier recurrences cannot be negative, but was " + earlierRecurrences);
        }
        // Refuse here, with the numbers, rather than halfway through a decision.
        try {
            proposed.plus(spentOnCase);
            proposed.plus(spentLast12Months);
        } catch (ArithmeticException tooLarge) {
            throw new IllegalArgumentException("The proposal and the spend so far are too large to add up: "
                    + tooLarge.getMessage(), tooLarge);
        }
    }

    public String currency() {
        return proposed.currency();
    }
}
