package io.amends.users.boundary;

import io.amends.platform.control.AmendsClock;
import io.amends.platform.entity.Invalid;
import io.amends.platform.entity.NotFound;
import io.amends.platform.entity.Refused;
import io.amends.users.entity.AppUser;
import io.amends.users.entity.Caller;
import io.amends.users.entity.Role;
import jakarta.annotation.PostConstruct;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.security.enterprise.identitystore.Pbkdf2PasswordHash;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * People who use Amends: signing in, and the administrator's work of creating, disabling and resetting users.
 */
@Stateless
public class Users {

    /** PBKDF2-HMAC-SHA256 at the OWASP 2023 iteration count. */
    public static final Map<String, String> HASH_PARAMETERS = Map.of(
            "Pbkdf2PasswordHash.Iterations", "210000",
            "Pbkdf2PasswordHash.Algorithm", "PBKDF2WithHmacSHA256",
            "Pbkdf2PasswordHash.SaltSizeBytes", "32",
            "Pbkdf2PasswordHash.KeySizeBytes", "32");

    public static final int MIN_PASSWORD_LENGTH = 12;

    @PersistenceContext(unitName = "amends")
    EntityManager em;

    @Inject
    Pbkdf2PasswordHash passwordHash;

    @Inject
    AmendsClock clock;

    @Inject
    @ConfigProperty(name = "amends.login.max-failures", defaultValue = "5")
    int maxFailures;

    @Inject
    @ConfigProperty(name = "amends.login.lockout", defaultValue = "PT30S")
    Duration lockout;

    /**
     * A real hash, at the same cost, of a random password that was thrown away: checked when the user does not exist
     * so that the answer takes as long. A constant, because generating it cost every new instance of this bean a
     * PBKDF2 run (a quarter of a second) at start-up and whenever the pool grew under load.
     */
    private static final String DECOY_HASH = "PBKDF2WithHmacSHA256:210000:XbfWjarvxr7p0QF3oyIuF8Gd824rT6rPR41kpG9AjlA=:PAiYR0hUk3/dx7LBN+zU+Qjc7ju1yo954WIi2kS+FsE=";

    @PostConstruct
    void init() {
        passwordHash.initialize(HASH_PARAMETERS);
    }

    /**
     * Checks a user name and password and answers who that is; empty for any failure (unknown user, wrong
     * password, locked or disabled account) so that the caller cannot tell which. Runs in its own transaction so a
     * failure is counted even though the caller sees no exception.
     */
    @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
    public Optional<Caller> authenticate(String username, String password) {
        if (username == null || password == null || username.length() > 80 || password.length() > 1000) {
            return Optional.empty();
        }
        Optional<AppUser> found = findByUsername(username);
        if (found.isEmpty()) {
            passwordHash.verify(password.toCharArray(), DECOY_HASH);
            return Optional.empty();
        }
        AppUser user = found.get();
        var now = clock.now();
        if (!user.isEnabled() || user.isLockedAt(now)) {
            // No hash check: the answer must not reveal whether the password was right while locked.
            return Optional.empty();
        }
        if (!passwordHash.verify(password.toCharArray(), user.getPasswordHash())) {
            user.recordFailedLogin(now, maxFailures, lockout);
            return Optional.empty();
        }
        if (user.getFailedLogins() > 0 || user.getLockedUntil() != null) {
            user.recordSuccessfulLogin();
        }
        return Optional.of(toCaller(user));
    }

    public Optional<AppUser> findByUsername(String username) {
        return em.createNamedQuery(AppUser.BY_USERNAME, AppUser.class)
                .setParameter("username", username)
                .getResultStream().findFirst();
    }

    public AppUser getByUsername(String username) {
        return findByUsername(username).orElseThrow(() -> new NotFound("User", username));
    }

    public Optional<AppUser> find(long id) {
        return Optional.ofNullable(em.find(AppUser.class, id));
    }

    /** User names by id, for lists that show many owners at once (one query). */
    public java.util.Map<Long, String> usernames(java.util.Collection<Long> ids) {
        if (ids.isEmpty()) {
            return java.util.Map.of();
        }
        return em.createQuery("SELECT u.id, u.username FROM AppUser u WHERE u.id IN :ids", Object[].class).setParameter("ids", ids)
                .getResultStream().collect(java.util.stream.Collectors.toMap(row -> (Long) row[0], row -> (String) row[1]));
    }

    public List<AppUser> all() {
        return em.createNamedQuery(AppUser.ALL, AppUser.class).getResultList();
    }

    public List<AppUser> withRole(Role role) {
        return em.createNamedQuery(AppUser.WITH_ROLE, AppUser.class).setParameter("role", role).getResultList();
    }

    /** Creates a user; refuses a taken user name and a weak password. */
    public AppUser create(@NotBlank @Size(max = 80) String username, @NotBlank @Size(max = 200) String displayName,
                          @Size(max = 320) String email, @NotNull String password, @NotNull Set<Role> roles,
                          Long accountId) {
        if (!username.matches("[A-Za-z0-9._@-]{3,80}")) {
            throw new Invalid("username", "A user name has 3 to 80 letters, digits, dots, dashes, underscores or @");
        }
        checkPasswordStrength(password);
        return createHashed(username, displayName, email, passwordHash.generate(password.toCharArray()), roles, accountId);
    }

    /**
     * Creates a user whose password hash was computed elsewhere, in this class's format ({@link #HASH_PARAMETERS}):
     * the demo seed uses it so that a first start does not spend seconds hashing passwords that are printed in the
     * README anyway.
     */
    public AppUser createHashed(@NotBlank @Size(max = 80) String username, @NotBlank @Size(max = 200) String displayName,
                                @Size(max = 320) String email, @NotBlank String storedHash, @NotNull Set<Role> roles,
                                Long accountId) {
        if (!username.matches("[A-Za-z0-9._@-]{3,80}")) {
            throw new Invalid("username", "A user name has 3 to 80 letters, digits, dots, dashes, underscores or @");
        }
        if (findByUsername(username).isPresent()) {
            throw new Refused("username-taken", "The user name " + username + " is taken");
        }
        AppUser user;
        try {
            user = new AppUser(username, displayName, email, storedHash, roles, accountId, clock.now());
        } catch (IllegalArgumentException e) {
            throw new Invalid("roles", e.getMessage());
        }
        em.persist(user);
        em.flush(); // references are plain ids, so EclipseLink cannot order inserts by them: write the user first
        return user;
    }

    public void resetPassword(long userId, @NotNull String newPassword) {
        checkPasswordStrength(newPassword);
        AppUser user = find(userId).orElseThrow(() -> new NotFound("User", userId));
        user.changePasswordHash(passwordHash.generate(newPassword.toCharArray()));
    }

    public void setEnabled(long userId, boolean enabled) {
        AppUser user = find(userId).orElseThrow(() -> new NotFound("User", userId));
        if (enabled) {
            user.enable();
        } else {
            user.disable();
        }
    }

    public static void checkPasswordStrength(String password) {
        if (password == null || password.length() < MIN_PASSWORD_LENGTH) {
            throw new Invalid("password", "A password has at least " + MIN_PASSWORD_LENGTH + " characters");
        }
        if (password.length() > 200) {
            throw new Invalid("password", "A password has at most 200 characters");
        }
    }

    public static Caller toCaller(AppUser user) {
        return new Caller(user.getUsername(), user.getRoles(), user.getAccountId());
    }
}
