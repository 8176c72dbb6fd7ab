package io.amends.cases.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.Objects;

/** One line in a case's timeline: a transition, a contact, an apology, a commitment, a gift. Written once, never changed. */
@Entity
@Table(name = "case_event")
@NamedQuery(name = CaseEvent.OF_CASE, query = "SELECT e FROM CaseEvent e WHERE e.caseId = :case ORDER BY e.occurredAt, e.id")
@NamedQuery(name = CaseEvent.VISIBLE_OF_CASE, query = "SELECT e FROM CaseEvent e WHERE e.caseId = :case AND e.visibleToClient = TRUE "
        + "ORDER BY e.occurredAt, e.id")
public class CaseEvent {

    public static final String OF_CASE = "CaseEvent.ofCase";
    public static final String VISIBLE_OF_CASE = "CaseEvent.visibleOfCase";

    @Id
    @SequenceGenerator(name = "case_event_seq", sequenceName = "case_event_seq", allocationSize = 50)
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "case_event_seq")
    private Long id;

    @Column(name = "case_id", nullable = false, updatable = false)
    private Long caseId;

    @Column(name = "occurred_at", nullable = false, updatable = false)
    private Instant occurredAt;

    @Column(nullable = false, updatable = false)
    private String actor;

    @Column(nullable = false, updatable = false)
    private String kind;

    @Column(nullable = false, updatable = false)
    private String summary;

    @Column(name = "visible_to_client", nullable = false, updatable = false)
    private boolean visibleToClient;

    protected CaseEvent() {
        // for JPA
    }

    public CaseEvent(Long caseId, Instant occurredAt, String actor, String kind, String summary, boolean visibleToClient) {
        this.caseId = Objects.requireNonNull(caseId);
        this.occurredAt = Objects.requireNonNull(occurredAt);
        this.actor = Objects.requireNonNull(actor);
        this.kind = Objects.requireNonNull(kind);
        this.summary = summary.length() > 2000 ? summary.substring(0, 1999) + "…" : summary;
        this.visibleToClient = visibleToClient;
    }

    public Long getId() {
        return id;
    }

    public Long getCaseId() {
        return caseId;
    }

    public Instant getOccurredAt() {
        return occurredAt;
    }

    public String getActor() {
        return actor;
    }

    public String getKind() {
        return kind;
    }

    public String getSummary() {
        return summary;
    }

    public boolean isVisibleToClient() {
        return visibleToClient;
    }
}
