package io.amends.mail.control;

import jakarta.mail.Address;
import jakarta.mail.Authenticator;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.PasswordAuthentication;
import jakarta.mail.SendFailedException;
import jakarta.mail.Session;
import jakarta.mail.Transport;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Date;

/**
 * Hands mail to the SMTP server with Jakarta Mail (the implementation the application server provides): one mail, or
 * several over one SMTP session ({@link #session()}), which saves a connection and its greeting per mail.
 *
 * <p>The Message-ID is {@code <amends.<outbox id>.<created millis>@<sender domain>>}: the same for every attempt of one
 * outbox row, so a duplicate (the one case the outbox cannot exclude) is recognisable, and different across databases.
 */
public final class SmtpSender {

    /** What to send. */
    public record Mail(long outboxId, String recipient, String subject, String body, Instant createdAt) {
    }

    /** The server refused the mail for good (an unknown recipient): retrying will not help. */
    public static final class Refused extends Exception {
        private static final long serialVersionUID = 1L;

        public Refused(String message, Throwable cause) {
            super(message, cause);
        }
    }

    private final SmtpSettings settings;
    private final Session session;

    public SmtpSender(SmtpSettings settings) {
        this.settings = settings;
        Authenticator authenticator = settings.authenticates() ? new Authenticator() {
            @Override
            protected PasswordAuthentication getPasswordAuthentication() {
                return new PasswordAuthentication(settings.username(), settings.password() == null ? "" : settings.password());
            }
        } : null;
        this.session = Session.getInstance(settings.properties(), authenticator);
    }

    public static String messageId(long outboxId, Instant createdAt, String domain) {
        return "<amends." + outboxId + "." + createdAt.toEpochMilli() + "@" + domain + ">";
    }

    /** Sends one mail over a connection of its own, or throws as {@link Connection#send} does. */
    public void send(Mail mail) throws MessagingException, Refused {
        try (Connection connection = session()) {
            connection.send(mail);
        }
    }

    /** An SMTP session for several mails in a row; it connects with its first mail. */
    public Connection session() {
        return new Connection();
    }

    /**
     * Mails in a row over one SMTP connection. A mail that fails drops the connection, so the next one starts on a
     * fresh session (the failed one may have left the server mid-transaction). Not thread-safe: one sender at a time.
     */
    public final class Connection implements AutoCloseable {

        private Transport transport;

        private Connection() {
        }

        /** Sends, or throws: {@link Refused} when retrying is pointless, {@link MessagingException} when it may help. */
        public void send(Mail mail) throws MessagingException, Refused {
            MimeMessage message = message(mail);
            try {
                if (transport == null) {
                    transport = session.getTransport("smtp");
                    transport.connect();
                }
                transport.sendMessage(message, message.getAllRecipients());
            } catch (SendFailedException e) {
                close();
                Address[] invalid = e.getInvalidAddresses();
                if (invalid != null && invalid.length > 0) {
                    throw new Refused("The mail server refused " + mail.recipient() + ": " + e.getMessage(), e);
                }
                throw e;
            } catch (MessagingException | RuntimeException e) {
                close();
                throw e;
            }
        }

        /** Ends the session, if one was started; never throws (see {@link SmtpSender#closeQuietly}). */
        @Override
        public void close() {
            if (transport != null) {
                closeQuietly(transport);
                transport = null;
            }
        }
    }

    private MimeMessage message(Mail mail) throws MessagingException {
        String messageId = messageId(mail.outboxId(), mail.createdAt(), settings.domain());
        MimeMessage message = new MimeMessage(session) {
            @Override
            protected void updateMessageID() throws MessagingException {
                setHeader("Message-ID", messageId);
            }
        };
        message.setFrom(new InternetAddress(settings.from()));
        message.setRecipients(Message.RecipientType.TO, InternetAddress.parse(mail.recipient(), true));
        message.setSubject(mail.subject(), StandardCharsets.UTF_8.name());
        message.setText(mail.body(), StandardCharsets.UTF_8.name());
        message.setSentDate(new Date());
        message.setHeader("X-Amends-Outbox-Id", String.valueOf(mail.outboxId()));
        message.setHeader("Auto-Submitted", "auto-generated");
        message.saveChanges();
        return message;
    }

    /**
     * Ends the SMTP session. Once the server has accepted the message data the mail is its responsibility, so a
     * failed {@code QUIT} (no answer, a dropped connection) must not count as a failed attempt: {@code Transport.send}
     * reports one, and the outbox would send the mail again.
     */
    private static void closeQuietly(Transport transport) {
        try {
            transport.close();
        } catch (MessagingException afterTheMailWasTakenOrNot) {
            // sendMessage already said whether the server took the mail
        }
    }

    public SmtpSettings settings() {
        return settings;
    }
}
