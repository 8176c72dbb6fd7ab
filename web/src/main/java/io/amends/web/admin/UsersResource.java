package io.amends.web.admin;

import io.amends.users.boundary.Administration;
import io.amends.users.boundary.Users;
import io.amends.users.entity.AppUser;
import io.amends.users.entity.Role;
import io.amends.web.security.Allow;
import io.amends.web.security.CurrentCaller;
import jakarta.ejb.EJB;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
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
import java.time.Instant;
import java.util.List;
import java.util.Set;

/** The administrator's user management: create, list, enable or disable, reset a password. Hashes are never shown. */
@Path("admin/users")
@ApplicationScoped
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Allow(Role.ADMIN)
public class UsersResource {

    @EJB
    Users users;

    @EJB
    Administration actions;

    @Inject
    CurrentCaller caller;

    public record UserView(long id, String username, String displayName, String email, Set<Role> roles, Long accountId,
                           boolean enabled, boolean locked, Instant createdAt) {
        static UserView of(AppUser u) {
            return new UserView(u.getId(), u.getUsername(), u.getDisplayName(), u.getEmail(), u.getRoles(), u.getAccountId(),
                    u.isEnabled(), u.getLockedUntil() != null && u.getLockedUntil().isAfter(Instant.now()), u.getCreatedAt());
        }
    }

    public record NewUser(@NotBlank @Size(max = 80) String username, @NotBlank @Size(max = 200) String displayName,
                          @Email @Size(max = 320) String email, @NotNull @Size(min = 12, max = 200) String password,
                          @NotEmpty Set<@NotNull Role> roles, Long accountId) {
    }

    public record Enabled(boolean enabled) {
    }

    public record NewPassword(@NotNull @Size(min = 12, max = 200) String password) {
    }

    @GET
    public List<UserView> list() {
        return users.all().stream().map(UserView::of).toList();
    }

    @POST
    public Response create(@NotNull @Valid NewUser body) {
        AppUser user = actions.createUser(caller.get(), body.username(), body.displayName(), body.email(), body.password(), body.roles(),
                body.accountId());
        return Response.status(Response.Status.CREATED).entity(UserView.of(user)).build();
    }

    @PUT
    @Path("{id}/enabled")
    public Response enable(@PathParam("id") long id, @NotNull @Valid Enabled body) {
        actions.setEnabled(caller.get(), id, body.enabled());
        return Response.noContent().build();
    }

    @PUT
    @Path("{id}/password")
    public Response resetPassword(@PathParam("id") long id, @NotNull @Valid NewPassword body) {
        actions.resetPassword(caller.get(), id, body.password());
        return Response.noContent().build();
    }

}
