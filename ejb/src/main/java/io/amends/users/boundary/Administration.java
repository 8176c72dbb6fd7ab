package io.amends.users.boundary;

import io.amends.audit.boundary.AuditEvent;
import io.amends.audit.boundary.AuditTrail;
import io.amends.users.entity.ApiKey;
import io.amends.users.entity.AppUser;
import io.amends.users.entity.Caller;
import io.amends.users.entity.Role;
import jakarta.ejb.EJB;
import jakarta.ejb.Stateless;
import java.util.Set;
import java.util.TreeSet;

/**
 * The administrator's actions on users and API keys, each recorded in the audit trail in the same transaction.
 */
@Stateless
public class Administration {

    @EJB
    Users users;

    @EJB
    ApiKeys apiKeys;

    @EJB
    AuditTrail audit;

    public AppUser createUser(Caller admin, String username, String displayName, String email, String password, Set<Role> roles,
                              Long accountId) {
        AppUser user = users.create(username, displayName, email, password, roles, accountId);
        audit.append(AuditEvent.of(admin, "USER_CREATED", null, accountId, "User " + username + " with roles " + new TreeSet<>(roles)));
        return user;
    }

    public void setEnabled(Caller admin, long userId, boolean enabled) {
        users.setEnabled(userId, enabled);
        audit.append(AuditEvent.of(admin, enabled ? "USER_ENABLED" : "USER_DISABLED", null, null, "User id " + userId));
    }

    public void resetPassword(Caller admin, long userId, String password) {
        users.resetPassword(userId, password);
        audit.append(AuditEvent.of(admin, "USER_PASSWORD_RESET", null, null, "User id " + userId));
    }

    public ApiKeys.Issued issueKey(Caller admin, String name, Role role) {
        ApiKeys.Issued issued = apiKeys.issue(name, role, admin.username());
        audit.append(AuditEvent.of(admin, "API_KEY_ISSUED", null, null, "Key " + name + " (" + issued.key().getPrefix() + ") for " + role));
        return issued;
    }

    public ApiKey revokeKey(Caller admin, long id) {
        ApiKey key = apiKeys.revoke(id);
        audit.append(AuditEvent.of(admin, "API_KEY_REVOKED", null, null, "Key " + key.getName() + " (" + key.getPrefix() + ")"));
        return key;
    }
}
