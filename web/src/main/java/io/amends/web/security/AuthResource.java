package io.amends.web.security;

import io.amends.users.boundary.Users;
import io.amends.users.entity.Caller;
import io.amends.users.entity.Role;
import jakarta.ejb.EJB;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.bind.annotation.JsonbProperty;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.FormParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.time.Duration;
import java.util.Set;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import io.amends.web.platform.Problem;
import jakarta.ws.rs.core.Response;

/**
 * Exchanges a user name and password for a short-lived bearer token, so that no API request pays for a password hash.
 *
 * <p>Token lifetimes run on the real clock, not the business clock that tests may move forward.
 */
@Path("auth")
@ApplicationScoped
@Produces(MediaType.APPLICATION_JSON)
public class AuthResource {

    @EJB
    Users users;

    @Inject
    TokenKeys tokenKeys;

    @Inject
    CurrentCaller caller;

    @Inject
    Throttle throttle;

    @jakarta.ws.rs.core.Context
    jakarta.servlet.http.HttpServletRequest request;

    @Inject
    @ConfigProperty(name = "amends.token.lifetime", defaultValue = "PT15M")
    Duration lifetime;

    public record Credentials(@NotBlank @Size(max = 80) String username, @NotBlank @Size(max = 200) String password) {
    }

    public record TokenAnswer(@JsonbProperty("access_token") String accessToken,
                              @JsonbProperty("token_type") String tokenType,
                              @JsonbProperty("expires_in") long expiresIn) {
    }

    public record Me(String username, Set<String> roles, Long accountId) {
    }

    @POST
    @Path("token")
    @Anyone
    @Consumes(MediaType.APPLICATION_JSON)
    public Response token(@NotNull @Valid Credentials credentials) {
        return issue(credentials.username(), credentials.password());
    }

    /** The OAuth 2 "password" grant shape, for tools that speak it. */
    @POST
    @Path("token")
    @Anyone
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response tokenFromForm(@FormParam("username") @NotBlank @Size(max = 80) String username,
                                  @FormParam("password") @NotBlank @Size(max = 200) String password) {
        return issue(username, password);
    }

    private Response issue(String username, String password) {
        long wait = throttle.signIn(request.getRemoteAddr(), username);
        if (wait > 0) {
            return Response.fromResponse(Problem.of(Response.Status.TOO_MANY_REQUESTS, "too-many-requests",
                    "Too many sign-in attempts; try again in " + wait + " seconds", "/api/v1/auth/token").toResponse())
                    .header("Retry-After", wait).build();
        }
        return users.authenticate(username, password)
                .map(c -> Response.ok(new TokenAnswer(tokenKeys.tokens().issue(c, java.time.Instant.now(), lifetime), "Bearer",
                        lifetime.toSeconds())).build())
                .orElseGet(() -> Response.fromResponse(Problem.of(Response.Status.UNAUTHORIZED, "bad-credentials",
                                "Wrong user name or password, or the account is locked for a while after repeated failures",
                                "/auth/token").toResponse())
                        .header("WWW-Authenticate", "Bearer realm=\"amends\"").build());
    }

    @GET
    @Path("me")
    @Allow({Role.ACCOUNT_MANAGER, Role.FINANCE, Role.CLIENT, Role.ADMIN, Role.HELPDESK, Role.STOREFRONT})
    public Me me() {
        Caller me = caller.get();
        return new Me(me.username(), me.roles().stream().map(Enum::name).collect(java.util.stream.Collectors.toSet()), me.accountId());
    }
}
