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
 * An apology letter to a contact: drafted (often from a template), checked by the language coach, then sent.
 *
 * <p>The coach's findings are kept with the letter as it was sent. A letter with blocking findings is sent only
 * when a manager overrides with a reason, and who overrode and why stays on the record.
 */
@Entity
@Table(name = "apology")
@NamedQuery(name = Apology.OF_CASE, query = "SELECT a FROM Apology a WHERE a.caseId = :case ORDER BY a.createdAt, a.id")
@NamedQuery(name = Apology.SENT_OF_CASE, query = "SELECT COUNT(a) FROM Apology a WHERE a.caseId = :case "
        + "AND a.status = io.amends.cases.entity.ApologyStatus.SENT")
public class Apology {

    public static final String OF_CASE = "Apology.ofCase";
    public static final String SENT_OF_CASE = "Apology.sentOfCase";

    @Id
    @SequenceGenerator(name = "apology_seq", sequenceName = "apology_seq", allocationSize = 50)
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "apology_seq")
    private Long id;

    @Column(name = "case_id", nullable = false, updatable = false)
    private Long caseId;

    @Column(name = "contact_id")
    private Long contactId;

    @Column(nullable = false)
    private String language;

    @Column(nullable = false)
    private String body;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    private ApologyStatus status;

    private String findings;

    @Column(name = "override_reason")
    private String overrideReason;

    @Column(name = "overridden_by")
    private String overriddenBy;

    @Column(name = "created_by", nullable = false, updatable = false)
    private String createdBy;

    @Column(name = "created_at", nullable = false, updatable = false)
    private Instant createdAt;

    @Column(name = "sent_by")
    private String sentBy;

    @Column(name = "sent_at")
    private Instant sentAt;

    @Version
    private long version;

    protected Apology() {
        // for JPA
    }

    public Apology(Long caseId, Long contactId, String language, String body, String createdBy, Instant now) {
        this.caseId = Objects.requireNonNull(caseId);
        this.contactId = contactId;
        this.language = Objects.requireNonNull(language);
        this.createdBy = Objects.requireNonNull(createdBy);
        this.createdAt = now;
        this.status = ApologyStatus.DRAFT;
        revise(body);
    }

    public void revise(String newBody) {
        if (status == ApologyStatus.SENT) {
            throw new Refused("apology-sent", "A sent apology is not edited; write a follow-up instead");
        }
        if (newBody == null || newBody.isBlank()) {
            throw new IllegalArgumentException("An apology needs words");
        }
        this.body = newBody.strip();
    }

    public void coached(String findingsSummary) {
        this.findings = findingsSummary;
    }

    /** Sends the letter; {@code overrideReason} and {@code overriddenBy} are set when blocking findings were overridden. */
    public void send(String by, Instant at, String reason, String overrider) {
        if (status == ApologyStatus.SENT) {
            throw new Refused("apology-sent", "This apology was already sent on " + sentAt);
        }
        status = ApologyStatus.SENT;
        sentBy = by;
        sentAt = at;
        overrideReason = reason;
        overriddenBy = overrider;
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

    public String getLanguage() {
        return language;
    }

    public String getBody() {
        return body;
    }

    public ApologyStatus getStatus() {
        return status;
    }

    public String getFindings() {
        return findings;
    }

    public String getOverrideReason() {
        return overrideReason;
    }

    public String getOverriddenBy() {
        return overriddenBy;
    }

    public String getCreatedBy() {
        return createdBy;
    }

    public Instant getCreatedAt() {
        return createdAt;
    }

    public String getSentBy() {
        return sentBy;
    }

    public Instant getSentAt() {
        return sentAt;
    }

    public long getVersion() {
        return version;
    }
}
