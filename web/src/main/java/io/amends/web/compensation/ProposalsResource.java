package io.amends.web.compensation;

import io.amends.compensation.boundary.Proposals;
import io.amends.compensation.entity.CompensationProposal;
import io.amends.users.entity.Role;
import io.amends.web.compensation.ProposalViews.ClientProposalView;
import io.amends.web.compensation.ProposalViews.EvaluationView;
import io.amends.web.compensation.ProposalViews.ProposalView;
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
import java.util.List;

/** Compensation proposals of a case: preview the policy's verdict, propose, list. */
@Path("cases/{caseId}/proposals")
@ApplicationScoped
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class ProposalsResource {

    @EJB
    Proposals proposals;

    @Inject
    CurrentCaller caller;

    @POST
    @Path("preview")
    @Allow({Role.ACCOUNT_MANAGER, Role.ADMIN})
    public EvaluationView preview(@PathParam("caseId") long caseId, @NotNull @Valid Proposals.Propose body) {
        return EvaluationView.of(proposals.preview(caller.get(), caseId, body));
    }

    @io.amends.web.platform.Idempotent
    @POST
    @Allow({Role.ACCOUNT_MANAGER, Role.ADMIN})
    public Response propose(@PathParam("caseId") long caseId, @NotNull @Valid Proposals.Propose body) {
        CompensationProposal proposal = proposals.propose(caller.get(), caseId, body);
        return Response.status(Response.Status.CREATED).entity(ProposalView.of(proposal, proposals.approvalsOf(proposal.getId()))).build();
    }

    @GET
    @Allow({Role.ACCOUNT_MANAGER, Role.FINANCE, Role.ADMIN, Role.CLIENT})
    public List<?> list(@PathParam("caseId") long caseId) {
        List<CompensationProposal> found = proposals.ofCase(caller.get(), caseId);
        if (caller.get().isClient()) {
            return found.stream().filter(p -> p.getStatus().countsAgainstCaps()).map(ClientProposalView::of).toList();
        }
        return found.stream().map(p -> ProposalView.of(p, proposals.approvalsOf(p.getId()))).toList();
    }
}
