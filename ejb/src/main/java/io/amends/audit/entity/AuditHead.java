package io.amends.audit.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/**
 * The single row that orders the audit trail: the last sequence number and hash.
 *
 * <p>Only the sealer's transaction locks it ({@code AuditSealer}), a batch of pending entries at a time, so entries
 * get gapless numbers and each one's hash covers its predecessor, on one node or many.
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
