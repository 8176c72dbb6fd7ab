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
import jakarta.persistence.Version;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;

/**
 * An apology case: one time a customer was let down, from the complaint to the customer's confirmed resolution.
 *
 * <p>Lifecycle ({@link CaseStatus}): a case is {@code OPEN} at intake, with a first-contact and a resolution
 * deadline from the SLA policy. Logging a contact moves it to {@code CONTACTED}; sending an apology to
 * {@code APOLOGIZED}. It can be {@code RESOLVED} only when every commitment is done or waived and every
 * compensation is settled, and {@code CLOSED} only when the customer confirms or a quiet period has passed. A
 * resolved or closed case can be {@code REOPENED}, which puts it back to work. Each move is an intent-named method
 * with a guard whose refusal says what is missing; the boundary writes the timeline entry and the audit entry.
 *
 * <p>Concurrent edits are caught by the version column: the second writer gets a conflict, never a lost update.
 */
@Entity
@Table(name = "apology_case")
@NamedQuery(name = ApologyCase.BY_KEY, query = "SELECT c FROM ApologyCase c WHERE c.caseKey = :key")
@NamedQuery(name = ApologyCase.BY_EXTERNAL_REF, query = "SELECT c FROM ApologyCase c WHERE c.externalRef = :ref ORDER BY c.id")
@NamedQuery(name = ApologyCase.OF_ACCOUNT, query = "SELECT c FROM ApologyCase c WHERE c.accountId = :account ORDER BY c.openedAt DESC")
public class ApologyCase {

    public static final String BY_KEY = "ApologyCase.byKey";
    public static final String BY_EXTERNAL_REF = "ApologyCase.byExternalRef";
    public static final String OF_ACCOUNT = "ApologyCase.ofAccount";

    @Id
    @SequenceGenerator(name = "case_seq", sequenceName = "case_seq", allocationSize = 50)
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "case_seq")
    private Long id;

    @Column(name = "case_key", nullable = false, updatable = false)
    private String caseKey;

    @Column(name = "account_id", nullable = false, updatable = false)
    private Long accountId;

    @Column(nullable = false)
    private String title;

    @Column(nullable = false)
    private String description;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    private Severity severity;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, updatable = false)
    private Channel channel;

    @Column(name = "root_cause_id")
    private Long rootCauseId;

    @Column(name = "root_cause_note")
    private String rootCauseNote;

    @Column(name = "owner_id")
    private Long ownerId;

    @Column(name = "external_ref")
    private String externalRef;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    private CaseStatus status;

    @Column(name = "opened_at", nullable = false, updatable = false)
    private Instant openedAt;

    @Column(name = "first_contact_due", nullable = false)
    private Instant firstContactDue;

    @Column(name = "first_contact_at")
    private Instant firstContactAt;

    @Column(name = "resolution_due", nullable = false)
    private Instant resolutionDue;

    /** The deadline that matters now (first contact, then resolution; none once resolved): what "urgent" sorts by. */
    @Column(name = "next_due")
    private Instant nextDue;

    @Column(name = "resolved_at")
    private Instant resolvedAt;

    @Column(name = "closed_at")
    private Instant closedAt;

    @Column(name = "recurrence_of_id")
    private Long recurrenceOfId;

    private boolean breached;

    @Version
    private long version;

    protected ApologyCase() {
        // for JPA
    }

    public ApologyCase(String caseKey, Long accountId, String title, String description, Severity severity,
                       Channel channel, Long rootCauseId, String rootCauseNote, Long ownerId, String externalRef,
                       Instant openedAt, Instant firstContactDue, Instant resolutionDue) {
        this.caseKey = Objects.requireNonNull(caseKey, "caseKey");
        this.accountId = Objects.requireNonNull(accountId, "accountId");
        describe(title, description);
        this.severity = Objects.requireNonNull(severity, "severity");
        this.channel = Objects.requireNonNull(channel, "channel");
        this.rootCauseId = rootCauseId;
        this.rootCauseNote = rootCauseNote;
        this.ownerId = ownerId;
        this.externalRef = externalRef;
        this.status = CaseStatus.OPEN;
        this.openedAt = Objects.requireNonNull(openedAt);
        if (firstContactDue.isBefore(openedAt) || resolutionDue.isBefore(firstContactDue)) {
            throw new IllegalArgumentException("Deadlines come after intake, and resolution after first contact");
        }
        this.firstContactDue = firstContactDue;
        this.resolutionDue = resolutionDue;
        updateNextDue();
    }

    private void updateNextDue() {
        if (!status.isActive()) {
            nextDue = null;
        } else if (firstContactAt == null) {
            nextDue = firstContactDue;
        } else {
            nextDue = resolutionDue;
        }
    }

    /** The human-friendly key of the n-th case opened in a year: {@code AMD-2026-000123}. */
    public static String keyFor(int year, long number) {
        String digits = Long.toString(number);
        return "AMD-" + year + "-" + "000000".substring(Math.min(6, digits.length())) + digits;
    }

    public void describe(String newTitle, String newDescription) {
        if (newTitle == null || newTitle.isBlank()) {
            throw new IllegalArgumentException("A case needs a title");
        }
        if (newDescription == null || newDescription.isBlank()) {
            throw new IllegalArgumentException("A case needs a description of what happened");
        }
        this.title = newTitle.strip();
        this.description = newDescription.strip();
    }

    public void assignTo(Long newOwnerId) {
        this.ownerId = newOwnerId;
    }

    public void classify(Long newRootCauseId, String note) {
        this.rootCauseId = newRootCauseId;
        this.rootCauseNote = note;
    }

    /** Links this case to an earlier one of the same account with the same root cause, and raises its severity one step. */
    public void recurrenceOf(long earlierCaseId) {
        this.recurrenceOfId = earlierCaseId;
        if (severity.ordinal() < Severity.values().length - 1) {
            severity = Severity.values()[severity.ordinal() + 1];
        }
    }

    /** A contact was logged: the first one stops the first-contact clock, and an open or reopened case is now contacted. */
    public boolean contacted(Instant at) {
        if (firstContactAt == null) {
            firstContactAt = at;
        }
        if (status == CaseStatus.OPEN || status == CaseStatus.REOPENED) {
            status = CaseStatus.CONTACTED;
            updateNextDue();
            return true;
        }
        updateNextDue();
        return false;
    }

    /** An apology was sent: a contacted (or reopened) case is now apologized. */
    public boolean apologized(CaseFacts facts) {
        if (status == CaseStatus.CONTACTED || status == CaseStatus.REOPENED) {
            guard(CaseStatus.APOLOGIZED, facts);
            status = CaseStatus.APOLOGIZED;
            return true;
        }
        return false;
    }

    public void resolve(CaseFacts facts, Instant at) {
        guard(CaseStatus.RESOLVED, facts);
        status = CaseStatus.RESOLVED;
        resolvedAt = at;
        updateNextDue();
    }

    /**
     * Closes a resolved case: the customer confirmed, or nobody objected during the quiet period after resolution.
     */
    public void close(boolean confirmedByCustomer, Duration quietPeriod, Instant at) {
        if (!status.canMoveTo(CaseStatus.CLOSED)) {
            throw new TransitionRefused(status, CaseStatus.CLOSED, "only a resolved case can be closed");
        }
        if (!confirmedByCustomer && resolvedAt.plus(quietPeriod).isAfter(at)) {
            throw new TransitionRefused(status, CaseStatus.CLOSED,
                    "the customer has not confirmed the resolution and the quiet period of " + quietPeriod.toDays()
                            + " days after resolution has not passed");
        }
        status = CaseStatus.CLOSED;
        closedAt = at;
    }

    public void reopen(String reason) {
        if (reason == null || reason.isBlank()) {
            throw new TransitionRefused(status, CaseStatus.REOPENED, "reopening needs a reason");
        }
        if (!status.canMoveTo(CaseStatus.REOPENED)) {
            throw new TransitionRefused(status, CaseStatus.REOPENED, "only a resolved or closed case can be reopened");
        }
        status = CaseStatus.REOPENED;
        resolvedAt = null;
        closedAt = null;
        updateNextDue();
    }

    /** Checks the move and its guard; throws {@link TransitionRefused} naming what is missing. */
    public void guard(CaseStatus target, CaseFacts facts) {
        if (!status.canMoveTo(target)) {
            throw new TransitionRefused(status, target, "that move does not exist; from " + status + " a case can go to " + status.next());
        }
        switch (target) {
            case CONTACTED -> {
                if (facts.contactsLogged() == 0) {
                    throw new TransitionRefused(status, target, "no contact has been logged");
                }
            }
            case APOLOGIZED -> {
                if (facts.apologiesSent() == 0) {
                    throw new TransitionRefused(status, target, "no apology has been sent");
                }
            }
            case RESOLVED -> {
                if (facts.openCommitments() > 0) {
                    throw new TransitionRefused(status, target, facts.openCommitments()
                            + " commitment(s) are still open; mark them done or waive them with a reason");
                }
                if (facts.openCompensations() > 0) {
                    throw new TransitionRefused(status, target, facts.openCompensations()
                            + " compensation(s) are not settled yet");
                }
            }
            default -> {
                // CLOSED and REOPENED have their own methods with their own guards
            }
        }
    }

    public void markBreached() {
        this.breached = true;
    }

    public Long getId() {
        return id;
    }

    public String getCaseKey() {
        return caseKey;
    }

    public Long getAccountId() {
        return accountId;
    }

    public String getTitle() {
        return title;
    }

    public String getDescription() {
        return description;
    }

    public Severity getSeverity() {
        return severity;
    }

    public Channel getChannel() {
        return channel;
    }

    public Long getRootCauseId() {
        return rootCauseId;
    }

    public String getRootCauseNote() {
        return rootCauseNote;
    }

    public Long getOwnerId() {
        return ownerId;
    }

    public String getExternalRef() {
        return externalRef;
    }

    public CaseStatus getStatus() {
        return status;
    }

    public Instant getOpenedAt() {
        return openedAt;
    }

    public Instant getFirstContactDue() {
        return firstContactDue;
    }

    public Instant getFirstContactAt() {
        return firstContactAt;
    }

    public Instant getResolutionDue() {
        return resolutionDue;
    }

    public Instant getNextDue() {
        return nextDue;
    }

    /** A reopened case gets a fresh resolution deadline from the SLA policy. */
    public void resolutionDueBy(Instant due) {
        this.resolutionDue = Objects.requireNonNull(due);
        updateNextDue();
    }

    public Instant getResolvedAt() {
        return resolvedAt;
    }

    public Instant getClosedAt() {
        return closedAt;
    }

    public Long getRecurrenceOfId() {
        return recurrenceOfId;
    }

    public boolean isBreached() {
        return breached;
    }

    public long getVersion() {
        return version;
    }
}
