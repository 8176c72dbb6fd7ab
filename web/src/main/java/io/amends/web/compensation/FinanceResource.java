package io.amends.web.compensation;

import io.amends.compensation.boundary.Proposals;
import io.amends.users.entity.Role;
import io.amends.web.compensation.ProposalViews.ProposalView;
import io.amends.web.compensation.ProposalViews.QueueItemView;
import io.amends.web.security.Allow;
import io.amends.web.security.CurrentCaller;
import jakarta.ejb.EJB;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.util.List;

/** The finance side of compensation: the approval queue, approve, reject; and withdrawal by the proposer. */
@Path("proposals")
@ApplicationScoped
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class FinanceResource {

    @EJB
    Proposals proposals;

    @Inject
    CurrentCaller caller;

    public record Decision(@Size(max = 2000) String comment) {
    }

    public record QueueView(List<QueueItemView> items, long total, int page, int size) {
    }

    @GET
    @Path("queue")
    @Allow({Role.FINANCE, Role.ADMIN})
    public QueueView queue(@QueryParam("page") @DefaultValue("0") @Min(0) int page,
                           @QueryParam("size") @DefaultValue("20") @Min(1) @Max(200) int size) {
        Proposals.Queue queue = proposals.queue(caller.get(), page, size);
        return new QueueView(queue.items().stream().map(i -> QueueItemView.of(i, i.approvals())).toList(),
                queue.total(), queue.page(), queue.size());
    }

    @GET
    @Path("{id}")
    @Allow({Role.ACCOUNT_MANAGER, Role.FINANCE, Role.ADMIN})
    public ProposalView get(@PathParam("id") long id) {
        return ProposalView.of(proposals.get(caller.get(), id), proposals.approvalsOf(id));
    }

    @io.amends.web.platform.Idempotent
    @POST
    @Path("{id}/approve")
    @Allow(Role.FINANCE)
    public ProposalView approve(@PathParam("id") long id, @Valid Decision body) {
        return ProposalView.of(proposals.approve(caller.get(), id, body == null ? null : body.comment()), proposals.approvalsOf(id));
    }

    @io.amends.web.platform.Idempotent
    @POST
    @Path("{id}/reject")
    @Allow(Role.FINANCE)
    public ProposalView reject(@PathParam("id") long id, @Valid Decision body) {
        return ProposalView.of(proposals.reject(caller.get(), id, body == null ? null : body.comment()), proposals.approvalsOf(id));
    }

    @POST
    @Path("{id}/withdraw")
    @Allow({Role.ACCOUNT_MANAGER, Role.ADMIN})
    public ProposalView withdraw(@PathParam("id") long id) {
        return ProposalView.of(proposals.withdraw(caller.get(), id), proposals.approvalsOf(id));
    }
}
