package io.amends.web.accounts;

import io.amends.accounts.boundary.Accounts;
import io.amends.accounts.boundary.TierThresholds;
import io.amends.accounts.entity.Tier;
import io.amends.accounts.entity.TierLadder;
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
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.List;

/**
 * The tier ladder over HTTP: the lowest lifetime value (minor units) that earns each tier. Staff read it; an
 * administrator replaces it, which re-tiers every account at once (tiers are derived, never stored).
 */
@Path("tiers")
@ApplicationScoped
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class TiersResource {

    @EJB
    Accounts accounts;

    @Inject
    CurrentCaller caller;

    public record ThresholdView(Tier tier, long minLtvMinor) {
    }

    /** The ladder, highest tier first; the same shape a PUT takes. */
    public record TiersView(List<ThresholdView> thresholds) {
        static TiersView of(TierLadder ladder) {
            return new TiersView(ladder.minimums().entrySet().stream().map(e -> new ThresholdView(e.getKey(), e.getValue())).toList());
        }
    }

    @GET
    @Allow({Role.ACCOUNT_MANAGER, Role.FINANCE, Role.ADMIN})
    public TiersView get() {
        return TiersView.of(accounts.ladder());
    }

    @PUT
    @Allow(Role.ADMIN)
    public TiersView change(@NotNull @Valid TierThresholds thresholds) {
        return TiersView.of(accounts.changeTiers(caller.get(), thresholds));
    }
}
