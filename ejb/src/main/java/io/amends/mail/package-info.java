/**
 * Email: keeping the customer informed (and staff alerted) through a persistent outbox.
 *
 * <p>Design decisions:
 * <ul>
 *   <li><b>Outbox in the action's transaction.</b> {@link io.amends.mail.boundary.Notifications} observes the case
 *   events ({@code @Observes(during = IN_PROGRESS)}) and writes a {@code mail_outbox} row in the transaction that
 *   sends the apology, resolves the case or breaches the deadline. The action and its mail commit together or not at
 *   all: no mail about something that was rolled back, no action without its mail.</li>
 *   <li><b>Sending is a sweep.</b> {@link io.amends.mail.boundary.MailDispatcher} runs every three seconds on every node
 *   (a non-persistent timer: what is due lives in the table). It leases due rows with {@code FOR UPDATE SKIP LOCKED}
 *   and a lease column, so several nodes never take the same row at once, and a node that dies mid-send releases
 *   its rows when the lease runs out.</li>
 *   <li><b>Delayed, never lost.</b> A failed attempt reschedules the mail with a doubling wait (5 s up to 10 min by
 *   default); there is no last attempt. Only an SMTP refusal of the recipient (5xx) ends a mail as {@code FAILED},
 *   where an administrator sees it ({@code GET /api/v1/mail/outbox}).</li>
 *   <li><b>Not twice.</b> A mail is marked sent in its own transaction right after the server accepted it (its answer
 *   to the message data; the mails of a batch share one SMTP session, and a {@code QUIT} that fails at its end does not
 *   make any of them a failed attempt). The one window left
 *   (the node dies between acceptance and the mark) can send it again after the lease; its Message-ID,
 *   {@code <amends.<outbox id>.<created millis>@<sender domain>>}, is the same on both, so mail systems and people can
 *   tell the duplicate.</li>
 *   <li><b>Words are data.</b> {@code io/amends/mail/templates/<name>_<language>.txt}: a subject line, an empty line,
 *   the body with {@code {placeholders}}. The account's language is used, falling back to its base language and to
 *   English; staff mails are in English.</li>
 *   <li><b>Wall clock.</b> The outbox runs on real time, not on the business clock tests move forward: retries are about
 *   the mail server, not about deadlines.</li>
 * </ul>
 */
package io.amends.mail;
