package io.amends.web.security;

import io.amends.users.entity.Caller;
import io.amends.users.entity.Role;
import jakarta.enterprise.context.RequestScoped;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Inject;
import jakarta.security.enterprise.SecurityContext;
import java.security.Principal;
import java.util.EnumSet;

/**
 * The {@link Caller} of the current request, worked out once per request, for resources and backing beans to hand to
 * the boundaries.
 *
 * <p>REST resources are application-scoped (one instance serves every request: creating a request-scoped resource and
 * injecting its boundaries was a seventh of the processor time of a cheap request), so they inject this request-scoped
 * bean and ask {@link #get()} in each call; a {@code Caller} injected into them would be the first request's caller
 * forever. Backing beans, which live no longer than a request or a view of one signed-in user, inject the produced
 * {@code Caller} directly: it is dependent, because a record cannot be proxied by a normal scope.
 */
@RequestScoped
public class CurrentCaller {

    @Inject
    SecurityContext security;

    private static final Caller ANONYMOUS = new Caller("anonymous", EnumSet.noneOf(Role.class), null);

    private Caller caller;

    /**
     * Who is calling in this request. Anonymous is not remembered: a sign-in during the request (the login form)
     * changes who is calling.
     */
    public Caller get() {
        if (caller == null) {
            caller = signedIn();
        }
        return caller == null ? ANONYMOUS : caller;
    }

    @Produces
    Caller produce() {
        return get();
    }

    private Caller signedIn() {
        for (Principal principal : security.getPrincipalsByType(AmendsPrincipal.class)) {
            return ((AmendsPrincipal) principal).caller();
        }
        Principal principal = security.getCallerPrincipal();
        if (principal == null) {
            return null;
        }
        EnumSet<Role> roles = EnumSet.noneOf(Role.class);
        for (Role role : Role.values()) {
            if (security.isCallerInRole(role.name())) {
                roles.add(role);
            }
        }
        return new Caller(principal.getName(), roles, null);
    }
}
