package io.amends.bench.audit;

import io.amends.audit.control.AuditRecord;
import io.amends.audit.control.ChainVerifier;
import io.amends.audit.control.Checkpoint;
import io.amends.audit.control.StoredEntry;
import io.amends.audit.control.Verification;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.OffsetDateTime;
import java.util.Iterator;
import java.util.Locale;
import java.util.NoSuchElementException;

/**
 * Verifies the whole audit chain straight from the database with the application's {@link ChainVerifier}: one
 * streaming query in sequence order, so the time is the database read plus hashing, without the server. Compare with
 * {@code GET /api/v1/audit/verify} to see what the server's batching adds.
 *
 * <pre>
 * java -cp benchmarks.jar io.amends.bench.audit.VerifyChain --url jdbc:... --user amends --password amends
 * </pre>
 */
public final class VerifyChain {

    public static void main(String[] args) throws SQLException {
        String url = null;
        String user = "amends";
        String password = "amends";
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--url" -> url = args[++i];
                case "--user" -> user = args[++i];
                case "--password" -> password = args[++i];
                default -> throw new IllegalArgumentException("Unknown option " + args[i] + "; options: --url --user --password");
            }
        }
        long start = System.nanoTime();
        try (Connection c = DriverManager.getConnection(url, user, password)) {
            c.setAutoCommit(false); // PostgreSQL streams with a fetch size only inside a transaction
            Checkpoint head;
            try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery("SELECT last_seq, last_hash FROM audit_head WHERE id = 1")) {
                rs.next();
                head = new Checkpoint(rs.getLong(1), rs.getString(2).trim());
            }
            try (PreparedStatement p = c.prepareStatement("SELECT seq, recorded_at, actor, actor_role, action, case_key, account_id, amount_minor, "
                    + "currency, ltv_minor, spend_12m_minor, spend_ratio_bp, verdict, details, prev_hash, hash FROM audit_entry WHERE seq <= ? ORDER BY seq")) {
                p.setLong(1, head.sequence());
                p.setFetchSize(10_000);
                try (ResultSet rs = p.executeQuery()) {
                    Verification v = ChainVerifier.fromGenesis().expectingHead(head).verify(new Rows(rs));
                    double seconds = (System.nanoTime() - start) / 1e9;
                    System.out.printf(Locale.ROOT, "Verified %,d entries in %.1f s (%.0f entries/s): %s%n", v.checked(), seconds,
                            v.checked() / seconds, v.ok() ? "intact" : v.firstProblem().orElseThrow());
                }
            }
        }
    }

    private static final class Rows implements Iterator<StoredEntry> {
        private final ResultSet rs;
        private Boolean ahead;

        Rows(ResultSet rs) {
            this.rs = rs;
        }

        @Override
        public boolean hasNext() {
            if (ahead == null) {
                try {
                    ahead = rs.next();
                } catch (SQLException e) {
                    throw new IllegalStateException(e);
                }
            }
            return ahead;
        }

        @Override
        public StoredEntry next() {
            if (!hasNext()) {
                throw new NoSuchElementException();
            }
            ahead = null;
            try {
                OffsetDateTime at = rs.getObject(2, OffsetDateTime.class);
                return new StoredEntry(new AuditRecord(rs.getLong(1), at.toInstant(), rs.getString(3), rs.getString(4), rs.getString(5),
                        rs.getString(6), longOrNull(rs, 7), longOrNull(rs, 8), rs.getString(9), longOrNull(rs, 10), longOrNull(rs, 11),
                        longOrNull(rs, 12), rs.getString(13), rs.getString(14)), rs.getString(15), rs.getString(16));
            } catch (SQLException e) {
                throw new IllegalStateException(e);
            }
        }

        private static Long longOrNull(ResultSet rs, int column) throws SQLException {
            long value = rs.getLong(column);
            return rs.wasNull() ? null : value;
        }
    }
}
