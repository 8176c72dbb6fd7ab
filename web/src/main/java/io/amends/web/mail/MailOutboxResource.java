package io.amends.web.mail;

import io.amends.mail.boundary.Outbox;
import io.amends.mail.entity.MailStatus;
import io.amends.mail.entity.OutboxMail;
import io.amends.users.entity.Role;
import io.amends.web.security.Allow;
import jakarta.ejb.EJB;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.time.Instant;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

/** The mail outbox for administrators: what is waiting, what went out, what the mail server refused. */
@Path("mail/outbox")
@ApplicationScoped
@Produces(MediaType.APPLICATION_JSON)
public class MailOutboxResource {

    @EJB
    Outbox outbox;

    /** A mail without its body (which may hold a letter to a customer). */
    public record MailView(long id, String kind, String recipient, String subject, String language, Long caseId, MailStatus status,
                           int attempts, Instant nextAttemptAt, String lastError, Instant createdAt, Instant sentAt) {
        static MailView of(OutboxMail m) {
            return new MailView(m.getId(), m.getKind(), m.getRecipient(), m.getSubject(), m.getLanguage(), m.getCaseId(),
                    m.getStatus(), m.getAttempts(), m.getNextAttemptAt(), m.getLastError(), m.getCreatedAt(), m.getSentAt());
        }
    }

    @GET
    @Allow(Role.ADMIN)
    public List<MailView> list(@QueryParam("status") List<MailStatus> statuses,
                               @QueryParam("case") Long caseId,
                               @QueryParam("limit") @DefaultValue("100") @Min(1) @Max(500) int limit) {
        if (caseId != null) {
            return outbox.ofCase(caseId).stream().map(MailView::of).toList();
        }
        Set<MailStatus> wanted = statuses == null || statuses.isEmpty() ? EnumSet.allOf(MailStatus.class) : EnumSet.copyOf(statuses);
        return outbox.recent(wanted, limit).stream().map(MailView::of).toList();
    }
}
