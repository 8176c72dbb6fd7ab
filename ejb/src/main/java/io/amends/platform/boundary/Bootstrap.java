package io.amends.platform.boundary;

import io.amends.users.boundary.SigningKeys;
import io.amends.users.boundary.Users;
import io.amends.users.entity.Role;
import jakarta.annotation.PostConstruct;
import jakarta.ejb.DependsOn;
import jakarta.ejb.EJB;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.inject.Inject;
import java.util.EnumSet;
import java.util.Optional;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Prepares a fresh database at start-up: the first administrator, the token signing key, and in demo mode the demo data.
 *
 * <p>Production mode seeds nothing but the administrator and refuses to start when there is no administrator and
 * no {@code amends.admin.initial-password}: a server nobody can administer is worse than one that does not start.
 */
@Singleton
@Startup
@DependsOn("Migrations")
public class Bootstrap {

    private static final Logger LOG = Logger.getLogger(Bootstrap.class.getName());

    @EJB
    Users users;

    @EJB
    SigningKeys signingKeys;

    @EJB
    DemoData demoData;

    @Inject
    @ConfigProperty(name = "amends.mode", defaultValue = "demo")
    String mode;

    @Inject
    @ConfigProperty(name = "amends.admin.initial-password")
    Optional<String> adminPassword;

    @Inject
    @ConfigProperty(name = "amends.clock.controllable", defaultValue = "false")
    boolean controllableClock;

    @PostConstruct
    void prepare() {
        boolean production = "production".equalsIgnoreCase(mode);
        if (!production && !"demo".equalsIgnoreCase(mode)) {
            throw new IllegalStateException("amends.mode must be demo or production, not " + mode);
        }
        if (production && controllableClock) {
            throw new IllegalStateException("amends.clock.controllable is for tests; it is refused in production mode");
        }
        signingKeys.createIfMissing();
        if (users.withRole(Role.ADMIN).isEmpty()) {
            if (adminPassword.isEmpty() || adminPassword.get().isBlank()) {
                if (production) {
                    throw new IllegalStateException("Production mode needs an administrator: set AMENDS_ADMIN_INITIAL_PASSWORD "
                            + "(at least " + Users.MIN_PASSWORD_LENGTH + " characters) for the first start");
                }
            } else {
                users.create("admin", "Administrator", null, adminPassword.get(), EnumSet.of(Role.ADMIN), null);
                LOG.info("Created the administrator 'admin' from amends.admin.initial-password");
            }
        }
        if (!production) {
            demoData.seedIfEmpty();
        }
    }
}
