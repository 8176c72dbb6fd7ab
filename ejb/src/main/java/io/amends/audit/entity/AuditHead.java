package io.amends.audit.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/**
 * The single row that orders appends to the audit trail: the last sequence number and hash.
 *
 * <p>Each appending transaction locks it just before it commits (see {@code ChainAppender}, which reads and
 * advances it in SQL), so entries get gapless numbers in commit order and each one's hash covers its predecessor, on
 * one node or many. A rolled-back action rolls its entry and the head back with it. Read-only here.
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
}
