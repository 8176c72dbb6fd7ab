package io.amends.compensation.entity;

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

/** One finance decision on a proposal: approve or reject, by whom, when, with what comment. One per person and proposal. */
@Entity
@Table(name = "approval")
@NamedQuery(name = Approval.OF_PROPOSAL, query = "SELECT a FROM Approval a WHERE a.proposalId = :proposal ORDER BY a.decidedAt, a.id")
@NamedQuery(name = Approval.OF_PROPOSALS, query = "SELECT a FROM Approval a WHERE a.proposalId IN :proposals ORDER BY a.decidedAt, a.id")
public class Approval {

    public static final String OF_PROPOSAL = "Approval.ofProposal";
    public static final String OF_PROPOSALS = "Approval.ofProposals";

    /** A finance decision. */
    public enum Decision {
        APPROVE, REJECT
    }

    @Id
    @SequenceGenerator(name = "approval_seq", sequenceName = "approval_seq", allocationSize = 50)
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "approval_seq")
    private Long id;

    @Column(name = "proposal_id", nullable = false, updatable = false)
    private Long proposalId;

    @Column(nullable = false, updatable = false)
    private String approver;

    @jakarta.persistence.Enumerated(jakarta.persistence.EnumType.STRING)
    @Column(nullable = false, updatable = false)
    private Decision decision;

    @Column(updatable = false)
    private String comment;

    @Column(name = "decided_at", nullable = false, updatable = false)
    private Instant decidedAt;

    protected Approval() {
        // for JPA
    }

    public Approval(Long proposalId, String approver, Decision decision, String comment, Instant decidedAt) {
        this.proposalId = Objects.requireNonNull(proposalId);
        this.approver = Objects.requireNonNull(approver);
        this.decision = Objects.requireNonNull(decision);
        if (decision == Decision.REJECT && (comment == null || comment.isBlank())) {
            throw new IllegalArgumentException("A rejection needs a reason");
        }
        this.comment = comment;
        this.decidedAt = Objects.requireNonNull(decidedAt);
    }

    public Long getId() {
        return id;
    }

    public Long getProposalId() {
        return proposalId;
    }

    public String getApprover() {
        return approver;
    }

    public Decision getDecision() {
        return decision;
    }

    public String getComment() {
        return comment;
    }

    public Instant getDecidedAt() {
        return decidedAt;
    }
}
