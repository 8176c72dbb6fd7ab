package io.amends.mail.entity;

/**
 * Where a mail in the outbox stands: {@code PENDING} until the mail server took it ({@code SENT}); {@code FAILED}
 * only when the server refused the recipient for good. A server that is down keeps a mail pending, never failed.
 */
public enum MailStatus {
    PENDING, SENT, FAILED
}
