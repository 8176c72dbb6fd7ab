package io.amends.audit.boundary;

import io.amends.users.entity.Caller;

/**
 * What happened, for the audit trail: who did which action on which case and account, with money where it moved.
 * The trail adds the time, the sequence, the LTV in force and the 12-month spend.
 */
public record AuditEvent(String actor, String actorRole, String action, String caseKey, Long accountId, Long amountMinor,
                         String currency, String verdict, String details) {

    public static AuditEvent of(Caller caller, String action, String caseKey, Long accountId, String details) {
        return new AuditEvent(caller.username(), caller.primaryRole(), action, caseKey, accountId, null, null, null, details);
    }

    public AuditEvent withMoney(long minor, String currencyCode) {
        return new AuditEvent(actor, actorRole, action, caseKey, accountId, minor, currencyCode, verdict, details);
    }

    public AuditEvent withVerdict(String policyVerdict) {
        return new AuditEvent(actor, actorRole, action, caseKey, accountId, amountMinor, currency, policyVerdict, details);
    }
}
