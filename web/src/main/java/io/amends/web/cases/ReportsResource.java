package io.amends.web.cases;

import io.amends.cases.boundary.Learning;
import io.amends.platform.control.AmendsClock;
import io.amends.users.entity.Role;
import io.amends.web.security.Allow;
import jakarta.ejb.EJB;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

/** Reports to learn from: root causes by count, recurrence and cost. */
@Path("reports")
@ApplicationScoped
@Produces(MediaType.APPLICATION_JSON)
public class ReportsResource {

    @EJB
    Learning learning;

    @Inject
    AmendsClock clock;

    @GET
    @Path("root-causes")
    @Allow({Role.ACCOUNT_MANAGER, Role.FINANCE, Role.ADMIN})
    public List<Learning.RootCauseLine> rootCauses(@QueryParam("from") Instant from, @QueryParam("to") Instant to) {
        Instant end = to == null ? clock.now().plusSeconds(1) : to;
        Instant start = from == null ? end.minus(Duration.ofDays(365)) : from;
        if (!start.isBefore(end)) {
            throw new io.amends.platform.entity.Invalid("from", "from must be before to");
        }
        return learning.rootCauses(start, end);
    }
}
