package io.amends.audit.entity;

import io.amends.audit.control.AuditRecord;
import io.amends.audit.control.StoredEntry;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/**
 * One entry of the audit trail as stored: the record, the previous entry's hash and its own. Never updated.
 */
@Entity
@Table(name = "audit_entry")
public class AuditEntry {

    @Id
    @Column(updatable = false)
    private long seq;

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

    @Column(name = "prev_hash", nullable = false, updatable = false)
    private String prevHash;

    @Column(nullable = false, updatable = false)
    private String hash;

    protected AuditEntry() {
        // for JPA
    }

    public AuditEntry(StoredEntry sealed) {
        AuditRecord r = sealed.record();
        this.seq = r.sequence();
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
        this.prevHash = sealed.previousHash();
        this.hash = sealed.hash();
    }

    /** The entry as the chain verifier reads it. */
    public StoredEntry toStored() {
        return new StoredEntry(new AuditRecord(seq, recordedAt, actor, actorRole, action, caseKey, accountId, amountMinor,
                currency, ltvMinor, spend12mMinor, spendRatioBp, verdict, details), prevHash, hash);
    }

    public long getSeq() {
        return seq;
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

    public String getPrevHash() {
        return prevHash;
    }

    public String getHash() {
        return hash;
    }
}
