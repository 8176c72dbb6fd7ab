package io.amends.web.admin;

import io.amends.users.boundary.Administration;
import io.amends.users.boundary.ApiKeys;
import io.amends.users.entity.ApiKey;
import io.amends.users.entity.Caller;
import io.amends.users.entity.Role;
import io.amends.web.platform.Pages;
import jakarta.annotation.PostConstruct;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.io.Serializable;
import java.util.Arrays;
import java.util.List;

/** API keys for systems (helpdesk, storefront): issue one and see its secret once; revoke. */
@Named
@ViewScoped
public class ApiKeysBacking implements Serializable {

    private static final long serialVersionUID = 1L;

    @Inject
    ApiKeys apiKeys;

    @Inject
    Administration administration;

    @Inject
    Caller caller;

    private List<ApiKey> keys;

    @NotBlank(message = "{amends.key.name}")
    @Size(max = 120)
    private String name;

    @NotNull(message = "{amends.key.role}")
    private Role role;

    /** The secret of the key just issued: shown on this view only, never stored in clear. */
    private String secret;
    private String secretName;

    @PostConstruct
    void init() {
        keys = apiKeys.all();
    }

    public void issue() {
        try {
            ApiKeys.Issued issued = administration.issueKey(caller, name, role);
            secret = issued.secret();
            secretName = issued.key().getName();
            name = null;
            keys = apiKeys.all();
        } catch (RuntimeException e) {
            Pages.refused(e, "issue");
        }
    }

    public void revoke(long id) {
        try {
            ApiKey key = administration.revokeKey(caller, id);
            Pages.info("key.revoked", key.getName());
            keys = apiKeys.all();
        } catch (RuntimeException e) {
            Pages.refused(e, null);
        }
    }

    public void forgetSecret() {
        secret = null;
        secretName = null;
    }

    /** The roles a system can have. */
    public List<Role> getRoleOptions() {
        return Arrays.stream(Role.values()).filter(r -> !r.isPerson()).toList();
    }

    public List<ApiKey> getKeys() {
        return keys;
    }

    public String getName() {
        return name;
    }

    public void setName(String name) {
        this.name = name;
    }

    public Role getRole() {
        return role;
    }

    public void setRole(Role role) {
        this.role = role;
    }

    public String getSecret() {
        return secret;
    }

    public String getSecretName() {
        return secretName;
    }
}
