package io.amends.cases.boundary;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.amends.accounts.boundary.Accounts;
import io.amends.accounts.entity.CustomerAccount;
import io.amends.audit.boundary.AuditTrail;
import io.amends.audit.control.Verification;
import io.amends.cases.entity.ApologyCase;
import io.amends.cases.entity.CaseEvent;
import io.amends.cases.entity.CaseStatus;
import io.amends.cases.entity.Channel;
import io.amends.cases.entity.Severity;
import io.amends.cases.entity.TransitionRefused;
import io.amends.sla.boundary.Deadlines;
import io.amends.sla.entity.ClockKind;
import io.amends.sla.entity.SlaClock;
import io.amends.users.entity.Caller;
import io.amends.users.entity.Role;
import jakarta.inject.Inject;
import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.ShrinkWrap;
import org.jboss.shrinkwrap.api.asset.StringAsset;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.jboss.shrinkwrap.resolver.api.maven.Maven;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The case boundary in the real container: Payara Micro with the ejb module, the fulfillment jar, Flyway and the
 * demo data on an in-memory H2 (Payara's own H2). Opens a case, finds its SLA clocks as rows, sees a move the case
 * may not make refused, and verifies the audit trail's hash chain.
 */
@ExtendWith(ArquillianExtension.class)
class CasesIT {

    private static final Caller ALICE = new Caller("alice", EnumSet.of(Role.ACCOUNT_MANAGER), null);

    @Deployment
    static WebArchive deployment() {
        WebArchive war = ShrinkWrap.create(WebArchive.class, "amends-cases-it.war");
        Path classes = Path.of("target/classes");
        try (Stream<Path> files = Files.walk(classes)) {
            for (Path file : files.filter(Files::isRegularFile).toList()) {
                String name = classes.relativize(file).toString().replace(File.separatorChar, '/');
                if (!name.equals("META-INF/microprofile-config.properties")) {
                    war.addAsWebInfResource(file.toFile(), "classes/" + name);
                }
            }
            war.addAsWebInfResource(new StringAsset(testConfiguration(classes)), "classes/META-INF/microprofile-config.properties");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        war.addClass(CasesIT.class);
        war.addAsLibraries(fulfillmentJar());
        // Flyway and the PostgreSQL driver as the application ships them; H2 is Payara's own. Only named
        // artifacts are resolved (versions from the poms), so the reactor's own SNAPSHOT jars need not be installed.
        war.addAsLibraries(Maven.configureResolver().workOffline().loadPomFromFile("pom.xml")
                .resolve("org.flywaydb:flyway-core", "org.flywaydb:flyway-database-postgresql", "org.postgresql:postgresql")
                .withTransitivity().asFile());
        return war;
    }

    /** The module's configuration with an in-memory database and demo mode. */
    private static String testConfiguration(Path classes) throws IOException {
        String original = Files.readString(classes.resolve("META-INF/microprofile-config.properties"), StandardCharsets.UTF_8);
        String kept = original.lines()
                .filter(line -> !line.startsWith("amends.db.url=") && !line.startsWith("amends.mode="))
                .collect(Collectors.joining("\n"));
        return kept + "\namends.mode=demo\namends.db.url=jdbc:h2:mem:arq-cases;DB_CLOSE_DELAY=-1\n";
    }

    private static File fulfillmentJar() {
        File[] jars = new File("../fulfillment/target").listFiles((dir, name) ->
                name.startsWith("amends-fulfillment-") && name.endsWith(".jar")
                        && !name.endsWith("-sources.jar") && !name.endsWith("-tests.jar") && !name.endsWith("-client.jar"));
        if (jars == null || jars.length != 1) {
            throw new IllegalStateException("Build the fulfillment module first (mvn -pl fulfillment,ejb -am verify): found "
                    + (jars == null ? "no fulfillment/target" : Arrays.toString(jars)));
        }
        return jars[0];
    }

    @Inject
    Cases cases;

    @Inject
    Accounts accounts;

    @Inject
    Deadlines deadlines;

    @Inject
    AuditTrail auditTrail;

    @Test
    void aCaseOpensWithItsClocksRefusesAnImpossibleMoveAndLeavesAVerifiableTrail() {
        List<CustomerAccount> found = accounts.search(ALICE, "Acme", 0, 10).items();
        assertFalse(found.isEmpty(), "the demo data has Acme Logistics");
        CustomerAccount acme = found.get(0);

        ApologyCase opened = cases.open(ALICE, new OpenCase(acme.getId(), List.of(), "Invoice charged twice",
                "The March invoice was charged twice to the corporate card.", Severity.HIGH, Channel.EMAIL,
                "BILLING", null, null, "IT-" + System.nanoTime()));
        assertNotNull(opened.getId());
        assertEquals(CaseStatus.values()[0], opened.getStatus(), "a new case starts in the first status");
        assertTrue(opened.getFirstContactDue().isAfter(opened.getOpenedAt()));
        assertTrue(opened.getResolutionDue().isAfter(opened.getFirstContactDue()));

        List<SlaClock> clocks = deadlines.ofCase(opened.getId());
        assertEquals(EnumSet.of(ClockKind.FIRST_CONTACT, ClockKind.RESOLUTION),
                clocks.stream().map(SlaClock::getKind).collect(Collectors.toCollection(() -> EnumSet.noneOf(ClockKind.class))));
        SlaClock firstContact = clocks.stream().filter(c -> c.getKind() == ClockKind.FIRST_CONTACT).findFirst().orElseThrow();
        assertEquals(opened.getFirstContactDue(), firstContact.getDueAt());

        // Nobody has been contacted and nothing resolved: neither resolving nor closing is allowed yet.
        ApologyCase current = cases.get(ALICE, opened.getId());
        long version = current.getVersion();
        assertThrows(TransitionRefused.class, () -> cases.resolve(ALICE, opened.getId(), version, "done"));
        assertThrows(TransitionRefused.class, () -> cases.close(ALICE, opened.getId(), version, true));
        ApologyCase after = cases.get(ALICE, opened.getId());
        assertEquals(current.getStatus(), after.getStatus());
        assertEquals(version, after.getVersion(), "a refused move changes nothing");

        List<CaseEvent> timeline = cases.timeline(ALICE, opened.getId());
        assertFalse(timeline.isEmpty(), "opening is on the case's timeline");

        Verification verification = auditTrail.verify();
        assertTrue(verification.ok(), () -> "audit trail: " + verification);
        assertTrue(verification.checked() > 0, "opening a case is audited");
    }
}
