package io.amends.web.cases;

import io.amends.cases.boundary.Apologies;
import io.amends.cases.entity.Apology;
import io.amends.coach.control.Coaching;
import io.amends.coach.control.Finding;
import io.amends.users.entity.Role;
import io.amends.web.security.Allow;
import io.amends.web.security.CurrentCaller;
import jakarta.ejb.EJB;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.time.Instant;
import java.util.List;

/** Apology letters of a case: drafts with the coach's findings, revisions, sending. Clients read sent letters. */
@Path("cases/{caseId}/apologies")
@ApplicationScoped
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class ApologiesResource {

    @EJB
    Apologies apologies;

    @Inject
    CurrentCaller caller;

    public record FindingView(String rule, String category, String severity, String text, Integer start, Integer end,
                              String explanation, String suggestion) {
        static FindingView of(Finding f) {
            return new FindingView(f.ruleId(), f.category(), f.severity().name(), f.matchedText(),
                    f.span() == null ? null : f.span().start(), f.span() == null ? null : f.span().end(), f.explanation(), f.suggestion());
        }
    }

    public record CoachingView(String language, boolean blocking, List<FindingView> findings) {
        static CoachingView of(Coaching c) {
            return new CoachingView(c.language(), c.hasBlocking(), c.findings().stream().map(FindingView::of).toList());
        }
    }

    public record ApologyView(long id, Long contactId, String language, String body, String status, Instant createdAt,
                              Instant sentAt, String sentBy, String overrideReason, String overriddenBy, CoachingView coaching) {
    }

    public record Revision(@NotNull @Size(max = 20000) String body) {
    }

    public record Sending(@Size(max = 1000) String overrideReason) {
    }

    ApologyView view(Apology a) {
        boolean client = caller.get().isClient();
        return new ApologyView(a.getId(), a.getContactId(), a.getLanguage(), a.getBody(), a.getStatus().name(), a.getCreatedAt(),
                a.getSentAt(), client ? null : a.getSentBy(), client ? null : a.getOverrideReason(), client ? null : a.getOverriddenBy(),
                client ? null : CoachingView.of(apologies.check(a.getLanguage(), a.getBody())));
    }

    @POST
    @Allow({Role.ACCOUNT_MANAGER, Role.ADMIN})
    public Response draft(@PathParam("caseId") long caseId, @NotNull @Valid Apologies.Draft body) {
        return Response.status(Response.Status.CREATED).entity(view(apologies.draft(caller.get(), caseId, body))).build();
    }

    @GET
    @Allow({Role.ACCOUNT_MANAGER, Role.FINANCE, Role.ADMIN, Role.CLIENT})
    public List<ApologyView> list(@PathParam("caseId") long caseId) {
        return apologies.ofCase(caller.get(), caseId).stream().map(this::view).toList();
    }

    @PUT
    @Path("{apologyId}")
    @Allow({Role.ACCOUNT_MANAGER, Role.ADMIN})
    public ApologyView revise(@PathParam("caseId") long caseId, @PathParam("apologyId") long apologyId, @NotNull @Valid Revision body) {
        return view(apologies.revise(caller.get(), caseId, apologyId, body.body()));
    }

    @POST
    @Path("{apologyId}/send")
    @Allow({Role.ACCOUNT_MANAGER, Role.ADMIN})
    public ApologyView send(@PathParam("caseId") long caseId, @PathParam("apologyId") long apologyId, @Valid Sending body) {
        return view(apologies.send(caller.get(), caseId, apologyId, body == null ? null : body.overrideReason()));
    }
}
