package io.amends.web.health;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Liveness;
import org.eclipse.microprofile.health.Readiness;

/** Liveness reports the database too: a node that lost its database for good should be restarted by its orchestrator. */
@Liveness
@ApplicationScoped
public class DatabaseLiveness implements HealthCheck {

    @Inject
    @Readiness
    DatabaseHealth database;

    @Override
    public HealthCheckResponse call() {
        return database.call();
    }
}
