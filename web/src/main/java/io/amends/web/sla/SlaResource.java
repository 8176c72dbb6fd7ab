package io.amends.web.sla;

import io.amends.sla.boundary.Deadlines;
import io.amends.sla.boundary.SlaSweep;
import io.amends.users.entity.Role;
import io.amends.web.security.Allow;
import io.amends.web.security.CurrentCaller;
import jakarta.ejb.EJB;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.List;

/** SLA policies, and a sweep on demand (the scheduled one runs every minute on every node). */
@Path("sla")
@ApplicationScoped
@Produces(MediaType.APPLICATION_JSON)
public class SlaResource {

    @EJB
    Deadlines deadlines;

    @EJB
    SlaSweep sweep;

    @Inject
    CurrentCaller caller;

    public record PolicyView(String severity, String tier, int firstContactMinutes, int resolutionMinutes) {
    }

    @GET
    @Path("policies")
    @Allow({Role.ACCOUNT_MANAGER, Role.FINANCE, Role.ADMIN})
    public List<PolicyView> policies() {
        return deadlines.policies().stream().map(p -> new PolicyView(p.getKey().getSeverity().name(), p.getKey().getTier().name(),
                p.getFirstContactMinutes(), p.getResolutionMinutes())).toList();
    }

    public record PolicyChange(@jakarta.validation.constraints.Min(1) int firstContactMinutes,
                               @jakarta.validation.constraints.Min(1) int resolutionMinutes) {
    }

    @jakarta.ws.rs.PUT
    @Path("policies/{severity}/{tier}")
    @jakarta.ws.rs.Consumes(MediaType.APPLICATION_JSON)
    @Allow(Role.ADMIN)
    public PolicyView change(@jakarta.ws.rs.PathParam("severity") io.amends.cases.entity.Severity severity,
                             @jakarta.ws.rs.PathParam("tier") io.amends.accounts.entity.Tier tier,
                             @jakarta.validation.constraints.NotNull @jakarta.validation.Valid PolicyChange body) {
        var p = deadlines.changePolicy(caller.get(), severity, tier, body.firstContactMinutes(), body.resolutionMinutes());
        return new PolicyView(p.getKey().getSeverity().name(), p.getKey().getTier().name(), p.getFirstContactMinutes(),
                p.getResolutionMinutes());
    }

    @POST
    @Path("sweep")
    @Allow(Role.ADMIN)
    public SlaSweep.Result sweepNow() {
        return sweep.sweep();
    }
}
