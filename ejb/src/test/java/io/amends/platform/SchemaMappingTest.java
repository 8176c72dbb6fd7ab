package io.amends.platform;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.amends.accounts.entity.Contact;
import io.amends.accounts.entity.CustomerAccount;
import io.amends.accounts.entity.LtvChange;
import io.amends.accounts.entity.LtvSource;
import io.amends.accounts.entity.Segment;
import io.amends.audit.control.AuditRecord;
import io.amends.audit.control.HashChain;
import io.amends.audit.control.StoredEntry;
import io.amends.audit.entity.AuditEntry;
import io.amends.cases.entity.Apology;
import io.amends.cases.entity.ApologyCase;
import io.amends.cases.entity.CaseEvent;
import io.amends.cases.entity.Channel;
import io.amends.cases.entity.Commitment;
import io.amends.cases.entity.ContactChannel;
import io.amends.cases.entity.ContactLog;
import io.amends.cases.entity.Severity;
import io.amends.compensation.entity.Approval;
import io.amends.compensation.entity.CompensationKind;
import io.amends.compensation.entity.CompensationProposal;
import io.amends.compensation.entity.Money;
import io.amends.compensation.entity.Verdict;
import io.amends.sla.entity.ClockKind;
import io.amends.sla.entity.SlaClock;
import io.amends.users.entity.AppUser;
import io.amends.users.entity.Role;
import jakarta.persistence.Entity;
import jakarta.persistence.EntityManager;
import jakarta.persistence.EntityManagerFactory;
import jakarta.persistence.OptimisticLockException;
import jakarta.persistence.RollbackException;
import jakarta.persistence.SharedCacheMode;
import jakarta.persistence.ValidationMode;
import jakarta.persistence.spi.ClassTransformer;
import jakarta.persistence.spi.PersistenceUnitInfo;
import jakarta.persistence.spi.PersistenceUnitTransactionType;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Properties;
import java.util.UUID;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.stream.Stream;
import javax.sql.DataSource;
import org.eclipse.persistence.jpa.PersistenceProvider;
import org.flywaydb.core.Flyway;
import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The JPA mappings of the "amends" unit against the schema the real Flyway migrations build, on EclipseLink and an
 * in-memory H2, without a container: a column name or type that drifted from the migrations fails here.
 */
class SchemaMappingTest {

    /** Microsecond instants with a non-zero micro part, as the database keeps them. */
    private static final Instant T0 = Instant.parse("2026-03-14T09:26:53.589793Z");
    private static final Instant T1 = T0.plus(Duration.ofHours(4)).plusNanos(123_000);
    private static final Instant T2 = T0.plus(Duration.ofDays(3)).plusNanos(456_000);

    private static JdbcDataSource dataSource;
    private static EntityManagerFactory emf;

    @BeforeAll
    static void migrateAndBootstrap() throws Exception {
        dataSource = new JdbcDataSource();
        dataSource.setURL("jdbc:h2:mem:schema-mapping-" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1");
        dataSource.setUser("amends");
        dataSource.setPassword("amends");
        var result = Flyway.configure(SchemaMappingTest.class.getClassLoader())
                .dataSource(dataSource)
                .locations("classpath:db/migration")
                .failOnMissingLocations(true)
                .load()
                .migrate();
        assertThat(result.migrationsExecuted).as("migrations of ejb and fulfillment").isGreaterThanOrEqualTo(4);

        Properties properties = new Properties();
        properties.setProperty("eclipselink.target-database", "org.eclipse.persistence.platform.database.H2Platform");
        properties.setProperty("eclipselink.ddl-generation", "none");
        properties.setProperty("jakarta.persistence.schema-generation.database.action", "none");
        properties.setProperty("eclipselink.weaving", "false");
        properties.setProperty("eclipselink.logging.level", "WARNING");
        properties.setProperty("eclipselink.cache.shared.default", "false");
        emf = new PersistenceProvider().createContainerEntityManagerFactory(new UnitInfo(dataSource, properties), properties);
        // Fail early, naming the entity, if a mapping does not even deploy.
        emf.createEntityManager().close();
    }

    @AfterAll
    static void close() throws Exception {
        if (emf != null) {
            emf.close();
        }
        try (Connection c = dataSource.getConnection(); Statement s = c.createStatement()) {
            s.execute("SHUTDOWN");
        }
    }

    @Test
    void everyEntityOfTheUnitIsMappedToATableOfTheMigrations() throws Exception {
        List<Class<?>> entities = entityClasses();
        assertThat(entities).hasSizeGreaterThanOrEqualTo(15);
        EntityManager em = emf.createEntityManager();
        try {
            for (Class<?> entity : entities) {
                // A JPQL read selects every mapped column: a missing column or table fails here.
                em.createQuery("select e from " + entity.getSimpleName() + " e", entity).setMaxResults(1).getResultList();
            }
        } finally {
            em.close();
        }
    }

    @Test
    void accountsContactsAndLifetimeValuesRoundTrip() {
        CustomerAccount account = persist(new CustomerAccount("Acme Logistics GmbH", Segment.B2B, null, "EUR", "de", T0));
        assertThat(account.getVersion()).isEqualTo(1);
        CustomerAccount read = find(CustomerAccount.class, account.getId());
        assertThat(read.getName()).isEqualTo("Acme Logistics GmbH");
        assertThat(read.getSegment()).isEqualTo(Segment.B2B);
        assertThat(read.getCurrency()).isEqualTo("EUR");
        assertThat(read.getLanguage()).isEqualTo("de");
        assertThat(read.getCreatedAt()).isEqualTo(T0);
        assertThat(column("select segment from customer_account where id = " + account.getId())).isEqualTo("B2B");

        CustomerAccount updated = update(CustomerAccount.class, account.getId(), a -> a.lifetimeValueIs(85_000_000L, T1));
        assertThat(updated.getVersion()).isEqualTo(2);
        assertThat(find(CustomerAccount.class, account.getId()).getLtvMinor()).isEqualTo(85_000_000L);
        assertThat(find(CustomerAccount.class, account.getId()).getLtvUpdatedAt()).isEqualTo(T1);

        Contact contact = new Contact(account.getId(), "Hans Becker", "Head of Procurement", "hans@acme.example", "+49 30 1", T0);
        contact.livesAt("Hauptstr. 1", "10115", "Berlin", "DE");
        contact = persist(contact);
        Contact readContact = find(Contact.class, contact.getId());
        assertThat(readContact.getAccountId()).isEqualTo(account.getId());
        assertThat(readContact.getCountry()).isEqualTo("DE");
        assertThat(readContact.getPostalCode()).isEqualTo("10115");
        assertThat(readContact.getCreatedAt()).isEqualTo(T0);
        assertThat(readContact.getVersion()).isEqualTo(1);

        LtvChange change = persist(new LtvChange(account.getId(), 85_000_000L, "EUR", LtvSource.CRM_API, T1, T2, "crm"));
        LtvChange readChange = find(LtvChange.class, change.getId());
        assertThat(readChange.getSource()).isEqualTo(LtvSource.CRM_API);
        assertThat(readChange.getEffectiveAt()).isEqualTo(T1);
        assertThat(readChange.getRecordedAt()).isEqualTo(T2);
        assertThat(readChange.getCurrency().trim()).isEqualTo("EUR");
        assertThat(column("select source from ltv_change where id = " + change.getId())).isEqualTo("CRM_API");
    }

    @Test
    void usersKeepTheirRoles() {
        AppUser user = persist(new AppUser("alice-" + UUID.randomUUID().toString().substring(0, 8), "Alice Adams",
                "alice@amends.example", "hash", EnumSet.of(Role.ACCOUNT_MANAGER, Role.FINANCE), null, T0));
        AppUser read = find(AppUser.class, user.getId());
        assertThat(read.getRoles()).containsExactlyInAnyOrder(Role.ACCOUNT_MANAGER, Role.FINANCE);
        assertThat(read.getCreatedAt()).isEqualTo(T0);
        assertThat(read.isEnabled()).isTrue();
        assertThat(read.getVersion()).isEqualTo(1);
        assertThat(column("select min(role) from user_role where user_id = " + user.getId())).isEqualTo("ACCOUNT_MANAGER");

        AppUser locked = update(AppUser.class, user.getId(), u -> u.recordFailedLogin(T1, 1, Duration.ofSeconds(30)));
        assertThat(locked.getVersion()).isEqualTo(2);
        AppUser readLocked = find(AppUser.class, user.getId());
        assertThat(readLocked.getFailedLogins()).isEqualTo(1);
        assertThat(readLocked.getLockedUntil()).isEqualTo(T1.plusSeconds(30));
    }

    @Test
    void aCaseWithItsTimelineClocksContactsApologiesAndCommitmentsRoundTrips() {
        CustomerAccount account = persist(new CustomerAccount("Globex Retail Ltd", Segment.B2B, null, "GBP", "en", T0));
        ApologyCase apologyCase = persist(newCase(account));
        assertThat(apologyCase.getVersion()).isEqualTo(1);
        ApologyCase read = find(ApologyCase.class, apologyCase.getId());
        assertThat(read.getSeverity()).isEqualTo(Severity.HIGH);
        assertThat(read.getChannel()).isEqualTo(Channel.EMAIL);
        assertThat(read.getOpenedAt()).isEqualTo(T0);
        assertThat(read.getFirstContactDue()).isEqualTo(T1);
        assertThat(read.getResolutionDue()).isEqualTo(T2);
        assertThat(read.getStatus()).isEqualTo(apologyCase.getStatus());
        assertThat(column("select severity from apology_case where id = " + apologyCase.getId())).isEqualTo("HIGH");
        assertThat(column("select status from apology_case where id = " + apologyCase.getId()))
                .isEqualTo(apologyCase.getStatus().name());

        ApologyCase contacted = update(ApologyCase.class, apologyCase.getId(), c -> c.contacted(T1));
        assertThat(contacted.getVersion()).isEqualTo(2);
        assertThat(find(ApologyCase.class, apologyCase.getId()).getFirstContactAt()).isEqualTo(T1);

        CaseEvent event = persist(new CaseEvent(apologyCase.getId(), T1, "alice", "CONTACTED", "Called Nigel", true));
        CaseEvent readEvent = find(CaseEvent.class, event.getId());
        assertThat(readEvent.getOccurredAt()).isEqualTo(T1);
        assertThat(readEvent.isVisibleToClient()).isTrue();
        assertThat(readEvent.getKind()).isEqualTo("CONTACTED");

        SlaClock clock = persist(new SlaClock(apologyCase.getId(), ClockKind.FIRST_CONTACT, null, T1));
        assertThat(column("select version from sla_clock where id = " + clock.getId())).isEqualTo("1");
        update(SlaClock.class, clock.getId(), c -> c.met(T1));
        assertThat(column("select version from sla_clock where id = " + clock.getId())).isEqualTo("2");
        SlaClock readClock = find(SlaClock.class, clock.getId());
        assertThat(readClock.getKind()).isEqualTo(ClockKind.FIRST_CONTACT);
        assertThat(readClock.getDueAt()).isEqualTo(T1);
        assertThat(readClock.getSettledAt()).isEqualTo(T1);
        assertThat(column("select state from sla_clock where id = " + clock.getId())).isEqualTo(readClock.getState().name());

        Contact contact = persist(new Contact(account.getId(), "Nigel Shaw", null, "nigel@globex.example", null, T0));
        ContactLog log = persist(new ContactLog(apologyCase.getId(), contact.getId(), ContactChannel.CALL, T1,
                "Apologized on the phone", "A call-back", false, "alice", T2));
        ContactLog readLog = find(ContactLog.class, log.getId());
        assertThat(readLog.getChannel()).isEqualTo(ContactChannel.CALL);
        assertThat(readLog.getOccurredAt()).isEqualTo(T1);
        assertThat(readLog.getLoggedAt()).isEqualTo(T2);
        assertThat(readLog.getCustomerAsked()).isEqualTo("A call-back");

        Apology apology = persist(new Apology(apologyCase.getId(), contact.getId(), "en", "Dear Nigel, we are sorry.", "alice", T0));
        assertThat(apology.getVersion()).isEqualTo(1);
        Apology sent = update(Apology.class, apology.getId(), a -> a.send("alice", T2, null, null));
        assertThat(sent.getVersion()).isEqualTo(2);
        Apology readApology = find(Apology.class, apology.getId());
        assertThat(readApology.getStatus()).isEqualTo(sent.getStatus());
        assertThat(readApology.getSentAt()).isEqualTo(T2);
        assertThat(readApology.getCreatedAt()).isEqualTo(T0);
        assertThat(readApology.getBody()).isEqualTo("Dear Nigel, we are sorry.");

        Commitment commitment = persist(new Commitment(apologyCase.getId(), "Refund the fee", null, T2, T0));
        Commitment done = update(Commitment.class, commitment.getId(), c -> c.done(T1));
        assertThat(done.getVersion()).isEqualTo(2);
        Commitment readCommitment = find(Commitment.class, commitment.getId());
        assertThat(readCommitment.getStatus()).isEqualTo(done.getStatus());
        assertThat(readCommitment.getDueAt()).isEqualTo(T2);
        assertThat(readCommitment.getSettledAt()).isEqualTo(T1);
        assertThat(column("select status from commitment where id = " + commitment.getId())).isEqualTo(done.getStatus().name());
    }

    @Test
    void proposalsKeepTheirMoneyAndApprovals() {
        CustomerAccount account = persist(new CustomerAccount("Initech Software Inc", Segment.B2B, null, "USD", "en", T0));
        ApologyCase apologyCase = persist(newCase(account));
        Contact contact = persist(new Contact(account.getId(), "Peter Gibbons", null, "peter@initech.example", null, T0));
        CompensationProposal proposal = persist(new CompensationProposal(apologyCase.getId(), account.getId(), contact.getId(),
                CompensationKind.DISCOUNT_CODE, null, "20 % off the next order", null, "PERCENT", 20L, T2,
                Money.of("USD", 12_345L), Verdict.AUTO_APPROVED, "within every cap", "alice", T0));
        assertThat(proposal.getVersion()).isEqualTo(1);
        CompensationProposal read = find(CompensationProposal.class, proposal.getId());
        assertThat(read.cost()).isEqualTo(Money.of("USD", 12_345L));
        assertThat(read.getKind()).isEqualTo(CompensationKind.DISCOUNT_CODE);
        assertThat(read.getVerdict()).isEqualTo(Verdict.AUTO_APPROVED);
        assertThat(read.getStatus()).isEqualTo(proposal.getStatus());
        assertThat(read.getProposedAt()).isEqualTo(T0);
        assertThat(read.getDiscountExpiresAt()).isEqualTo(T2);
        assertThat(column("select kind from compensation_proposal where id = " + proposal.getId())).isEqualTo("DISCOUNT_CODE");

        CompensationProposal handedOver = update(CompensationProposal.class, proposal.getId(), p -> p.handedOver("ORDER-1"));
        assertThat(handedOver.getVersion()).isEqualTo(2);
        assertThat(find(CompensationProposal.class, proposal.getId()).getFulfillmentRef()).isEqualTo("ORDER-1");

        Approval approval = persist(new Approval(proposal.getId(), "frank", Approval.Decision.values()[0], "fine", T1));
        Approval readApproval = find(Approval.class, approval.getId());
        assertThat(readApproval.getDecision()).isEqualTo(Approval.Decision.values()[0]);
        assertThat(readApproval.getDecidedAt()).isEqualTo(T1);
        assertThat(column("select decision from approval where id = " + approval.getId()))
                .isEqualTo(Approval.Decision.values()[0].name());
    }

    @Test
    void auditEntriesStaySealedAfterTheRoundTrip() {
        long sequence = 900_000L + (System.nanoTime() & 0xFFFF);
        AuditRecord record = new AuditRecord(sequence, T1.plusNanos(999), "alice", "ACCOUNT_MANAGER", "PROPOSAL_CREATED",
                "AMD-2026-000001", 1000L, 12_345L, "EUR", 85_000_000L, 100_000L, 1L, "AUTO_APPROVED", "a detail");
        StoredEntry sealed = StoredEntry.seal(HashChain.GENESIS, record);
        persist(new AuditEntry(sealed));
        AuditEntry read = find(AuditEntry.class, sequence);
        assertThat(read.getRecordedAt()).isEqualTo(record.recordedAt());
        StoredEntry back = read.toStored();
        assertThat(back).isEqualTo(sealed);
        assertThat(back.isSealed()).isTrue();
    }

    @Test
    void aStaleUpdateIsRefused() {
        CustomerAccount account = persist(new CustomerAccount("Jane Doe", Segment.B2C, null, "EUR", "en", T0));
        EntityManager first = emf.createEntityManager();
        EntityManager second = emf.createEntityManager();
        try {
            CustomerAccount mine = first.find(CustomerAccount.class, account.getId());
            CustomerAccount theirs = second.find(CustomerAccount.class, account.getId());
            second.getTransaction().begin();
            theirs.rename("Jane Roe");
            second.getTransaction().commit();
            assertThat(theirs.getVersion()).isEqualTo(2);

            first.getTransaction().begin();
            mine.rename("Jane Poe");
            assertThatThrownBy(() -> first.getTransaction().commit())
                    .isInstanceOf(RollbackException.class)
                    .hasCauseInstanceOf(OptimisticLockException.class);
        } finally {
            if (first.getTransaction().isActive()) {
                first.getTransaction().rollback();
            }
            first.close();
            second.close();
        }
        assertThat(find(CustomerAccount.class, account.getId()).getName()).isEqualTo("Jane Roe");
    }

    private static ApologyCase newCase(CustomerAccount account) {
        String key = ApologyCase.keyFor(2026, 100_000L + (System.nanoTime() & 0xFFFFF));
        return new ApologyCase(key, account.getId(), "Invoice charged twice", "The March invoice was charged twice.",
                Severity.HIGH, Channel.EMAIL, null, null, null, "TICKET-" + key, T0, T1, T2);
    }

    private static <T> T persist(T entity) {
        EntityManager em = emf.createEntityManager();
        try {
            em.getTransaction().begin();
            em.persist(entity);
            em.getTransaction().commit();
            return entity;
        } finally {
            em.close();
        }
    }

    /** A fresh read, from the database (no shared cache). */
    private static <T> T find(Class<T> type, Object id) {
        EntityManager em = emf.createEntityManager();
        try {
            T found = em.find(type, id);
            assertThat(found).as("%s %s", type.getSimpleName(), id).isNotNull();
            return found;
        } finally {
            em.close();
        }
    }

    private static <T> T update(Class<T> type, Object id, Consumer<T> change) {
        EntityManager em = emf.createEntityManager();
        try {
            em.getTransaction().begin();
            T managed = em.find(type, id);
            change.accept(managed);
            em.getTransaction().commit();
            return managed;
        } finally {
            em.close();
        }
    }

    private static String column(String sql) {
        try (Connection c = dataSource.getConnection(); Statement s = c.createStatement(); ResultSet rs = s.executeQuery(sql)) {
            assertThat(rs.next()).as(sql).isTrue();
            String value = rs.getString(1);
            return value == null ? null : value.trim();
        } catch (java.sql.SQLException e) {
            throw new IllegalStateException(sql, e);
        }
    }

    /** The entities of the "amends" unit: every {@code @Entity} compiled from the ejb module. */
    static List<Class<?>> entityClasses() {
        Path root = classesRoot();
        try (Stream<Path> files = Files.walk(root.resolve("io/amends"))) {
            List<Class<?>> entities = new ArrayList<>();
            for (Path file : files.filter(f -> f.toString().endsWith(".class")).sorted().toList()) {
                String name = root.relativize(file).toString().replace(java.io.File.separatorChar, '.').replaceAll("\\.class$", "");
                Class<?> type = Class.forName(name, false, SchemaMappingTest.class.getClassLoader());
                if (type.isAnnotationPresent(Entity.class)) {
                    entities.add(type);
                }
            }
            return entities;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (ClassNotFoundException e) {
            throw new IllegalStateException(e);
        }
    }

    private static Path classesRoot() {
        try {
            return Path.of(CustomerAccount.class.getProtectionDomain().getCodeSource().getLocation().toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    private record UnitInfo(DataSource dataSource, Properties properties) implements PersistenceUnitInfo {

        @Override
        public String getPersistenceUnitName() {
            return "amends";
        }

        @Override
        public String getPersistenceProviderClassName() {
            return PersistenceProvider.class.getName();
        }

        @Override
        public PersistenceUnitTransactionType getTransactionType() {
            return PersistenceUnitTransactionType.RESOURCE_LOCAL;
        }

        @Override
        public DataSource getJtaDataSource() {
            return null;
        }

        @Override
        public DataSource getNonJtaDataSource() {
            return dataSource;
        }

        @Override
        public List<String> getMappingFileNames() {
            return List.of();
        }

        @Override
        public List<URL> getJarFileUrls() {
            return List.of();
        }

        @Override
        public URL getPersistenceUnitRootUrl() {
            try {
                return classesRoot().toUri().toURL();
            } catch (java.net.MalformedURLException e) {
                throw new IllegalStateException(e);
            }
        }

        @Override
        public List<String> getManagedClassNames() {
            List<String> names = new ArrayList<>(entityClasses().stream().map(Class::getName).toList());
            names.add(Money.class.getName());
            names.add(io.amends.platform.entity.InstantConverter.class.getName());
            return names;
        }

        @Override
        public boolean excludeUnlistedClasses() {
            return true;
        }

        @Override
        public SharedCacheMode getSharedCacheMode() {
            return SharedCacheMode.ENABLE_SELECTIVE;
        }

        @Override
        public ValidationMode getValidationMode() {
            return ValidationMode.NONE;
        }

        @Override
        public Properties getProperties() {
            return properties;
        }

        @Override
        public String getPersistenceXMLSchemaVersion() {
            return "3.0";
        }

        @Override
        public ClassLoader getClassLoader() {
            return SchemaMappingTest.class.getClassLoader();
        }

        @Override
        public void addTransformer(ClassTransformer transformer) {
            // no weaving
        }

        @Override
        public ClassLoader getNewTempClassLoader() {
            return SchemaMappingTest.class.getClassLoader();
        }
    }
}
