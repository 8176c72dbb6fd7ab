package io.amends.web.admin;

import io.amends.accounts.boundary.Accounts;
import io.amends.accounts.entity.CustomerAccount;
import io.amends.users.boundary.Administration;
import io.amends.users.boundary.Users;
import io.amends.users.entity.AppUser;
import io.amends.users.entity.Caller;
import io.amends.users.entity.Role;
import io.amends.web.platform.Pages;
import jakarta.annotation.PostConstruct;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.io.Serializable;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** Users and roles: who may sign in, with which roles; create a user, disable or enable one. Every change is audited. */
@Named
@ViewScoped
public class UsersBacking implements Serializable {

    private static final long serialVersionUID = 1L;

    @Inject
    Users users;

    @Inject
    Administration administration;

    @Inject
    Accounts accounts;

    @Inject
    Caller caller;

    private List<AppUser> all;
    private List<CustomerAccount> accountOptions;
    private final Map<Long, String> accountNames = new HashMap<>();

    @NotBlank(message = "{amends.user.username}")
    @Pattern(regexp = "[A-Za-z0-9._@-]{3,80}", message = "{amends.user.usernamePattern}")
    private String username;

    @NotBlank(message = "{amends.user.displayName}")
    @Size(max = 200)
    private String displayName;

    @Email
    @Size(max = 320)
    private String email;

    @NotBlank(message = "{amends.user.password}")
    @Size(min = Users.MIN_PASSWORD_LENGTH, max = 200, message = "{amends.user.passwordLength}")
    private String password;

    private Role[] roles = new Role[0];
    private Long accountId;

    @PostConstruct
    void init() {
        reload();
        accountOptions = accounts.search(caller, "", 0, 200).items();
        accountOptions.forEach(a -> accountNames.put(a.getId(), a.getName()));
    }

    void reload() {
        all = users.all();
    }

    public void create() {
        if (roles.length == 0) {
            Pages.fieldError("create:roles", "user.rolesRequired");
            return;
        }
        try {
            administration.createUser(caller, username, displayName, email, password, EnumSet.copyOf(Arrays.asList(roles)), accountId);
            Pages.info("user.created", username);
            username = null;
            displayName = null;
            email = null;
            password = null;
            roles = new Role[0];
            accountId = null;
            reload();
        } catch (RuntimeException e) {
            Pages.refused(e, "create");
        }
    }

    public void toggle(AppUser user) {
        try {
            administration.setEnabled(caller, user.getId(), !user.isEnabled());
            Pages.info(user.isEnabled() ? "user.disabled" : "user.enabled", user.getUsername());
            reload();
        } catch (RuntimeException e) {
            Pages.refused(e, null);
        }
    }

    public String accountName(Long id) {
        return id == null ? "" : accountNames.getOrDefault(id, "#" + id);
    }

    /** The roles a person can have; systems get API keys instead. */
    public List<Role> getRoleOptions() {
        return Arrays.stream(Role.values()).filter(Role::isPerson).toList();
    }

    public List<AppUser> getAll() {
        return all;
    }

    public List<CustomerAccount> getAccountOptions() {
        return accountOptions;
    }

    public String getUsername() {
        return username;
    }

    public void setUsername(String username) {
        this.username = username;
    }

    public String getDisplayName() {
        return displayName;
    }

    public void setDisplayName(String displayName) {
        this.displayName = displayName;
    }

    public String getEmail() {
        return email;
    }

    public void setEmail(String email) {
        this.email = email;
    }

    public String getPassword() {
        return password;
    }

    public void setPassword(String password) {
        this.password = password;
    }

    public Role[] getRoles() {
        return roles;
    }

    public void setRoles(Role[] roles) {
        this.roles = roles == null ? new Role[0] : roles;
    }

    public Long getAccountId() {
        return accountId;
    }

    public void setAccountId(Long accountId) {
        this.accountId = accountId;
    }
}
