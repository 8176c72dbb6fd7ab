package io.amends.mail.boundary;

import io.amends.mail.control.SmtpSender;
import io.amends.mail.control.SmtpSettings;
import jakarta.annotation.PostConstruct;
import jakarta.ejb.ConcurrencyManagement;
import jakarta.ejb.ConcurrencyManagementType;
import jakarta.ejb.EJB;
import jakarta.ejb.EJBException;
import jakarta.ejb.Schedule;
import jakarta.ejb.Singleton;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import jakarta.mail.MessagingException;
import java.net.InetAddress;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Every few seconds, on every node: leases the due mails of the outbox and hands them to the SMTP server.
 *
 * <p>A non-persistent timer only drives the sweep; what is due lives in the database. Each mail is marked sent in a
 * transaction of its own right after the server accepted it, so a restart does not send it again; a failure
 * reschedules it with a growing wait. Several nodes share the work through leases ({@link Outbox#lease}).
 */
@Singleton
@ConcurrencyManagement(ConcurrencyManagementType.BEAN)
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
public class MailDispatcher {

    private static final Logger LOG = Logger.getLogger(MailDispatcher.class.getName());
    static final int BATCH = 50;

    @EJB
    Outbox outbox;

    @Inject
    @ConfigProperty(name = "amends.mail.host", defaultValue = "localhost")
    String host;

    @Inject
    @ConfigProperty(name = "amends.mail.port", defaultValue = "25")
    int port;

    @Inject
    @ConfigProperty(name = "amends.mail.from", defaultValue = "amends@amends.example")
    String from;

    @Inject
    @ConfigProperty(name = "amends.mail.username")
    Optional<String> username;

    @Inject
    @ConfigProperty(name = "amends.mail.password")
    Optional<String> password;

    @Inject
    @ConfigProperty(name = "amends.mail.starttls", defaultValue = "false")
    boolean starttls;

    @Inject
    @ConfigProperty(name = "amends.mail.timeout", defaultValue = "PT10S")
    java.time.Duration timeout;

    private final AtomicBoolean running = new AtomicBoolean();
    private String node;
    private SmtpSender sender;
    private volatile boolean serverWasDown;

    /** What one run did. */
    public record Result(int sent, int failed) {
    }

    @PostConstruct
    void init() {
        String hostName;
        try {
            hostName = InetAddress.getLocalHost().getHostName();
        } catch (Exception e) {
            hostName = "node";
        }
        node = (hostName + "/" + UUID.randomUUID().toString().substring(0, 8));
        if (node.length() > 120) {
            node = node.substring(0, 120);
        }
        sender = new SmtpSender(new SmtpSettings(host, port, from, username.orElse(null), password.orElse(null), starttls,
                (int) timeout.toMillis()));
        LOG.info(() -> "Mail goes to " + sender.settings() + " from " + from);
    }

    @Schedule(hour = "*", minute = "*", second = "*/3", persistent = false, info = "Mail outbox")
    void everyFewSeconds() {
        dispatch();
    }

    /**
     * Sends what is due now, batch after batch while the outbox has more and the server takes it, so that a burst
     * goes out at the server's pace rather than {@value #BATCH} mails per sweep. A run already going on this node makes
     * this one return at once; a server that fails a mail ends the run (the next sweep retries, with its wait).
     */
    public Result dispatch() {
        if (!running.compareAndSet(false, true)) {
            return new Result(0, 0);
        }
        Tally tally = new Tally();
        try {
            List<Outbox.Leased> due;
            do {
                due = outbox.lease(node, BATCH);
                send(due, tally);
            } while (due.size() == BATCH && !tally.serverFailed);
        } catch (EJBException e) {
            LOG.log(Level.WARNING, "The mail outbox sweep failed; the next one retries", e);
        } finally {
            running.set(false);
        }
        return new Result(tally.sent, tally.failed);
    }

    /** What a run did so far. */
    private static final class Tally {
        int sent;
        int failed;
        boolean serverFailed;
    }

    /** One batch, over one SMTP session: a new connection per mail cost more than the mail (44 ms to GreenMail). */
    private void send(List<Outbox.Leased> due, Tally tally) {
        try (SmtpSender.Connection connection = sender.session()) {
            for (Outbox.Leased mail : due) {
                try {
                    connection.send(mail.mail());
                } catch (SmtpSender.Refused refused) {
                    outbox.failed(mail.id(), mail.attempts(), refused.getMessage(), true);
                    tally.failed++;
                    continue;
                } catch (MessagingException | RuntimeException e) {
                    outbox.failed(mail.id(), mail.attempts(), describe(e), false);
                    tally.failed++;
                    tally.serverFailed = true;
                    if (!serverWasDown) {
                        serverWasDown = true;
                        LOG.log(Level.WARNING, "Mail server " + sender.settings() + " did not take mail " + mail.id()
                                + "; the outbox keeps it and retries: " + describe(e));
                    }
                    continue;
                }
                outbox.sent(mail.id(), node);
                tally.sent++;
                if (serverWasDown) {
                    serverWasDown = false;
                    LOG.info(() -> "Mail server " + sender.settings() + " takes mail again");
                }
            }
        }
    }

    private static String describe(Throwable e) {
        StringBuilder text = new StringBuilder(e.getClass().getSimpleName() + ": " + e.getMessage());
        Throwable cause = e.getCause();
        for (int depth = 0; cause != null && depth < 3; depth++, cause = cause.getCause()) {
            text.append(" <- ").append(cause.getClass().getSimpleName()).append(": ").append(cause.getMessage());
        }
        return text.toString();
    }
}
