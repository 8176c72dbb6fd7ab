package io.amends.mail.boundary;

import io.amends.mail.control.Backoff;
import io.amends.mail.control.MailTemplate;
import io.amends.mail.control.MailTemplates;
import io.amends.mail.control.SmtpSender;
import io.amends.mail.entity.MailStatus;
import io.amends.mail.entity.OutboxMail;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * The mail outbox: mails are written in the transaction of the action that causes them (so an action and its mail
 * commit together or not at all), and leased, marked sent or rescheduled by the {@link MailDispatcher}, each in a
 * transaction of its own.
 *
 * <p>The outbox runs on the wall clock, not the business clock that tests move forward: leases and retry delays are
 * about the mail server, not about deadlines.
 */
@Stateless
public class Outbox {

    private static final Logger LOG = Logger.getLogger(Outbox.class.getName());

    @PersistenceContext(unitName = "amends")
    EntityManager em;

    @Inject
    @ConfigProperty(name = "amends.mail.retry-initial", defaultValue = "PT5S")
    Duration retryInitial;

    @Inject
    @ConfigProperty(name = "amends.mail.retry-max", defaultValue = "PT10M")
    Duration retryMax;

    @Inject
    @ConfigProperty(name = "amends.mail.lease", defaultValue = "PT2M")
    Duration lease;

    /** A mail leased for sending. */
    public record Leased(long id, String recipient, String subject, String body, Instant createdAt, int attempts) {
        public SmtpSender.Mail mail() {
            return new SmtpSender.Mail(id, recipient, subject, body, createdAt);
        }
    }

    /**
     * Puts a mail from a template into the outbox, in the caller's transaction (there must be one). A {@code dedupKey}
     * already in the outbox makes this a no-op: an event reported twice (a vendor calling back again) mails once.
     *
     * @return the mail, or null when the dedup key was seen before
     */
    @TransactionAttribute(TransactionAttributeType.MANDATORY)
    public OutboxMail enqueue(String template, String language, String recipient, Map<String, String> values, Long caseId,
                              String dedupKey) {
        MailTemplate.Filled filled = MailTemplates.get(template, language).fill(values);
        return enqueueText(template, language, recipient, filled.subject(), filled.body(), caseId, dedupKey);
    }

    /** Puts a mail whose words are already written (a confirmation the account manager edited) into the outbox. */
    @TransactionAttribute(TransactionAttributeType.MANDATORY)
    public OutboxMail enqueueText(String kind, String language, String recipient, String subject, String body, Long caseId,
                                  String dedupKey) {
        if (dedupKey != null && em.createNamedQuery(OutboxMail.BY_DEDUP_KEY, Long.class).setParameter("key", dedupKey)
                .getSingleResult() > 0) {
            return null;
        }
        OutboxMail mail = new OutboxMail(kind, recipient, subject, body, language == null ? MailTemplates.FALLBACK : language,
                caseId, dedupKey, now());
        em.persist(mail);
        return mail;
    }

    /**
     * Leases up to {@code limit} due mails to this node. {@code FOR UPDATE SKIP LOCKED} keeps two nodes from waiting on
     * each other's rows, and the lease keeps a row to one node until it is sent or the lease runs out (the node died).
     */
    @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
    public List<Leased> lease(String node, int limit) {
        Instant now = now();
        @SuppressWarnings("unchecked")
        List<Object> ids = em.createNativeQuery("SELECT id FROM mail_outbox WHERE status = 'PENDING' AND next_attempt_at <= ? "
                        + "AND (lease_until IS NULL OR lease_until < ?) ORDER BY next_attempt_at, id "
                        + "FETCH FIRST " + Math.max(1, Math.min(limit, 500)) + " ROWS ONLY FOR UPDATE SKIP LOCKED")
                .setParameter(1, at(now)).setParameter(2, at(now)).getResultList();
        List<Leased> leased = new ArrayList<>();
        for (Object value : ids) {
            long id = ((Number) value).longValue();
            int updated = em.createNativeQuery("UPDATE mail_outbox SET lease_until = ?, leased_by = ?, attempts = attempts + 1, "
                            + "version = version + 1 WHERE id = ? AND status = 'PENDING'")
                    .setParameter(1, at(now.plus(lease))).setParameter(2, node).setParameter(3, id).executeUpdate();
            if (updated == 1) {
                Object[] row = (Object[]) em.createNativeQuery("SELECT recipient, subject, body, created_at, attempts FROM mail_outbox "
                        + "WHERE id = ?").setParameter(1, id).getSingleResult();
                leased.add(new Leased(id, (String) row[0], (String) row[1], (String) row[2], instant(row[3]),
                        ((Number) row[4]).intValue()));
            }
        }
        return leased;
    }

    /** The server accepted the mail: marked at once, in a transaction of its own, so a restart does not send it again. */
    @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
    public void sent(long id, String node) {
        em.createNativeQuery("UPDATE mail_outbox SET status = 'SENT', sent_at = ?, lease_until = NULL, last_error = NULL, "
                        + "version = version + 1 WHERE id = ? AND status = 'PENDING'")
                .setParameter(1, at(now())).setParameter(2, id).executeUpdate();
    }

    /** An attempt failed: try again later (backoff), or give up when the server refused the recipient for good. */
    @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
    public void failed(long id, int attempts, String error, boolean permanent) {
        Instant next = now().plus(new Backoff(retryInitial, retryMax).after(attempts));
        String message = error == null ? "unknown error" : error.replaceAll("\\s+", " ");
        if (message.length() > 1000) {
            message = message.substring(0, 999);
        }
        em.createNativeQuery("UPDATE mail_outbox SET status = ?, next_attempt_at = ?, lease_until = NULL, last_error = ?, "
                        + "version = version + 1 WHERE id = ? AND status = 'PENDING'")
                .setParameter(1, permanent ? MailStatus.FAILED.name() : MailStatus.PENDING.name()).setParameter(2, at(next))
                .setParameter(3, message).setParameter(4, id).executeUpdate();
        if (permanent) {
            LOG.warning(() -> "Mail " + id + " refused for good: " + error);
        }
    }

    /** The newest mails in these states, for an administrator's look at the outbox. */
    public List<OutboxMail> recent(Set<MailStatus> statuses, int limit) {
        return em.createNamedQuery(OutboxMail.RECENT, OutboxMail.class)
                .setParameter("statuses", statuses.isEmpty() ? Set.of(MailStatus.values()) : statuses)
                .setMaxResults(Math.max(1, Math.min(limit, 500))).getResultList();
    }

    public List<OutboxMail> ofCase(long caseId) {
        return em.createNamedQuery(OutboxMail.OF_CASE, OutboxMail.class).setParameter("case", caseId).getResultList();
    }

    static Instant now() {
        return Instant.now().truncatedTo(ChronoUnit.MICROS);
    }

    private static OffsetDateTime at(Instant instant) {
        return instant.atOffset(ZoneOffset.UTC);
    }

    static Instant instant(Object value) {
        if (value instanceof OffsetDateTime odt) {
            return odt.toInstant();
        }
        if (value instanceof java.sql.Timestamp ts) {
            return ts.toInstant();
        }
        if (value instanceof Instant i) {
            return i;
        }
        if (value instanceof java.time.LocalDateTime ldt) {
            return ldt.toInstant(ZoneOffset.UTC);
        }
        return OffsetDateTime.parse(value.toString()).toInstant();
    }
}
