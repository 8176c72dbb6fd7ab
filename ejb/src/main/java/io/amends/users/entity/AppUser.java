package io.amends.users.entity;

import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Duration;
import java.time.Instant;
import java.util.EnumSet;
import java.util.Objects;
import java.util.Set;

/**
 * A person who signs in to Amends: staff (account managers, finance, administrators) or a client's portal user.
 *
 * <p>A client user belongs to exactly one customer account and has only the {@link Role#CLIENT} role; staff belong
 * to no account. The password hash is never shown anywhere. Failed sign-ins are counted here; after too many the
 * account is locked for a while (see {@link #recordFailedLogin}).
 */
@Entity
@Table(name = "app_user")
@NamedQuery(name = AppUser.BY_USERNAME, query = "SELECT u FROM AppUser u WHERE u.username = :username")
@NamedQuery(name = AppUser.ALL, query = "SELECT u FROM AppUser u ORDER BY u.username")
@NamedQuery(name = AppUser.WITH_ROLE, query = "SELECT u FROM AppUser u JOIN u.roles r WHERE r = :role ORDER BY u.username")
public class AppUser {

    public static final String BY_USERNAME = "AppUser.byUsername";
    public static final String ALL = "AppUser.all";
    public static final String WITH_ROLE = "AppUser.withRole";

    @Id
    @SequenceGenerator(name = "app_user_seq", sequenceName = "app_user_seq", allocationSize = 50)
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "app_user_seq")
    private Long id;

    @Column(nullable = false, updatable = false)
    private String username;

    @Column(name = "display_name", nullable = false)
    private String displayName;

    private String email;

    @Column(name = "password_hash", nullable = false)
    private String passwordHash;

    @ElementCollection(fetch = FetchType.EAGER)
    @CollectionTable(name = "user_role", joinColumns = @JoinColumn(name = "user_id"))
    @Column(name = "role")
    @Enumerated(EnumType.STRING)
    private Set<Role> roles = EnumSet.noneOf(Role.class);

    @Column(name = "account_id")
    private Long accountId;

    @Column(name = "manager_id")
    private Long managerId;

    private boolean enabled;

    @Column(name = "failed_logins")
    private int failedLogins;

    @Column(name = "locked_until")
    private Instant lockedUntil;

    @Column(name = "created_at", nullable = false, updatable = false)
    private Instant createdAt;

    @Version
    private long version;

    protected AppUser() {
        // for JPA
    }

    public AppUser(String username, String displayName, String email, String passwordHash, Set<Role> roles,
                   Long accountId, Instant createdAt) {
        this.username = Objects.requireNonNull(username, "username");
        this.displayName = Objects.requireNonNull(displayName, "displayName");
        this.email = email;
        this.passwordHash = Objects.requireNonNull(passwordHash, "passwordHash");
        if (roles == null || roles.isEmpty()) {
            throw new IllegalArgumentException("A user needs at least one role");
        }
        if (roles.stream().anyMatch(r -> !r.isPerson())) {
            throw new IllegalArgumentException("System roles belong to API keys, not to people");
        }
        if (roles.contains(Role.CLIENT) && (roles.size() > 1 || accountId == null)) {
            throw new IllegalArgumentException("A client user has only the CLIENT role and belongs to one customer account");
        }
        if (!roles.contains(Role.CLIENT) && accountId != null) {
            throw new IllegalArgumentException("Only client users belong to a customer account");
        }
        this.roles = EnumSet.copyOf(roles);
        this.accountId = accountId;
        this.enabled = true;
        this.createdAt = Objects.requireNonNull(createdAt, "createdAt");
    }

    public boolean isLockedAt(Instant now) {
        return lockedUntil != null && lockedUntil.isAfter(now);
    }

    /**
     * Counts a failed sign-in; from the {@code maxFailures}-th consecutive one, locks the account for {@code lockout},
     * doubling with each further failure (capped at a day) so that guessing gets slower and slower.
     */
    public void recordFailedLogin(Instant now, int maxFailures, Duration lockout) {
        failedLogins++;
        if (failedLogins >= maxFailures) {
            int doublings = Math.min(failedLogins - maxFailures, 12);
            Duration wait = lockout.multipliedBy(1L << doublings);
            if (wait.compareTo(Duration.ofDays(1)) > 0) {
                wait = Duration.ofDays(1);
            }
            lockedUntil = now.plus(wait);
        }
    }

    public void recordSuccessfulLogin() {
        failedLogins = 0;
        lockedUntil = null;
    }

    public void changePasswordHash(String newHash) {
        this.passwordHash = Objects.requireNonNull(newHash);
        recordSuccessfulLogin();
    }

    public void disable() {
        this.enabled = false;
    }

    public void enable() {
        this.enabled = true;
    }

    public void reportsTo(Long managerId) {
        this.managerId = managerId;
    }

    public Long getId() {
        return id;
    }

    public String getUsername() {
        return username;
    }

    public String getDisplayName() {
        return displayName;
    }

    public String getEmail() {
        return email;
    }

    public String getPasswordHash() {
        return passwordHash;
    }

    public Set<Role> getRoles() {
        return roles.isEmpty() ? EnumSet.noneOf(Role.class) : EnumSet.copyOf(roles);
    }

    public boolean hasRole(Role role) {
        return roles.contains(role);
    }

    public Long getAccountId() {
        return accountId;
    }

    public Long getManagerId() {
        return managerId;
    }

    public boolean isEnabled() {
        return enabled;
    }

    public int getFailedLogins() {
        return failedLogins;
    }

    public Instant getLockedUntil() {
        return lockedUntil;
    }

    public Instant getCreatedAt() {
        return createdAt;
    }

    public long getVersion() {
        return version;
    }
}
