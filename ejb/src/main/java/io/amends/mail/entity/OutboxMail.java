package io.amends.mail.entity;

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
 * One mail in the outbox: written in the transaction of the action that causes it, sent later by the dispatcher.
 *
 * <p>Lifecycle: {@code PENDING} with a next attempt time; a dispatcher node leases the row ({@code leaseUntil}), sends
 * it, and marks it {@code SENT} in a transaction of its own right after the server accepted it. A failed attempt
 * puts the next one further away (backoff); a permanent refusal of the recipient ends in {@code FAILED}. The
 * Message-ID is derived from the row, so that in the one window where a mail can go out twice (the node dies between
 * the server's acceptance and the mark) the duplicate is recognisable.
 */
@Entity
@Table(name = "mail_outbox")
@NamedQuery(name = OutboxMail.BY_DEDUP_KEY, query = "SELECT COUNT(m) FROM OutboxMail m WHERE m.dedupKey = :key")
@NamedQuery(name = OutboxMail.RECENT, query = "SELECT m FROM OutboxMail m WHERE m.status IN :statuses ORDER BY m.id DESC")
@NamedQuery(name = OutboxMail.OF_CASE, query = "SELECT m FROM OutboxMail m WHERE m.caseId = :case ORDER BY m.id")
public class OutboxMail {

    public static final String BY_DEDUP_KEY = "OutboxMail.byDedupKey";
    public static final String RECENT = "OutboxMail.recent";
    public static final String OF_CASE = "OutboxMail.ofCase";

    @Id
    @SequenceGenerator(name = "mail_outbox_seq", sequenceName = "mail_outbox_seq", allocationSize = 50)
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "mail_outbox_seq")
    private Long id;

    @Column(nullable = false, updatable = false)
    private String kind;

    @Column(nullable = false, updatable = false)
    private String recipient;

    @Column(nullable = false, updatable = false)
    private String subject;

    @Column(nullable = false, updatable = false)
    private String body;

    @Column(nullable = false, updatable = false)
    private String language;

    @Column(name = "case_id", updatable = false)
    private Long caseId;

    @Column(name = "dedup_key", updatable = false)
    private String dedupKey;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    private MailStatus status;

    @Column(nullable = false)
    private int attempts;

    @Column(name = "next_attempt_at", nullable = false)
    private Instant nextAttemptAt;

    @Column(name = "lease_until")
    private Instant leaseUntil;

    @Column(name = "leased_by")
    private String leasedBy;

    @Column(name = "last_error")
    private String lastError;

    @Column(name = "created_at", nullable = false, updatable = false)
    private Instant createdAt;

    @Column(name = "sent_at")
    private Instant sentAt;

    @Version
    private long version;

    protected OutboxMail() {
        // for JPA
    }

    public OutboxMail(String kind, String recipient, String subject, String body, String language, Long caseId, String dedupKey,
                      Instant now) {
        this.kind = Objects.requireNonNull(kind, "kind");
        if (recipient == null || !recipient.matches("[^@\\s<>,;]+@[^@\\s<>,;]+")) {
            throw new IllegalArgumentException("Not a mail address: " + recipient);
        }
        this.recipient = recipient;
        this.subject = oneLine(Objects.requireNonNull(subject, "subject"), 500);
        this.body = Objects.requireNonNull(body, "body").length() > 20000 ? body.substring(0, 19999) + "…" : body;
        this.language = Objects.requireNonNull(language, "language");
        this.caseId = caseId;
        this.dedupKey = dedupKey;
        this.status = MailStatus.PENDING;
        this.attempts = 0;
        this.nextAttemptAt = Objects.requireNonNull(now);
        this.createdAt = now;
    }

    /** A subject is one line: a line break in it would let a value from a ticket or a form add mail headers. */
    static String oneLine(String text, int max) {
        String line = text.replaceAll("[\\r\\n\\t]+", " ").strip();
        return line.length() > max ? line.substring(0, max - 1) + "…" : line;
    }

    public Long getId() {
        return id;
    }

    public String getKind() {
        return kind;
    }

    public String getRecipient() {
        return recipient;
    }

    public String getSubject() {
        return subject;
    }

    public String getBody() {
        return body;
    }

    public String getLanguage() {
        return language;
    }

    public Long getCaseId() {
        return caseId;
    }

    public String getDedupKey() {
        return dedupKey;
    }

    public MailStatus getStatus() {
        return status;
    }

    public int getAttempts() {
        return attempts;
    }

    public Instant getNextAttemptAt() {
        return nextAttemptAt;
    }

    public Instant getLeaseUntil() {
        return leaseUntil;
    }

    public String getLeasedBy() {
        return leasedBy;
    }

    public String getLastError() {
        return lastError;
    }

    public Instant getCreatedAt() {
        return createdAt;
    }

    public Instant getSentAt() {
        return sentAt;
    }

    public long getVersion() {
        return version;
    }
}
