/**
 * Compensation for apology cases (gifts, discount codes), kept in proportion to what the customer is worth to us.
 *
 * <p>The policy ({@link io.amends.compensation.control.Policy}) is a pure function from
 * {@link io.amends.compensation.control.PolicySettings} and a {@link io.amends.compensation.control.PolicyRequest}
 * to a {@link io.amends.compensation.control.PolicyDecision}. Callers gather the LTV and the spends; the policy looks
 * nothing up and reads no clock, so it is deterministic and tested with properties rather than with a container.
 *
 * <p>Design decisions:
 * <ul>
 *   <li>Money is whole minor units in a {@code long} with an ISO 4217 code
 *   ({@link io.amends.compensation.entity.Money}), never a {@code double}; shares and multipliers are integer basis
 *   points. Arithmetic refuses negative results, overflow and mixed currencies instead of producing a wrong number.
 *   Every amount in one decision, and in the settings it is decided under, is in the account's currency; settings
 *   exist per currency.</li>
 *   <li>Rules are evaluated in this order, and every rule is evaluated and reported even when an earlier one has
 *   already settled the verdict, so the audit trail shows the whole picture (a refused proposal also shows which
 *   approvals it would have needed):
 *   <ol>
 *     <li>{@code ABSOLUTE_CEILING}: a proposal above it is refused, whatever the LTV. It comes first because it is
 *     the one limit that bounds the damage of a wrong LTV.</li>
 *     <li>{@code FLOOR}: informational. The floor is the lowest value of both caps, so that a new customer (zero
 *     LTV) or a small one can still receive something modest such as a card; effective cap = max(share × LTV,
 *     floor). The check reports whether the proposal fits within the floor alone and whether the floor raised a
 *     cap. With zero LTV only the floor allows anything.</li>
 *     <li>{@code CASE_CAP}, then {@code ROLLING_12M_CAP}: what the case costs, and what the account cost in the last
 *     12 months, both including pending proposals and this one, against the effective caps; above either, the
 *     proposal is refused. Pending proposals count so that a burst of proposals cannot each pass alone and exceed
 *     the cap together. The share of LTV is multiplied by the severity multiplier and by the recurrence multiplier
 *     (1 + bonus per earlier recurrence of the same root cause, capped): the worse and the more repeated the harm,
 *     the more generous the cap. The product is computed exactly and rounded half up once. The floor is not
 *     multiplied, being an absolute minimum rather than a share.</li>
 *     <li>{@code AUTO_APPROVAL_LIMIT}: within every cap, a proposal up to this amount is auto-approved for the
 *     account manager; above it, one finance approval is needed.</li>
 *     <li>{@code FINANCE_LIMIT}: above it, two different finance approvers are needed.</li>
 *   </ol>
 *   The approval limits apply to the proposal alone, not to the spend, because they measure the weight of one
 *   decision, while the caps measure the customer's total compensation.</li>
 *   <li>Each rule states what failing it means ({@link io.amends.compensation.control.Rule#onFailure()}) and the
 *   verdict is the strictest consequence among the failed rules: REFUSED over NEEDS_TWO_FINANCE over NEEDS_FINANCE
 *   over AUTO_APPROVED. The verdict is therefore monotone: a larger amount or more prior spend is never treated
 *   more leniently, and a larger LTV, a worse severity or more recurrences never more strictly. The settings
 *   refuse severity multipliers that would break this (a lower multiplier for a worse severity).</li>
 *   <li>Every limit is inclusive: a proposal exactly at a cap or limit is within it.</li>
 *   <li>A decision carries one {@link io.amends.compensation.control.RuleCheck} per rule with the amount, the spend
 *   counted, the limit in force, the LTV, the ratio of the projected spend to LTV (percent, 2 decimals) and a
 *   sentence naming the limit and the numbers; {@code explanation()} is for people, {@code toAuditString()} a stable
 *   {@code key=value;...} form for the audit trail. Decisions and checks validate their own consistency, so one
 *   read back from storage cannot claim a verdict its numbers do not support.</li>
 *   <li>{@link io.amends.compensation.entity.Verdict} is stored by name; its strictness order is explicit.</li>
 * </ul>
 */
package io.amends.compensation;
