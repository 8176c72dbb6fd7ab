package io.amends.mail.control;

import java.util.Objects;
import java.util.Properties;

/**
 * Where mail goes: the SMTP server and how to talk to it (from {@code amends.mail.*}, see docs/configuration.md).
 *
 * @param from the sender address; its domain also names the Message-IDs
 */
public record SmtpSettings(String host, int port, String from, String username, String password, boolean starttls,
                           int timeoutMillis) {

    public SmtpSettings {
        Objects.requireNonNull(host, "amends.mail.host");
        Objects.requireNonNull(from, "amends.mail.from");
        if (port <= 0 || port > 65535) {
            throw new IllegalArgumentException("amends.mail.port is a port number, not " + port);
        }
    }

    public boolean authenticates() {
        return username != null && !username.isBlank();
    }

    /** The Jakarta Mail session properties. */
    public Properties properties() {
        Properties p = new Properties();
        p.setProperty("mail.transport.protocol", "smtp");
        p.setProperty("mail.smtp.host", host);
        p.setProperty("mail.smtp.port", String.valueOf(port));
        p.setProperty("mail.smtp.from", from);
        p.setProperty("mail.smtp.auth", String.valueOf(authenticates()));
        p.setProperty("mail.smtp.starttls.enable", String.valueOf(starttls));
        p.setProperty("mail.smtp.starttls.required", String.valueOf(starttls));
        p.setProperty("mail.smtp.connectiontimeout", String.valueOf(timeoutMillis));
        p.setProperty("mail.smtp.timeout", String.valueOf(timeoutMillis));
        p.setProperty("mail.smtp.writetimeout", String.valueOf(timeoutMillis));
        return p;
    }

    /** The part after the @ of the sender, for Message-IDs. */
    public String domain() {
        int at = from.lastIndexOf('@');
        String domain = at < 0 ? from : from.substring(at + 1);
        domain = domain.replaceAll("[^A-Za-z0-9.-]", "");
        return domain.isEmpty() ? "amends.local" : domain;
    }

    @Override
    public String toString() {
        return "smtp://" + host + ":" + port + (authenticates() ? " as " + username : "") + (starttls ? " (STARTTLS)" : "");
    }
}
