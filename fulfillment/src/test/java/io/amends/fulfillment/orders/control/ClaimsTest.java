package io.amends.fulfillment.orders.control;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The outbox claim on the embedded database, migrated by fulfillment's own migration, as several nodes would run it. */
class ClaimsTest {

    static final Instant NOW = Instant.parse("2026-11-25T10:00:00Z");
    static final Duration LEASE = Duration.ofMinutes(5);
    static final Claims.Strategy H2 = Claims.Strategy.SKIP_LOCKED_UNORDERED;

    private String url;
    private final List<Connection> open = new ArrayList<>();

    @BeforeEach
    void migrate() {
        url = "jdbc:h2:mem:claims-" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1;LOCK_TIMEOUT=2000";
        Flyway.configure().dataSource(url, "sa", "").locations("classpath:db/migration").load().migrate();
    }

    @AfterEach
    void close() throws SQLException {
        for (Connection connection : open) {
            connection.close();
        }
    }

    private Connection connect() throws SQLException {
        Connection connection = DriverManager.getConnection(url, "sa", "");
        connection.setAutoCommit(false);
        open.add(connection);
        return connection;
    }

    @Test
    void theMigrationSeedsTheDemoCatalogOnTheThreeVendors() throws SQLException {
        try (Connection c = connect(); Statement s = c.createStatement();
             ResultSet rows = s.executeQuery("SELECT vendor, COUNT(*) FROM catalog_item GROUP BY vendor ORDER BY vendor")) {
            List<String> vendors = new ArrayList<>();
            while (rows.next()) {
                vendors.add(rows.getString(1) + "=" + rows.getInt(2));
            }
            assertThat(vendors).containsExactly("florist=2", "handwrytten=1", "simulated=5");
        }
    }

    @Test
    void h2ClaimsWithSkipLockedButWithoutOrderBy() throws SQLException {
        assertThat(Claims.strategyFor(connect().getMetaData())).isEqualTo(Claims.Strategy.SKIP_LOCKED_UNORDERED);
    }

    @Test
    void h2s_skipLockedWithOrderByAndFetchFirstStarvesTheSecondNode() throws SQLException {
        // The flaw that makes the claim leave ORDER BY out on H2; if this starts failing, H2 has fixed it.
        Connection setup = connect();
        for (int i = 0; i < 5; i++) {
            insert(setup, NOW.minusSeconds(10 - i));
        }
        setup.commit();
        Connection nodeA = connect();
        Connection nodeB = connect();

        assertThat(Claims.claim(nodeA, "node-a", NOW, LEASE, 3, Claims.Strategy.SKIP_LOCKED)).hasSize(3);
        assertThat(Claims.claim(nodeB, "node-b", NOW, LEASE, 5, Claims.Strategy.SKIP_LOCKED)).isEmpty();
    }

    @Test
    void onlyDueRowsWithoutALiveLeaseAreClaimed() throws SQLException {
        Connection c = connect();
        long due = insert(c, NOW.minusSeconds(1));
        long dueNow = insert(c, NOW);
        insert(c, NOW.plusSeconds(1));
        insert(c, null);
        c.commit();

        List<Long> claimed = Claims.claim(c, "node-a", NOW, LEASE, 10, H2);
        c.commit();

        assertThat(claimed).containsExactly(due, dueNow);
        assertThat(owner(c, due)).isEqualTo("node-a");
        assertThat(version(c, due)).isEqualTo(1);
        assertThat(Claims.claim(c, "node-b", NOW, LEASE, 10, H2)).as("leased now").isEmpty();
    }

    @Test
    void finishedOrdersAreNotReadWhenLookingForDueOnes() throws SQLException {
        Connection c = connect();
        long due = insert(c, NOW.minusSeconds(1));
        for (int i = 0; i < 500; i++) {
            insert(c, null); // finished: nothing more to do, as most orders of a long-running installation
        }
        c.commit();
        // H2 counts the index entries a query walks: with NULL sorted first, an upper bound alone walked all 500
        try (PreparedStatement explain = c.prepareStatement("EXPLAIN ANALYZE " + H2.candidates(10))) {
            explain.setObject(1, Claims.NEVER_DUE_BEFORE);
            explain.setObject(2, NOW.atOffset(ZoneOffset.UTC));
            explain.setObject(3, NOW.atOffset(ZoneOffset.UTC));
            try (ResultSet plan = explain.executeQuery()) {
                plan.next();
                String text = plan.getString(1);
                Matcher scanned = Pattern.compile("scanCount: (\\d+)").matcher(text);
                assertThat(scanned.find()).as(text).isTrue();
                assertThat(Integer.parseInt(scanned.group(1))).as(text).isLessThan(5);
                assertThat(text).contains("GIFT_ORDER_DUE_IX");
            }
        }
        assertThat(Claims.claim(c, "node-a", NOW, LEASE, 10, H2)).containsExactly(due);
    }

    @Test
    void twoNodesClaimingAtTheSameTimeGetDisjointRowsWithoutWaiting() throws SQLException {
        Connection setup = connect();
        for (int i = 0; i < 5; i++) {
            insert(setup, NOW.minusSeconds(10 - i));
        }
        setup.commit();
        Connection nodeA = connect();
        Connection nodeB = connect();

        List<Long> a = Claims.claim(nodeA, "node-a", NOW, LEASE, 3, H2);
        long started = System.nanoTime();
        List<Long> b = Claims.claim(nodeB, "node-b", NOW, LEASE, 5, H2); // while node A has not committed
        Duration waited = Duration.ofNanos(System.nanoTime() - started);
        nodeA.commit();
        nodeB.commit();

        assertThat(a).hasSize(3);
        assertThat(b).hasSize(2).doesNotContainAnyElementsOf(a);
        assertThat(waited).as("skipped, not waited for").isLessThan(Duration.ofMillis(1500));
        Set<Long> all = new HashSet<>(a);
        all.addAll(b);
        for (Long id : all) {
            assertThat(owner(setup, id)).isEqualTo(a.contains(id) ? "node-a" : "node-b");
        }
    }

    @Test
    void aNodeThatDiesHoldingAClaimLeavesTheOrderToAnotherOnceTheLeaseRunsOut() throws SQLException {
        Connection c = connect();
        long order = insert(c, NOW);
        c.commit();
        assertThat(Claims.claim(c, "node-that-dies", NOW, LEASE, 10, H2)).containsExactly(order);
        c.commit();

        assertThat(Claims.claim(c, "node-b", NOW.plus(LEASE).minusSeconds(1), LEASE, 10, H2)).isEmpty();
        assertThat(Claims.claim(c, "node-b", NOW.plus(LEASE), LEASE, 10, H2)).containsExactly(order);
        c.commit();

        assertThat(owner(c, order)).isEqualTo("node-b");
        assertThat(version(c, order)).isEqualTo(2);
    }

    @Test
    void withoutSkipLockedTheConditionalUpdateStillGivesEachRowToOneNode() throws SQLException {
        Connection c = connect();
        long order = insert(c, NOW);
        c.commit();

        assertThat(Claims.claim(c, "node-a", NOW, LEASE, 10, Claims.Strategy.LEASE_ONLY)).containsExactly(order);
        c.commit();
        assertThat(Claims.claim(c, "node-b", NOW.plusSeconds(1), LEASE, 10, Claims.Strategy.LEASE_ONLY)).isEmpty();
    }

    private static long insert(Connection c, Instant nextAttemptAt) throws SQLException {
        long id;
        try (Statement s = c.createStatement(); ResultSet next = s.executeQuery("SELECT NEXT VALUE FOR gift_order_seq")) {
            next.next();
            id = next.getLong(1);
        }
        try (PreparedStatement insert = c.prepareStatement("INSERT INTO gift_order (id, idempotency_key, reference, kind, vendor, sku, "
                + "recipient_name, recipient_country, cost_minor, currency, status, attempts, next_attempt_at, cancel_requested, created_at, "
                + "updated_at, version) VALUES (?, ?, 'test', 'FLOWERS', 'simulated', 'SIM-ROSES-12', 'Jane', 'DE', 4500, 'EUR', "
                + "'PENDING', 0, ?, FALSE, ?, ?, 0)")) {
            OffsetDateTime created = NOW.minusSeconds(60).atOffset(ZoneOffset.UTC);
            insert.setLong(1, id);
            insert.setString(2, "key-" + id);
            insert.setObject(3, nextAttemptAt == null ? null : nextAttemptAt.atOffset(ZoneOffset.UTC));
            insert.setObject(4, created);
            insert.setObject(5, created);
            insert.executeUpdate();
        }
        return id;
    }

    private static String owner(Connection c, long id) throws SQLException {
        try (PreparedStatement q = c.prepareStatement("SELECT claimed_by FROM gift_order WHERE id = ?")) {
            q.setLong(1, id);
            try (ResultSet r = q.executeQuery()) {
                r.next();
                return r.getString(1);
            }
        }
    }

    private static long version(Connection c, long id) throws SQLException {
        try (PreparedStatement q = c.prepareStatement("SELECT version FROM gift_order WHERE id = ?")) {
            q.setLong(1, id);
            try (ResultSet r = q.executeQuery()) {
                r.next();
                return r.getLong(1);
            }
        }
    }
}
