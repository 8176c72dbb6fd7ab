package io.amends.audit.entity;

import io.amends.audit.control.AuditRecord;
import jakarta.persistence.Column;
import jakarta.persistence.MappedSuperclass;
import java.time.Instant;

/**
 * What an audit entry says, as stored: the columns that {@link AuditEntry} (numbered and chained) and
 * {@link AuditPending} (written by the action, not yet numbered) share. Never updated.
 */
@MappedSuperclass
public abstract class AuditContent {

    @Column(name = "recorded_at", nullable = false, updatable = false)
    private Instant recordedAt;

    @Column(nullable = false, updatable = false)
    private String actor;

    @Column(name = "actor_role", nullable = false, updatable = false)
    private String actorRole;

    @Column(nullable = false, updatable = false)
    private String action;

    @Column(name = "case_key", updatable = false)
    private String caseKey;

    @Column(name = "account_id", updatable = false)
    private Long accountId;

    @Column(name = "amount_minor", updatable = false)
    private Long amountMinor;

    @Column(updatable = false)
    private String currency;

    @Column(name = "ltv_minor", updatable = false)
    private Long ltvMinor;

    @Column(name = "spend_12m_minor", updatable = false)
    private Long spend12mMinor;

    @Column(name = "spend_ratio_bp", updatable = false)
    private Long spendRatioBp;

    @Column(updatable = false)
    private String verdict;

    @Column(nullable = false, updatable = false)
    private String details;

    protected AuditContent() {
        // for JPA
    }

    /** Keeps what the record says, already normalised by it. */
    protected AuditContent(AuditRecord r) {
        this.recordedAt = r.recordedAt();
        this.actor = r.actor();
        this.actorRole = r.actorRole();
        this.action = r.action();
        this.caseKey = r.caseKey();
        this.accountId = r.accountId();
        this.amountMinor = r.amountMinor();
        this.currency = r.currency();
        this.ltvMinor = r.ltvInForceMinor();
        this.spend12mMinor = r.spend12mMinor();
        this.spendRatioBp = r.spendLtvRatioBp();
        this.verdict = r.policyVerdict();
        this.details = r.details();
    }

    /** The record at this place in the trail. */
    public AuditRecord numbered(long sequence) {
        return new AuditRecord(sequence, recordedAt, actor, actorRole, action, caseKey, accountId, amountMinor, currency,
                ltvMinor, spend12mMinor, spendRatioBp, verdict, details);
    }

    public Instant getRecordedAt() {
        return recordedAt;
    }

    public String getActor() {
        return actor;
    }

    public String getActorRole() {
        return actorRole;
    }

    public String getAction() {
        return action;
    }

    public String getCaseKey() {
        return caseKey;
    }

    public Long getAccountId() {
        return accountId;
    }

    public Long getAmountMinor() {
        return amountMinor;
    }

    public String getCurrency() {
        return currency;
    }

    public Long getLtvMinor() {
        return ltvMinor;
    }

    public Long getSpend12mMinor() {
        return spend12mMinor;
    }

    public Long getSpendRatioBp() {
        return spendRatioBp;
    }

    public String getVerdict() {
        return verdict;
    }

    public String getDetails() {
        return details;
    }
}
