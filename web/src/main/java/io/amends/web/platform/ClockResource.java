package io.amends.web.platform;

import io.amends.platform.control.AmendsClock;
import io.amends.users.entity.Role;
import io.amends.web.security.Allow;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.time.Duration;
import java.time.Instant;

/**
 * The server's clock, and for tests only (amends.clock.controllable, refused in production mode) a way to move it
 * forward so that deadlines pass without sleeping.
 */
@Path("clock")
@ApplicationScoped
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class ClockResource {

    @Inject
    AmendsClock clock;

    public record Now(Instant now, boolean controllable) {
    }

    public record Advance(@NotNull Duration by) {
    }

    @GET
    @Allow({Role.ACCOUNT_MANAGER, Role.FINANCE, Role.ADMIN, Role.CLIENT})
    public Now now() {
        return new Now(clock.now(), clock.isControllable());
    }

    @POST
    @Path("advance")
    @Allow(Role.ADMIN)
    public Now advance(@NotNull @Valid Advance body) {
        if (!clock.isControllable()) {
            throw new io.amends.platform.entity.Forbidden("This server's clock is not controllable (amends.clock.controllable is false)");
        }
        return new Now(clock.advance(body.by()), true);
    }
}
