package io.amends.fulfillment.orders.control;

import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Claims due outbox rows for one node, safely when several nodes claim at once. Plain JDBC on the caller's
 * connection (and transaction).
 *
 * <p>Two guards, either of which would do alone:
 * <ol>
 *   <li>{@code SELECT ... FOR UPDATE SKIP LOCKED} where the database has it (PostgreSQL 9.5+; H2 2.2.224, which Payara
 *   Micro 6.2025.10 runs whatever the application bundles, and 2.3.232): a node's
 *   candidate rows are locked until its claim commits, and other nodes skip them instead of waiting. Both H2 versions have a
 *   flaw here: with an {@code ORDER BY} that is not served by the primary key and {@code FETCH FIRST}, a second
 *   transaction gets no rows at all instead of the unlocked ones (never a locked one, so it is safe, but a second node
 *   would starve). On H2 the candidates are therefore read without {@code ORDER BY}: H2 reads them through the
 *   {@code next_attempt_at} index, which is due order anyway.</li>
 *   <li>The claim itself is a conditional update that sets the owner and a lease only while nobody holds an unexpired
 *   lease; a row another node claimed in between updates no row and is not ours. This is also the whole mechanism on a
 *   database without SKIP LOCKED.</li>
 * </ol>
 * The claim bumps the version column, so that an entity loaded before it cannot be written over it unnoticed. A node
 * that dies holding a claim leaves a lease that expires; another node then claims the row and sends it again, with
 * the same idempotency key.
 */
public final class Claims {

    /**
     * Due rows. The lower bound is no condition (nothing is due before 1970) but it bounds the walk of the
     * {@code next_attempt_at} index: H2 sorts NULL first, and with only an upper bound it read every finished order
     * (whose {@code next_attempt_at} is NULL) on every tick: 272,000 rows each five seconds at a million cases.
     */
    static final String CANDIDATES = "SELECT id FROM gift_order WHERE next_attempt_at >= ? AND next_attempt_at <= ? "
            + "AND (lease_until IS NULL OR lease_until <= ?)%s FETCH FIRST %d ROWS ONLY%s";
    static final OffsetDateTime NEVER_DUE_BEFORE = Instant.EPOCH.atOffset(ZoneOffset.UTC);
    static final String CLAIM = "UPDATE gift_order SET claimed_by = ?, lease_until = ?, version = version + 1 "
            + "WHERE id = ? AND next_attempt_at <= ? AND (lease_until IS NULL OR lease_until <= ?)";

    private Claims() {
    }

    /** How candidates are read on a database. */
    public enum Strategy {
        /** {@code ORDER BY next_attempt_at ... FOR UPDATE SKIP LOCKED}: PostgreSQL. */
        SKIP_LOCKED(true, true),
        /** {@code FOR UPDATE SKIP LOCKED} without {@code ORDER BY}: H2 2.2 and 2.3 (see above). */
        SKIP_LOCKED_UNORDERED(true, false),
        /** A plain read; the conditional update alone decides. Any other database. */
        LEASE_ONLY(false, true);

        final boolean skipLocked;
        final boolean ordered;

        Strategy(boolean skipLocked, boolean ordered) {
            this.skipLocked = skipLocked;
            this.ordered = ordered;
        }

        String candidates(int batch) {
            return String.format(Locale.ROOT, CANDIDATES, ordered ? " ORDER BY next_attempt_at, id" : "", batch,
                    skipLocked ? " FOR UPDATE SKIP LOCKED" : "");
        }
    }

    /** The way to read candidates on this database. */
    public static Strategy strategyFor(DatabaseMetaData meta) throws SQLException {
        String product = meta.getDatabaseProductName().toLowerCase(Locale.ROOT);
        int major = meta.getDatabaseMajorVersion();
        int minor = meta.getDatabaseMinorVersion();
        if (product.contains("postgres") && (major > 9 || (major == 9 && minor >= 5))) {
            return Strategy.SKIP_LOCKED;
        }
        if (product.equals("h2") && (major > 2 || (major == 2 && minor >= 2))) {
            return Strategy.SKIP_LOCKED_UNORDERED;
        }
        return Strategy.LEASE_ONLY;
    }

    /** Claims up to {@code batch} due rows for {@code node} until {@code now + lease}; returns their ids. */
    public static List<Long> claim(Connection connection, String node, Instant now, Duration lease, int batch, Strategy strategy)
            throws SQLException {
        if (batch < 1 || batch > 1000) {
            throw new IllegalArgumentException("batch must be 1..1000");
        }
        OffsetDateTime at = now.atOffset(ZoneOffset.UTC);
        List<Long> candidates = new ArrayList<>();
        String select = strategy.candidates(batch);
        try (PreparedStatement query = connection.prepareStatement(select)) {
            query.setObject(1, NEVER_DUE_BEFORE);
            query.setObject(2, at);
            query.setObject(3, at);
            try (ResultSet rows = query.executeQuery()) {
                while (rows.next()) {
                    candidates.add(rows.getLong(1));
                }
            }
        }
        List<Long> claimed = new ArrayList<>();
        try (PreparedStatement update = connection.prepareStatement(CLAIM)) {
            for (Long id : candidates) {
                update.setString(1, node);
                update.setObject(2, now.plus(lease).atOffset(ZoneOffset.UTC));
                update.setLong(3, id);
                update.setObject(4, at);
                update.setObject(5, at);
                if (update.executeUpdate() == 1) {
                    claimed.add(id);
                }
            }
        }
        return claimed;
    }
}
