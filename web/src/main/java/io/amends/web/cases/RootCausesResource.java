package io.amends.web.cases;

import io.amends.cases.boundary.Taxonomy;
import io.amends.cases.entity.RootCause;
import io.amends.users.entity.Role;
import io.amends.web.security.Allow;
import io.amends.web.security.CurrentCaller;
import jakarta.ejb.EJB;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
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
import java.util.List;

/** The root-cause taxonomy: everyone on staff reads it, administrators maintain it. */
@Path("root-causes")
@ApplicationScoped
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class RootCausesResource {

    @EJB
    Taxonomy taxonomy;

    @Inject
    CurrentCaller caller;

    public record RootCauseView(String code, String label, boolean active) {
        static RootCauseView of(RootCause r) {
            return new RootCauseView(r.getCode(), r.getLabel(), r.isActive());
        }
    }

    public record NewRootCause(@NotBlank @Size(max = 40) String code, @NotBlank @Size(max = 120) String label) {
    }

    public record RootCauseChange(@NotBlank @Size(max = 120) String label, boolean active) {
    }

    @GET
    @Allow({Role.ACCOUNT_MANAGER, Role.FINANCE, Role.ADMIN})
    public List<RootCauseView> all() {
        return taxonomy.all().stream().map(RootCauseView::of).toList();
    }

    @POST
    @Allow(Role.ADMIN)
    public Response add(@NotNull @Valid NewRootCause body) {
        return Response.status(Response.Status.CREATED).entity(RootCauseView.of(taxonomy.add(caller.get(), body.code(), body.label()))).build();
    }

    @PUT
    @Path("{code}")
    @Allow(Role.ADMIN)
    public RootCauseView change(@PathParam("code") String code, @NotNull @Valid RootCauseChange body) {
        return RootCauseView.of(taxonomy.change(caller.get(), code, body.label(), body.active()));
    }
}
