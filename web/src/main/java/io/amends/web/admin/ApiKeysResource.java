package io.amends.web.admin;

import io.amends.users.boundary.Administration;
import io.amends.users.boundary.ApiKeys;
import io.amends.users.entity.ApiKey;
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
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.time.Instant;
import java.util.List;

/** API keys for systems (helpdesk, storefront): issued with the secret shown once, listed without it, revoked. */
@Path("admin/api-keys")
@ApplicationScoped
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Allow(Role.ADMIN)
public class ApiKeysResource {

    @EJB
    ApiKeys apiKeys;

    @EJB
    Administration actions;

    @Inject
    CurrentCaller caller;

    public record KeyView(long id, String name, String prefix, Role role, String createdBy, Instant createdAt, Instant revokedAt) {
        static KeyView of(ApiKey k) {
            return new KeyView(k.getId(), k.getName(), k.getPrefix(), k.getRole(), k.getCreatedBy(), k.getCreatedAt(), k.getRevokedAt());
        }
    }

    /** The only time the key itself is shown. */
    public record IssuedKey(KeyView key, String secret) {
    }

    public record NewKey(@NotBlank @Size(max = 120) String name, @NotNull Role role) {
    }

    @GET
    public List<KeyView> list() {
        return apiKeys.all().stream().map(KeyView::of).toList();
    }

    @POST
    public Response issue(@NotNull @Valid NewKey body) {
        ApiKeys.Issued issued = actions.issueKey(caller.get(), body.name(), body.role());
        return Response.status(Response.Status.CREATED).entity(new IssuedKey(KeyView.of(issued.key()), issued.secret())).build();
    }

    @DELETE
    @Path("{id}")
    public KeyView revoke(@PathParam("id") long id) {
        return KeyView.of(actions.revokeKey(caller.get(), id));
    }
}
