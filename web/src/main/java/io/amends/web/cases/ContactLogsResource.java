package io.amends.web.cases;

import io.amends.cases.boundary.ContactLogs;
import io.amends.cases.entity.ContactLog;
import io.amends.users.entity.Role;
import io.amends.web.security.Allow;
import io.amends.web.security.CurrentCaller;
import jakarta.ejb.EJB;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.time.Instant;
import java.util.List;

/** The contact log of a case, and the confirmation email drafted from an entry. Internal: clients do not see it. */
@Path("cases/{caseId}/contacts")
@ApplicationScoped
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class ContactLogsResource {

    @EJB
    ContactLogs contactLogs;

    @Inject
    CurrentCaller caller;

    public record ContactLogView(long id, Long contactId, String channel, Instant occurredAt, String summary, String customerAsked,
                                 boolean confirmedBack, String loggedBy) {
        static ContactLogView of(ContactLog l) {
            return new ContactLogView(l.getId(), l.getContactId(), l.getChannel().name(), l.getOccurredAt(), l.getSummary(),
                    l.getCustomerAsked(), l.isConfirmedBack(), l.getLoggedBy());
        }
    }

    @io.amends.web.platform.Idempotent
    @POST
    @Allow({Role.ACCOUNT_MANAGER, Role.ADMIN})
    public Response log(@PathParam("caseId") long caseId, @NotNull @Valid ContactLogs.LogContact body) {
        return Response.status(Response.Status.CREATED).entity(ContactLogView.of(contactLogs.log(caller.get(), caseId, body))).build();
    }

    @GET
    @Allow({Role.ACCOUNT_MANAGER, Role.FINANCE, Role.ADMIN})
    public List<ContactLogView> list(@PathParam("caseId") long caseId) {
        return contactLogs.ofCase(caller.get(), caseId).stream().map(ContactLogView::of).toList();
    }

    /** Sends the confirmation email (the draft, or the account manager's edit of it) and marks the contact confirmed back. */
    @POST
    @Path("{logId}/confirmation")
    @Allow({Role.ACCOUNT_MANAGER, Role.ADMIN})
    public ContactLogView sendConfirmation(@PathParam("caseId") long caseId, @PathParam("logId") long logId,
                                           @Valid ContactLogs.ConfirmationEdit body) {
        return ContactLogView.of(contactLogs.sendConfirmation(caller.get(), caseId, logId, body));
    }

    @GET
    @Path("{logId}/confirmation-draft")
    @Allow({Role.ACCOUNT_MANAGER, Role.ADMIN})
    public ContactLogs.ConfirmationDraft confirmationDraft(@PathParam("caseId") long caseId, @PathParam("logId") long logId) {
        return contactLogs.confirmationDraft(caller.get(), caseId, logId);
    }
}
