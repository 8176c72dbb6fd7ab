package io.amends.cases.entity;

import io.amends.platform.entity.Refused;
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
 * "What we will do so this never happens again": a promise with an owner and a due date, which the client follows.
 *
 * <p>The practice warns against promises that cannot be kept, so every commitment has a date; when it passes the
 * commitment is {@code MISSED} and escalates like an SLA breach. A case resolves only when each commitment is
 * {@code DONE} or explicitly {@code WAIVED} with a reason.
 */
@Entity
@Table(name = "commitment")
@NamedQuery(name = Commitment.OF_CASE, query = "SELECT c FROM Commitment c WHERE c.caseId = :case ORDER BY c.dueAt, c.id")
@NamedQuery(name = Commitment.UNSETTLED_OF_CASE, query = "SELECT COUNT(c) FROM Commitment c WHERE c.caseId = :case "
        + "AND c.status IN (io.amends.cases.entity.CommitmentStatus.OPEN, io.amends.cases.entity.CommitmentStatus.MISSED)")
public class Commitment {

    public static final String OF_CASE = "Commitment.ofCase";
    public static final String UNSETTLED_OF_CASE = "Commitment.unsettledOfCase";

    @Id
    @SequenceGenerator(name = "commitment_seq", sequenceName = "commitment_seq", allocationSize = 50)
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "commitment_seq")
    private Long id;

    @Column(name = "case_id", nullable = false, updatable = false)
    private Long caseId;

    @Column(nullable = false)
    private String description;

    @Column(name = "owner_id")
    private Long ownerId;

    @Column(name = "due_at", nullable = false)
    private Instant dueAt;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    private CommitmentStatus status;

    @Column(name = "waive_reason")
    private String waiveReason;

    @Column(name = "settled_at")
    private Instant settledAt;

    @Column(name = "created_at", nullable = false, updatable = false)
    private Instant createdAt;

    @Version
    private long version;

    protected Commitment() {
        // for JPA
    }

    public Commitment(Long caseId, String description, Long ownerId, Instant dueAt, Instant now) {
        this.caseId = Objects.requireNonNull(caseId);
        if (description == null || description.isBlank()) {
            throw new IllegalArgumentException("Say what will be done");
        }
        if (dueAt == null || !dueAt.isAfter(now)) {
            throw new IllegalArgumentException("A commitment needs a due date in the future: don't promise what you can't date");
        }
        this.description = description.strip();
        this.ownerId = ownerId;
        this.dueAt = dueAt;
        this.status = CommitmentStatus.OPEN;
        this.createdAt = now;
    }

    public void done(Instant at) {
        if (status.isSettled()) {
            throw new Refused("commitment-settled", "This commitment is already " + status);
        }
        status = CommitmentStatus.DONE;
        settledAt = at;
    }

    public void waive(String reason, Instant at) {
        if (reason == null || reason.isBlank()) {
            throw new Refused("reason-required", "Waiving a commitment needs a reason the customer would accept");
        }
        if (status.isSettled()) {
            throw new Refused("commitment-settled", "This commitment is already " + status);
        }
        status = CommitmentStatus.WAIVED;
        waiveReason = reason.strip();
        settledAt = at;
    }

    public void missed() {
        if (status == CommitmentStatus.OPEN) {
            status = CommitmentStatus.MISSED;
        }
    }

    public Long getId() {
        return id;
    }

    public Long getCaseId() {
        return caseId;
    }

    public String getDescription() {
        return description;
    }

    public Long getOwnerId() {
        return ownerId;
    }

    public Instant getDueAt() {
        return dueAt;
    }

    public CommitmentStatus getStatus() {
        return status;
    }

    public String getWaiveReason() {
        return waiveReason;
    }

    public Instant getSettledAt() {
        return settledAt;
    }

    public long getVersion() {
        return version;
    }
}
