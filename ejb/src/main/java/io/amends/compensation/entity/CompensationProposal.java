package io.amends.compensation.entity;

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
 * A gift or discount proposed for a contact of a case, with its cost, the policy's verdict and the numbers behind it.
 *
 * <p>Lifecycle: the policy decides at once. {@code AUTO_APPROVED} goes straight to {@code APPROVED};
 * {@code NEEDS_FINANCE} and {@code NEEDS_TWO_FINANCE} wait in {@code PENDING_APPROVAL} for one or two different
 * finance approvers (never the proposer, never the case's owner); {@code REFUSED} is kept as refused, so the
 * attempt and its explanation stay on the record. An approved proposal is handed to fulfillment in the approving
 * transaction ({@code FULFILLING}) and ends {@code FULFILLED} or {@code FAILED}. The proposer may withdraw it
 * while it is pending or approved but not yet handed over.
 */
@Entity
@Table(name = "compensation_proposal")
@NamedQuery(name = CompensationProposal.OF_CASE, query = "SELECT p FROM CompensationProposal p WHERE p.caseId = :case ORDER BY p.proposedAt, p.id")
@NamedQuery(name = CompensationProposal.QUEUE, query = "SELECT p FROM CompensationProposal p WHERE p.status = "
        + "io.amends.compensation.entity.ProposalStatus.PENDING_APPROVAL ORDER BY p.proposedAt, p.costMinor DESC, p.id")
@NamedQuery(name = CompensationProposal.COUNT_QUEUE, query = "SELECT COUNT(p) FROM CompensationProposal p WHERE p.status = "
        + "io.amends.compensation.entity.ProposalStatus.PENDING_APPROVAL")
public class CompensationProposal {

    public static final String OF_CASE = "CompensationProposal.ofCase";
    public static final String QUEUE = "CompensationProposal.queue";
    public static final String COUNT_QUEUE = "CompensationProposal.countQueue";

    @Id
    @SequenceGenerator(name = "proposal_seq", sequenceName = "proposal_seq", allocationSize = 50)
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "proposal_seq")
    private Long id;

    @Column(name = "case_id", nullable = false, updatable = false)
    private Long caseId;

    @Column(name = "account_id", nullable = false, updatable = false)
    private Long accountId;

    @Column(name = "contact_id", nullable = false, updatable = false)
    private Long contactId;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, updatable = false)
    private CompensationKind kind;

    @Column(name = "catalog_item_id", updatable = false)
    private Long catalogItemId;

    @Column(nullable = false, updatable = false)
    private String description;

    @Column(name = "card_message", updatable = false)
    private String cardMessage;

    @Column(name = "discount_type", updatable = false)
    private String discountType;

    @Column(name = "discount_value", updatable = false)
    private Long discountValue;

    @Column(name = "discount_expires_at", updatable = false)
    private Instant discountExpiresAt;

    @Column(name = "cost_minor", nullable = false, updatable = false)
    private long costMinor;

    @Column(nullable = false, updatable = false)
    private String currency;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, updatable = false)
    private Verdict verdict;

    @Column(nullable = false, updatable = false)
    private String explanation;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    private ProposalStatus status;

    @Column(name = "counts_against_caps", nullable = false)
    private boolean countsAgainstCaps;

    @Column(name = "approvals_needed", nullable = false, updatable = false)
    private int approvalsNeeded;

    @Column(name = "proposed_by", nullable = false, updatable = false)
    private String proposedBy;

    @Column(name = "proposed_at", nullable = false, updatable = false)
    private Instant proposedAt;

    @Column(name = "decided_at")
    private Instant decidedAt;

    @Column(name = "fulfillment_ref")
    private String fulfillmentRef;

    @Column(name = "fulfillment_status")
    private String fulfillmentStatus;

    @Version
    private long version;

    protected CompensationProposal() {
        // for JPA
    }

    public CompensationProposal(Long caseId, Long accountId, Long contactId, CompensationKind kind, Long catalogItemId,
                                String description, String cardMessage, String discountType, Long discountValue,
                                Instant discountExpiresAt, Money cost, Verdict verdict, String explanation, String proposedBy,
                                Instant now) {
        this.caseId = Objects.requireNonNull(caseId);
        this.accountId = Objects.requireNonNull(accountId);
        this.contactId = Objects.requireNonNull(contactId);
        this.kind = Objects.requireNonNull(kind);
        this.catalogItemId = catalogItemId;
        this.description = Objects.requireNonNull(description);
        this.cardMessage = cardMessage;
        this.discountType = discountType;
        this.discountValue = discountValue;
        this.discountExpiresAt = discountExpiresAt;
        this.costMinor = cost.amountMinor();
        this.currency = cost.currency();
        this.verdict = Objects.requireNonNull(verdict);
        this.explanation = explanation.length() > 8000 ? explanation.substring(0, 7999) : explanation;
        this.proposedBy = Objects.requireNonNull(proposedBy);
        this.proposedAt = Objects.requireNonNull(now);
        this.approvalsNeeded = verdict.isRefused() ? 0 : verdict.requiredApprovals();
        if (verdict.isRefused()) {
            moveTo(ProposalStatus.REFUSED);
            this.decidedAt = now;
        } else if (approvalsNeeded == 0) {
            moveTo(ProposalStatus.APPROVED);
            this.decidedAt = now;
        } else {
            moveTo(ProposalStatus.PENDING_APPROVAL);
        }
    }

    private void moveTo(ProposalStatus next) {
        this.status = next;
        this.countsAgainstCaps = next.countsAgainstCaps();
    }

    /** Records that one more approval was given; answers true when the proposal is now approved. */
    public boolean approvedBy(long approvalsSoFar, Instant at) {
        requireStatus(ProposalStatus.PENDING_APPROVAL, "approved");
        if (approvalsSoFar >= approvalsNeeded) {
            moveTo(ProposalStatus.APPROVED);
            decidedAt = at;
            return true;
        }
        return false;
    }

    public void reject(Instant at) {
        requireStatus(ProposalStatus.PENDING_APPROVAL, "rejected");
        moveTo(ProposalStatus.REJECTED);
        decidedAt = at;
    }

    public void withdraw(Instant at) {
        if (!status.isWithdrawable()) {
            throw new Refused("proposal-not-withdrawable", "A proposal that is " + status + " can no longer be withdrawn");
        }
        moveTo(ProposalStatus.WITHDRAWN);
        decidedAt = at;
    }

    public void handedOver(String reference) {
        requireStatus(ProposalStatus.APPROVED, "handed to fulfillment");
        moveTo(ProposalStatus.FULFILLING);
        fulfillmentRef = reference;
        fulfillmentStatus = "PENDING";
    }

    /** The fulfillment module reported a new state of the order. */
    public void fulfillment(String orderStatus) {
        fulfillmentStatus = orderStatus;
        if ("DELIVERED".equals(orderStatus) && status == ProposalStatus.FULFILLING) {
            moveTo(ProposalStatus.FULFILLED);
        } else if (("FAILED".equals(orderStatus) || "CANCELLED".equals(orderStatus)) && status == ProposalStatus.FULFILLING) {
            moveTo(ProposalStatus.FAILED);
        }
    }

    private void requireStatus(ProposalStatus expected, String what) {
        if (status != expected) {
            throw new Refused("proposal-" + status.name().toLowerCase(java.util.Locale.ROOT),
                    "This proposal is " + status + " and cannot be " + what);
        }
    }

    public Money cost() {
        return Money.of(currency.trim(), costMinor);
    }

    public Long getId() {
        return id;
    }

    public Long getCaseId() {
        return caseId;
    }

    public Long getAccountId() {
        return accountId;
    }

    public Long getContactId() {
        return contactId;
    }

    public CompensationKind getKind() {
        return kind;
    }

    public Long getCatalogItemId() {
        return catalogItemId;
    }

    public String getDescription() {
        return description;
    }

    public String getCardMessage() {
        return cardMessage;
    }

    public String getDiscountType() {
        return discountType;
    }

    public Long getDiscountValue() {
        return discountValue;
    }

    public Instant getDiscountExpiresAt() {
        return discountExpiresAt;
    }

    public long getCostMinor() {
        return costMinor;
    }

    public String getCurrency() {
        return currency.trim();
    }

    public Verdict getVerdict() {
        return verdict;
    }

    public String getExplanation() {
        return explanation;
    }

    public ProposalStatus getStatus() {
        return status;
    }

    public int getApprovalsNeeded() {
        return approvalsNeeded;
    }

    public String getProposedBy() {
        return proposedBy;
    }

    public Instant getProposedAt() {
        return proposedAt;
    }

    public Instant getDecidedAt() {
        return decidedAt;
    }

    public String getFulfillmentRef() {
        return fulfillmentRef;
    }

    public String getFulfillmentStatus() {
        return fulfillmentStatus;
    }

    public long getVersion() {
        return version;
    }
}
