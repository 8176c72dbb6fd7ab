package io.amends.intake.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.Objects;

/**
 * A helpdesk ticket as intake knows it: which case (or triage item) it became, and a hash of its content so that
 * a re-sent, unchanged ticket changes nothing.
 *
 * <p>The ticket reference is the primary key, so one ticket can never become two cases; intake locks this row while
 * it handles the ticket, so re-sends that arrive at the same moment are handled one after the other.
 */
@Entity
@Table(name = "intake_ticket")
public class IntakeTicket {

    @Id
    @Column(name = "ticket_ref")
    private String ticketRef;

    @Column(name = "case_id")
    private Long caseId;

    @Column(name = "triage_id")
    private Long triageId;

    @Column(name = "content_hash")
    private String contentHash;

    @Column(name = "received_at", nullable = false, updatable = false)
    private Instant receivedAt;

    @Column(name = "updated_at", nullable = false)
    private Instant updatedAt;

    @Column(name = "times_received", nullable = false)
    private int timesReceived;

    protected IntakeTicket() {
        // for JPA
    }

    public IntakeTicket(String ticketRef, Instant now) {
        this.ticketRef = Objects.requireNonNull(ticketRef);
        this.receivedAt = now;
        this.updatedAt = now;
    }

    /** Counts a delivery; answers whether the content differs from the last one. */
    public boolean received(String hash, Instant at) {
        timesReceived++;
        updatedAt = at;
        boolean changed = !Objects.equals(contentHash == null ? null : contentHash.trim(), hash);
        contentHash = hash;
        return changed;
    }

    public void becameCase(Long id) {
        this.caseId = Objects.requireNonNull(id);
    }

    public void wentToTriage(Long id) {
        this.triageId = Objects.requireNonNull(id);
    }

    public String getTicketRef() {
        return ticketRef;
    }

    public Long getCaseId() {
        return caseId;
    }

    public Long getTriageId() {
        return triageId;
    }

    public int getTimesReceived() {
        return timesReceived;
    }

    public Instant getReceivedAt() {
        return receivedAt;
    }
}
