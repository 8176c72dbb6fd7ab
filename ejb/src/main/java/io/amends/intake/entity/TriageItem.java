package io.amends.intake.entity;

import io.amends.cases.entity.Severity;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;
import java.util.Objects;

/**
 * A helpdesk ticket whose requester matches no contact of any account: kept in the triage queue until an account
 * manager assigns it to an account, which opens its case. Never dropped: an unknown requester is often a new person
 * at a known customer.
 */
@Entity
@Table(name = "intake_triage")
@NamedQuery(name = TriageItem.PENDING, query = "SELECT t FROM TriageItem t WHERE t.status = io.amends.intake.entity.TriageStatus.PENDING "
        + "ORDER BY t.receivedAt, t.id")
public class TriageItem {

    public static final String PENDING = "TriageItem.pending";

    @Id
    @SequenceGenerator(name = "triage_seq", sequenceName = "triage_seq", allocationSize = 50)
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "triage_seq")
    private Long id;

    @Column(name = "ticket_ref", nullable = false, updatable = false)
    private String ticketRef;

    @Column(name = "requester_email", nullable = false)
    private String requesterEmail;

    @Column(name = "requester_name")
    private String requesterName;

    @Column(nullable = false)
    private String subject;

    @Column(nullable = false)
    private String description;

    private String priority;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    private Severity severity;

    private String tags;

    @Column(name = "received_by", nullable = false)
    private String receivedBy;

    @Column(name = "received_at", nullable = false, updatable = false)
    private Instant receivedAt;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    private TriageStatus status;

    @Column(name = "case_id")
    private Long caseId;

    @Column(name = "assigned_by")
    private String assignedBy;

    @Column(name = "assigned_at")
    private Instant assignedAt;

    @Version
    private long version;

    protected TriageItem() {
        // for JPA
    }

    public TriageItem(String ticketRef, Instant now) {
        this.ticketRef = Objects.requireNonNull(ticketRef);
        this.receivedAt = now;
        this.status = TriageStatus.PENDING;
    }

    /** The ticket's current content (a re-send may have changed it). */
    public void describe(String email, String name, String newSubject, String newDescription, String newPriority, Severity newSeverity,
                         String newTags, String by) {
        this.requesterEmail = Objects.requireNonNull(email);
        this.requesterName = name;
        this.subject = Objects.requireNonNull(newSubject);
        this.description = Objects.requireNonNull(newDescription);
        this.priority = newPriority;
        this.severity = Objects.requireNonNull(newSeverity);
        this.tags = newTags;
        this.receivedBy = Objects.requireNonNull(by);
    }

    public void assigned(Long newCaseId, String by, Instant at) {
        if (status != TriageStatus.PENDING) {
            throw new IllegalStateException("Triage item " + id + " is already assigned");
        }
        this.status = TriageStatus.ASSIGNED;
        this.caseId = Objects.requireNonNull(newCaseId);
        this.assignedBy = by;
        this.assignedAt = at;
    }

    public Long getId() {
        return id;
    }

    public String getTicketRef() {
        return ticketRef;
    }

    public String getRequesterEmail() {
        return requesterEmail;
    }

    public String getRequesterName() {
        return requesterName;
    }

    public String getSubject() {
        return subject;
    }

    public String getDescription() {
        return description;
    }

    public String getPriority() {
        return priority;
    }

    public Severity getSeverity() {
        return severity;
    }

    public String getTags() {
        return tags;
    }

    public String getReceivedBy() {
        return receivedBy;
    }

    public Instant getReceivedAt() {
        return receivedAt;
    }

    public TriageStatus getStatus() {
        return status;
    }

    public Long getCaseId() {
        return caseId;
    }

    public String getAssignedBy() {
        return assignedBy;
    }

    public Instant getAssignedAt() {
        return assignedAt;
    }

    public long getVersion() {
        return version;
    }
}
