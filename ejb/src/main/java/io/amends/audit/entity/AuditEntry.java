package io.amends.audit.entity;

import io.amends.audit.control.StoredEntry;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/**
 * One entry of the audit trail as stored: the record, the previous entry's hash and its own. Never updated.
 */
@Entity
@Table(name = "audit_entry")
public class AuditEntry extends AuditContent {

    @Id
    @Column(updatable = false)
    private long seq;

    @Column(name = "prev_hash", nullable = false, updatable = false)
    private String prevHash;

    @Column(nullable = false, updatable = false)
    private String hash;

    protected AuditEntry() {
        // for JPA
    }

    public AuditEntry(StoredEntry sealed) {
        super(sealed.record());
        this.seq = sealed.record().sequence();
        this.prevHash = sealed.previousHash();
        this.hash = sealed.hash();
    }

    /** The entry as the chain verifier reads it. */
    public StoredEntry toStored() {
        return new StoredEntry(numbered(seq), prevHash, hash);
    }

    public long getSeq() {
        return seq;
    }

    public String getPrevHash() {
        return prevHash;
    }

    public String getHash() {
        return hash;
    }
}
