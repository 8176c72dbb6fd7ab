/**
 * The ground Amends stands on: the database, its migrations, configuration, time and the business exceptions.
 *
 * <p>Design decisions:
 * <ul>
 *   <li>The data source is declared by the application ({@code @DataSourceDefinition} on {@link io.amends.platform.boundary.Migrations})
 *   with {@link io.amends.platform.control.ConfiguredDataSource} as its class. That class reads the JDBC URL, user and
 *   password from MicroProfile Config when the pool asks for a connection, so switching from the embedded H2 file
 *   database to PostgreSQL is configuration only ({@code AMENDS_DB_URL}, {@code AMENDS_DB_USER},
 *   {@code AMENDS_DB_PASSWORD}) and the same archive runs on Payara Micro and in the EAR on Payara Server,
 *   without server-specific variable syntax in annotations.</li>
 *   <li>The schema belongs to Flyway ({@code db/migration} in each module's jar); EclipseLink never generates DDL.
 *   Versions are dates ({@code V2026_11_25_01__...}) so that two modules can add migrations without colliding.</li>
 *   <li>Time comes from {@link io.amends.platform.control.AmendsClock}, never from {@code Instant.now()} in business code,
 *   so that deadlines can be tested without sleeping.</li>
 * </ul>
 */
package io.amends.platform;
