package io.amends.audit.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/**
 * The single row that orders appends to the audit trail: the last sequence number and hash.
 *
 * <p>Each appending transaction locks it, so entries get gapless numbers in commit order and each one's hash
 * covers its predecessor, on one node or many. A rolled-back action rolls its entry and the head back with it.
 */
@Entity
@Table(name = "audit_head")
public class AuditHead {

    public static final int ID = 1;

    @Id
    private int id;

    @Column(name = "last_seq", nullable = false)
    private long lastSeq;

    @Column(name = "last_hash", nullable = false)
    private String lastHash;

    protected AuditHead() {
        // for JPA
    }

    public long getLastSeq() {
        return lastSeq;
    }

    public String getLastHash() {
        return lastHash;
    }

    public void advanceTo(long seq, String hash) {
        if (seq != lastSeq + 1) {
            throw new IllegalStateException("The audit trail only grows one entry at a time");
        }
        this.lastSeq = seq;
        this.lastHash = hash;
    }
}
