package io.amends.cases.entity;

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
import java.time.Instant;
import java.util.Objects;

/**
 * One conversation with the customer about a case: when, with whom, what was said, what they asked for, and
 * whether our understanding was confirmed back to them (the practice: listen, then confirm by email).
 */
@Entity
@Table(name = "contact_log")
@NamedQuery(name = ContactLog.OF_CASE, query = "SELECT l FROM ContactLog l WHERE l.caseId = :case ORDER BY l.occurredAt, l.id")
@NamedQuery(name = ContactLog.COUNT_OF_CASE, query = "SELECT COUNT(l) FROM ContactLog l WHERE l.caseId = :case")
public class ContactLog {

    public static final String OF_CASE = "ContactLog.ofCase";
    public static final String COUNT_OF_CASE = "ContactLog.countOfCase";

    @Id
    @SequenceGenerator(name = "contact_log_seq", sequenceName = "contact_log_seq", allocationSize = 50)
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "contact_log_seq")
    private Long id;

    @Column(name = "case_id", nullable = false, updatable = false)
    private Long caseId;

    @Column(name = "contact_id", updatable = false)
    private Long contactId;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, updatable = false)
    private ContactChannel channel;

    @Column(name = "occurred_at", nullable = false, updatable = false)
    private Instant occurredAt;

    @Column(nullable = false, updatable = false)
    private String summary;

    @Column(name = "customer_asked", updatable = false)
    private String customerAsked;

    @Column(name = "confirmed_back", nullable = false)
    private boolean confirmedBack;

    @Column(name = "logged_by", nullable = false, updatable = false)
    private String loggedBy;

    @Column(name = "logged_at", nullable = false, updatable = false)
    private Instant loggedAt;

    protected ContactLog() {
        // for JPA
    }

    public ContactLog(Long caseId, Long contactId, ContactChannel channel, Instant occurredAt, String summary,
                      String customerAsked, boolean confirmedBack, String loggedBy, Instant loggedAt) {
        this.caseId = Objects.requireNonNull(caseId);
        this.contactId = contactId;
        this.channel = Objects.requireNonNull(channel, "channel");
        if (occurredAt.isAfter(loggedAt.plusSeconds(300))) {
            throw new IllegalArgumentException("A contact cannot be logged before it happened");
        }
        this.occurredAt = occurredAt;
        if (summary == null || summary.isBlank()) {
            throw new IllegalArgumentException("Say what was understood in the conversation");
        }
        this.summary = summary.strip();
        this.customerAsked = customerAsked;
        this.confirmedBack = confirmedBack;
        this.loggedBy = Objects.requireNonNull(loggedBy);
        this.loggedAt = loggedAt;
    }

    public void confirmedBack() {
        this.confirmedBack = true;
    }

    public Long getId() {
        return id;
    }

    public Long getCaseId() {
        return caseId;
    }

    public Long getContactId() {
        return contactId;
    }

    public ContactChannel getChannel() {
        return channel;
    }

    public Instant getOccurredAt() {
        return occurredAt;
    }

    public String getSummary() {
        return summary;
    }

    public String getCustomerAsked() {
        return customerAsked;
    }

    public boolean isConfirmedBack() {
        return confirmedBack;
    }

    public String getLoggedBy() {
        return loggedBy;
    }

    public Instant getLoggedAt() {
        return loggedAt;
    }
}
