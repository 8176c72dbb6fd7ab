package io.amends.platform.boundary;

import jakarta.annotation.PostConstruct;
import jakarta.annotation.Resource;
import jakarta.annotation.sql.DataSourceDefinition;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import java.util.logging.Logger;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.output.MigrateResult;

/**
 * Brings the database schema up to date with Flyway before anything else touches it.
 *
 * <p>Every other start-up bean depends on this one ({@code @DependsOn("Migrations")}). Migrations run outside a
 * container transaction because Flyway commits each migration itself; with several nodes starting at once, Flyway's
 * own lock lets one of them migrate while the others wait.
 */
@Singleton
@Startup
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
@DataSourceDefinition(
        name = Migrations.DATA_SOURCE,
        className = "io.amends.platform.control.ConfiguredDataSource",
        minPoolSize = 2,
        maxPoolSize = 64,
        maxIdleTime = 300,
        properties = {
            "fish.payara.is-connection-validation-required=true",
            "fish.payara.connection-validation-method=meta-data",
            "fish.payara.fail-all-connections=true"
        })
public class Migrations {

    public static final String DATA_SOURCE = "java:app/jdbc/amends";
    private static final Logger LOG = Logger.getLogger(Migrations.class.getName());

    @Resource(lookup = DATA_SOURCE)
    DataSource dataSource;

    @PostConstruct
    void migrate() {
        MigrateResult result = Flyway.configure(Migrations.class.getClassLoader())
                .dataSource(dataSource)
                .locations("classpath:db/migration")
                .failOnMissingLocations(true)
                .load()
                .migrate();
        LOG.info(() -> "Database schema at version " + result.targetSchemaVersion
                + " (" + result.migrationsExecuted + " migrations applied now)");
    }
}
