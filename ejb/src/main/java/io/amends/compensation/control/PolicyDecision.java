package io.amends.compensation.control;

import io.amends.compensation.entity.Money;
import io.amends.compensation.entity.Verdict;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.stream.Collectors;

/**
 * What the compensation policy decided about one proposal, and why: the verdict and the check of every rule.
 *
 * <p>The constructor insists that every {@link Rule} is checked exactly once, in evaluation order, for the same
 * proposal, and that the verdict is the strictest consequence of the failed checks. A decision therefore always
 * carries its own justification, and one rebuilt from the audit trail cannot claim a verdict its numbers do not
 * support.
 *
 * @param verdict what happens to the proposal
 * @param checks  one check per rule, in the order of {@link Rule}
 */
public record PolicyDecision(Verdict verdict, List<RuleCheck> checks) {

    /** The version of {@link #toAuditString()}'s format; raise it whenever the format changes. */
    public static final int AUDIT_FORMAT = 1;

    public PolicyDecision {
        Objects.requireNonNull(verdict, "verdict");
        checks = List.copyOf(Objects.requireNonNull(checks, "checks"));
        Rule[] rules = Rule.values();
        if (checks.size() != rules.length) {
            throw new IllegalArgumentException(
                    "A decision checks all " + rules.length + " rules, not " + checks.size());
        }
        RuleCheck first = checks.get(0);
        Verdict strictest = Verdict.AUTO_APPROVED;
        for (int i = 0; i < rules.length; i++) {
            RuleCheck check = checks.get(i);
            if (check.rule() != rules[i]) {
                throw new IllegalArgumentException(
                        "Check " + (i + 1) + " must be " + rules[i] + ", not " + check.rule());
            }
            if (!check.amount().equals(first.amount()) || !check.ltv().equals(first.ltv())) {
                throw new IllegalArgumentException("All checks of a decision are about the same proposal and LTV");
            }
            strictest = strictest.stricter(check.imposes());
        }
        if (verdict != strictest) {
            throw new IllegalArgumentException("The checks lead to " + strictest + ", not " + verdict);
        }
    }

    /** The check of one rule. */
    public RuleCheck check(Rule rule) {
        return checks.get(rule.ordinal());
    }

    /** The checks that made the verdict what it is: empty for an auto-approval, the broken caps for a refusal. */
    public List<RuleCheck> reasons() {
        return checks.stream().filter(c -> c.restricts() && c.imposes() == verdict).toList();
    }

    /** The amount proposed. */
    public Money amount() {
        return checks.get(0).amount();
    }

    /** The LTV the proposal was measured against. */
    public Money ltv() {
        return checks.get(0).ltv();
    }

    /** A headline with the verdict, then one line per rule, each naming its limit and the numbers. */
    public String explanation() {
        List<String> lines = new ArrayList<>(checks.size() + 1);
        lines.add(headline());
        checks.forEach(c -> lines.add(c.sentence()));
        return String.join("\n", lines);
    }

    /**
     * The stable machine form for the audit trail: {@code key=value} pairs separated by {@code ;}, starting with
     * {@code format}, {@code verdict}, {@code currency}, {@code amount} and {@code ltv}, followed by each rule's
     * {@link RuleCheck#toAuditString()} in rule order. Amounts are in minor units.
     */
    public String toAuditString() {
        return "format=" + AUDIT_FORMAT
                + ";verdict=" + verdict.name()
                + ";currency=" + amount().currency()
                + ";amount=" + amount().amountMinor()
                + ";ltv=" + ltv().amountMinor()
                + checks.stream().map(c -> ";" + c.toAuditString()).collect(Collectors.joining());
    }

    private String headline() {
        String amount = amount().format();
        return switch (verdict) {
            case AUTO_APPROVED -> "Auto-approved: " + amount
                    + " is within every cap and within what the account manager may approve alone.";
            case NEEDS_FINANCE -> "Needs a finance approval: " + amount + " is within every cap but above the "
                    + Rule.AUTO_APPROVAL_LIMIT.label() + " of " + check(Rule.AUTO_APPROVAL_LIMIT).limit().format()
                    + ".";
            case NEEDS_TWO_FINANCE -> "Needs two different finance approvers: " + amount + " is within every cap but"
                    + " above the " + Rule.FINANCE_LIMIT.label() + " of " + check(Rule.FINANCE_LIMIT).limit().format()
                    + ".";
            case REFUSED -> "Refused: " + amount + " breaks " + inWords(reasons().stream()
                    .map(c -> "the " + c.rule().label() + " of " + c.limit().format())
                    .toList()) + ".";
        };
    }

    /** "a", "a and b", "a, b and c". */
    private static String inWords(List<String> items) {
        int last = items.size() - 1;
        return last == 0 ? items.get(0) : String.join(", ", items.subList(0, last)) + " and " + items.get(last);
    }
}
