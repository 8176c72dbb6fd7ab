package io.amends.web.cases;

import io.amends.cases.boundary.Ratings;
import io.amends.cases.control.Csat;
import io.amends.platform.control.AmendsClock;
import io.amends.platform.entity.Invalid;
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

/** Customer satisfaction with resolutions: by root cause, account manager, compensation kind and time to first contact. */
@Path("reports/csat")
@ApplicationScoped
@Produces(MediaType.APPLICATION_JSON)
public class CsatResource {

    @EJB
    Ratings ratings;

    @Inject
    AmendsClock clock;

    public record CsatView(Instant from, Instant to, Csat.Line overall, List<Csat.Line> byRootCause,
                           List<Csat.Line> byAccountManager, List<Csat.Line> byCompensationKind,
                           List<Csat.Line> byTimeToFirstContact) {
    }

    @GET
    @Allow({Role.FINANCE, Role.ADMIN, Role.ACCOUNT_MANAGER})
    public CsatView csat(@QueryParam("from") Instant from, @QueryParam("to") Instant to) {
        Instant end = to == null ? clock.now().plusSeconds(1) : to;
        Instant start = from == null ? end.minus(Duration.ofDays(365)) : from;
        if (!start.isBefore(end)) {
            throw new Invalid("from", "from must be before to");
        }
        Csat.Report report = ratings.csat(start, end);
        return new CsatView(start, end, report.overall(), report.byRootCause(), report.byAccountManager(),
                report.byCompensationKind(), report.byTimeToFirstContact());
    }
}
