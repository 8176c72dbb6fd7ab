package io.amends.web.cases;

import io.amends.cases.boundary.Ratings;
import io.amends.cases.entity.CaseRating;
import io.amends.platform.entity.NotFound;
import io.amends.users.entity.Role;
import io.amends.web.security.Allow;
import io.amends.web.security.CurrentCaller;
import jakarta.ejb.EJB;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.time.Instant;

/** The customer's rating of a resolution (1 to 5 and a comment; rating again changes it). Only the customer rates. */
@Path("cases/{caseId}/rating")
@ApplicationScoped
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class RatingsResource {

    @EJB
    Ratings ratings;

    @Inject
    CurrentCaller caller;

    public record Rate(@NotNull @Min(1) @Max(5) Integer score, @Size(max = 2000) String comment) {
    }

    public record RatingView(long caseId, int score, String comment, String ratedBy, Instant ratedAt) {
        static RatingView of(CaseRating r) {
            return new RatingView(r.getCaseId(), r.getScore(), r.getComment(), r.getRatedBy(), r.getRatedAt());
        }
    }

    @POST
    @Allow(Role.CLIENT)
    public RatingView rate(@PathParam("caseId") long caseId, @NotNull @Valid Rate body) {
        return RatingView.of(ratings.rate(caller.get(), caseId, body.score(), body.comment()));
    }

    @GET
    @Allow({Role.CLIENT, Role.ACCOUNT_MANAGER, Role.FINANCE, Role.ADMIN})
    public RatingView rating(@PathParam("caseId") long caseId) {
        return ratings.of(caller.get(), caseId).map(RatingView::of).orElseThrow(() -> new NotFound("Rating of case", caseId));
    }
}
