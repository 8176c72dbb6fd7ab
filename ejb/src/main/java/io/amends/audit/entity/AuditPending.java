package io.amends.audit.entity;

import io.amends.audit.control.AuditRecord;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;

/**
 * An audit entry written in its action's transaction and not yet numbered or chained: the sealer turns it into an
 * {@link AuditEntry} and deletes it, in one transaction ({@code AuditSealer}). Never updated.
 */
@Entity
@Table(name = "audit_pending")
@NamedQuery(name = AuditPending.OLDEST_FIRST, query = "SELECT p FROM AuditPending p ORDER BY p.id")
public class AuditPending extends AuditContent {

    public static final String OLDEST_FIRST = "AuditPending.oldestFirst";

    @Id
    @SequenceGenerator(name = "audit_pending_seq", sequenceName = "audit_pending_seq", allocationSize = 50)
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "audit_pending_seq")
    private Long id;

    protected AuditPending() {
        // for JPA
    }

    /** Keeps what the record says; its sequence number is the sealer's to give. */
    public AuditPending(AuditRecord draft) {
        super(draft);
    }

    public Long getId() {
        return id;
    }
}
