package io.amends.web.cases;

import io.amends.cases.boundary.Messages;
import io.amends.cases.entity.CaseEvent;
import io.amends.users.entity.Role;
import io.amends.web.platform.Idempotent;
import io.amends.web.security.Allow;
import io.amends.web.security.CurrentCaller;
import jakarta.ejb.EJB;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.time.Instant;

/** Messages on a case between the customer and the account team: a timeline line both see, and a mail to the other side. */
@Path("cases/{caseId}/messages")
@ApplicationScoped
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class MessagesResource {

    @EJB
    Messages messages;

    @Inject
    CurrentCaller caller;

    public record Message(@NotBlank @Size(max = 2000) String text) {
    }

    public record MessageView(Instant at, String author, String kind, String summary) {
    }

    @Idempotent
    @POST
    @Allow({Role.CLIENT, Role.ACCOUNT_MANAGER, Role.ADMIN})
    public Response post(@PathParam("caseId") long caseId, @NotNull @Valid Message body) {
        CaseEvent event = messages.post(caller.get(), caseId, body.text());
        return Response.status(Response.Status.CREATED)
                .entity(new MessageView(event.getOccurredAt(), event.getActor(), event.getKind(), event.getSummary())).build();
    }
}
