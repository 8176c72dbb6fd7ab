package io.amends.web.cases;

import io.amends.cases.boundary.Cases;
import io.amends.cases.entity.ApologyCase;
import io.amends.cases.entity.CaseStatus;
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
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

/**
 * The customer's answer to "is it resolved?": yes closes the case as confirmed by the customer, no reopens it with
 * their reason. Staff may record an answer the customer gave them on the phone.
 */
@Path("cases/{caseId}/confirmation")
@ApplicationScoped
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class ResolutionAnswersResource {

    @EJB
    Cases cases;

    @Inject
    CurrentCaller caller;

    /** {@code resolved=false} needs a {@code reason}; {@code version} (optional) is the case version the customer saw. */
    public record Answer(@NotNull Boolean resolved, @Size(max = 1000) String reason, Long version) {
    }

    public record AnswerView(long caseId, String key, CaseStatus status, long version) {
    }

    @POST
    @Allow({Role.CLIENT, Role.ACCOUNT_MANAGER, Role.ADMIN})
    public AnswerView answer(@PathParam("caseId") long caseId, @NotNull @Valid Answer body) {
        ApologyCase answered = cases.answerResolution(caller.get(), caseId, body.version() == null ? -1 : body.version(), body.resolved(),
                body.reason());
        return new AnswerView(answered.getId(), answered.getCaseKey(), answered.getStatus(), answered.getVersion());
    }
}
