package io.amends.users.entity;

import java.io.Serializable;
import java.util.EnumSet;
import java.util.Objects;
import java.util.Set;

/**
 * Who is asking, as the boundaries see it: a user name, roles, and for a client user the one account they belong to.
 *
 * <p>Boundaries take a {@code Caller} rather than reading a security context themselves, so the tenant rule
 * ("a client sees their own account only") is enforced in the queries and can be tested without a container.
 */
public record Caller(String username, Set<Role> roles, Long accountId) implements Serializable {

    public Caller {
        Objects.requireNonNull(username, "username");
        roles = roles == null || roles.isEmpty() ? EnumSet.noneOf(Role.class) : EnumSet.copyOf(roles);
        if (roles.contains(Role.CLIENT) && accountId == null) {
            throw new IllegalArgumentException("A client caller belongs to an account");
        }
    }

    public static Caller system(String name) {
        return new Caller(name, EnumSet.noneOf(Role.class), null);
    }

    public boolean has(Role role) {
        return roles.contains(role);
    }

    public boolean isClient() {
        return roles.contains(Role.CLIENT);
    }

    /** True when this caller may see data of the given account: staff see all, a client only their own. */
    public boolean canSeeAccount(Long account) {
        return !isClient() || Objects.equals(accountId, account);
    }

    /** The role to record in the audit trail: the most powerful one the caller has. */
    public String primaryRole() {
        for (Role r : new Role[] {Role.ADMIN, Role.FINANCE, Role.ACCOUNT_MANAGER, Role.CLIENT, Role.HELPDESK, Role.STOREFRONT}) {
            if (roles.contains(r)) {
                return r.name();
            }
        }
        return "SYSTEM";
    }
}
