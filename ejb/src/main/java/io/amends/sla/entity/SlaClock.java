package io.amends.sla.entity;

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
 * One deadline of a case, as a database row: first contact, resolution, or a commitment's due date.
 *
 * <p>Rows rather than timers, so that nothing is forgotten across restarts, and so that with several nodes the
 * version column lets exactly one sweep mark a breach and escalate it.
 */
@Entity
@Table(name = "sla_clock")
@NamedQuery(name = SlaClock.DUE, query = "SELECT c FROM SlaClock c WHERE c.state = io.amends.sla.entity.ClockState.RUNNING "
        + "AND c.dueAt <= :now ORDER BY c.dueAt")
@NamedQuery(name = SlaClock.RUNNING_OF_CASE, query = "SELECT c FROM SlaClock c WHERE c.caseId = :case "
        + "AND c.state = io.amends.sla.entity.ClockState.RUNNING")
@NamedQuery(name = SlaClock.OF_CASE, query = "SELECT c FROM SlaClock c WHERE c.caseId = :case ORDER BY c.dueAt")
public class SlaClock {

    public static final String DUE = "SlaClock.due";
    public static final String RUNNING_OF_CASE = "SlaClock.runningOfCase";
    public static final String OF_CASE = "SlaClock.ofCase";

    @Id
    @SequenceGenerator(name = "sla_clock_seq", sequenceName = "sla_clock_seq", allocationSize = 50)
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "sla_clock_seq")
    private Long id;

    @Column(name = "case_id", nullable = false, updatable = false)
    private Long caseId;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, updatable = false)
    private ClockKind kind;

    @Column(name = "commitment_id", updatable = false)
    private Long commitmentId;

    @Column(name = "due_at", nullable = false)
    private Instant dueAt;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    private ClockState state;

    @Column(name = "settled_at")
    private Instant settledAt;

    @Column(name = "escalated_to")
    private String escalatedTo;

    @Version
    private long version;

    protected SlaClock() {
        // for JPA
    }

    public SlaClock(Long caseId, ClockKind kind, Long commitmentId, Instant dueAt) {
        this.caseId = Objects.requireNonNull(caseId);
        this.kind = Objects.requireNonNull(kind);
        if (kind == ClockKind.COMMITMENT && commitmentId == null) {
            throw new IllegalArgumentException("A commitment deadline names its commitment");
        }
        this.commitmentId = commitmentId;
        this.dueAt = Objects.requireNonNull(dueAt);
        this.state = ClockState.RUNNING;
    }

    public void met(Instant at) {
        if (state == ClockState.RUNNING) {
            state = ClockState.MET;
            settledAt = at;
        }
    }

    public void cancel(Instant at) {
        if (state == ClockState.RUNNING) {
            state = ClockState.CANCELLED;
            settledAt = at;
        }
    }

    public void breached(Instant at, String escalatedTo) {
        if (state != ClockState.RUNNING) {
            throw new IllegalStateException("Only a running deadline can be breached");
        }
        state = ClockState.BREACHED;
        settledAt = at;
        this.escalatedTo = escalatedTo;
    }

    public Long getId() {
        return id;
    }

    public Long getCaseId() {
        return caseId;
    }

    public ClockKind getKind() {
        return kind;
    }

    public Long getCommitmentId() {
        return commitmentId;
    }

    public Instant getDueAt() {
        return dueAt;
    }

    public ClockState getState() {
        return state;
    }

    public Instant getSettledAt() {
        return settledAt;
    }

    public String getEscalatedTo() {
        return escalatedTo;
    }
}
