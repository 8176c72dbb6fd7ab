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
 * Produces the {@link Caller} of the current request for resources and backing beans to hand to the boundaries.
 *
 * <p>The produced bean is dependent: {@code Caller} is a record, which a normal scope could not proxy.
 */
@RequestScoped
public class CurrentCaller {

    @Inject
    SecurityContext security;

    @Produces
    Caller caller() {
        for (Principal principal : security.getPrincipalsByType(AmendsPrincipal.class)) {
            return ((AmendsPrincipal) principal).caller();
        }
        Principal principal = security.getCallerPrincipal();
        if (principal == null) {
            return new Caller("anonymous", EnumSet.noneOf(Role.class), null);
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
