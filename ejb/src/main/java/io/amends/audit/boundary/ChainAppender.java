package io.amends.audit.boundary;

import io.amends.audit.control.AuditRecord;
import io.amends.audit.control.Checkpoint;
import io.amends.audit.control.StoredEntry;
import io.amends.audit.entity.AuditHead;
import jakarta.transaction.Status;
import jakarta.transaction.Synchronization;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;
import javax.sql.DataSource;

/**
 * The audit entries of one transaction, numbered, sealed and written just before it commits.
 *
 * <p>Numbering takes the lock on the single {@code audit_head} row, and that lock is held until the commit, so
 * every writer in the system queues on it. Taking it in the middle of the business method made it cover the rest
 * of the method, the flush of all its rows and the commit: at 16 clients the lock was almost all of the time a
 * request took. Here the entries wait in memory until {@code beforeCompletion} and are written through the
 * transaction's own connection in one batch, so the lock covers three statements and the commit.
 *
 * <p>What each entry says (actor, action, money, the account's LTV and spend) is fixed when the action appends it;
 * only its number, time and hashes are given at the end. An exception here rolls the whole transaction back: no
 * action without its entry.
 */
final class ChainAppender implements Synchronization {

    /** An entry whose place in the chain is not known yet. */
    record Unsealed(AuditEvent event, Long ltvMinor, Long spend12mMinor, Long ratioBasisPoints) {
    }

    private static final String LOCK_HEAD = "SELECT last_seq, last_hash FROM audit_head WHERE id = " + AuditHead.ID + " FOR UPDATE";
    private static final String INSERT = "INSERT INTO audit_entry (seq, recorded_at, actor, actor_role, action, case_key, "
            + "account_id, amount_minor, currency, ltv_minor, spend_12m_minor, spend_ratio_bp, verdict, details, prev_hash, hash) "
            + "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)";
    private static final String ADVANCE_HEAD = "UPDATE audit_head SET last_seq = ?, last_hash = ? WHERE id = " + AuditHead.ID;

    private final DataSource dataSource;
    private final Supplier<Instant> clock;
    private final Supplier<Boolean> rollingBack;
    private final List<Unsealed> pending = new ArrayList<>();

    ChainAppender(DataSource dataSource, Supplier<Instant> clock, Supplier<Boolean> rollingBack) {
        this.dataSource = dataSource;
        this.clock = clock;
        this.rollingBack = rollingBack;
    }

    void add(Unsealed entry) {
        pending.add(entry);
    }

    @Override
    public void beforeCompletion() {
        if (pending.isEmpty() || rollingBack.get()) {
            return;
        }
        try (Connection connection = dataSource.getConnection()) {
            Checkpoint head = lockHead(connection);
            Instant now = clock.get();
            try (PreparedStatement insert = connection.prepareStatement(INSERT)) {
                for (Unsealed entry : pending) {
                    StoredEntry sealed = StoredEntry.seal(head, record(head.sequence() + 1, now, entry));
                    bind(insert, sealed);
                    insert.addBatch();
                    head = new Checkpoint(sealed.record().sequence(), sealed.hash());
                }
                insert.executeBatch();
            }
            try (PreparedStatement advance = connection.prepareStatement(ADVANCE_HEAD)) {
                advance.setLong(1, head.sequence());
                advance.setString(2, head.hash());
                if (advance.executeUpdate() != 1) {
                    throw new IllegalStateException("The audit head row is missing");
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException("Cannot append " + pending.size() + " entries to the audit trail", e);
        }
    }

    @Override
    public void afterCompletion(int status) {
        pending.clear();
    }

    static boolean isRollingBack(int status) {
        return status == Status.STATUS_MARKED_ROLLBACK || status == Status.STATUS_ROLLING_BACK || status == Status.STATUS_ROLLEDBACK;
    }

    private static Checkpoint lockHead(Connection connection) throws SQLException {
        try (PreparedStatement lock = connection.prepareStatement(LOCK_HEAD); ResultSet rs = lock.executeQuery()) {
            if (!rs.next()) {
                throw new IllegalStateException("The audit head row is missing");
            }
            return new Checkpoint(rs.getLong(1), rs.getString(2).strip());
        }
    }

    private static AuditRecord record(long seq, Instant now, Unsealed entry) {
        AuditEvent e = entry.event();
        return new AuditRecord(seq, now, e.actor(), e.actorRole(), e.action(), e.caseKey(), e.accountId(), e.amountMinor(),
                e.currency(), entry.ltvMinor(), entry.spend12mMinor(), entry.ratioBasisPoints(), e.verdict(),
                AuditTrail.clean(e.details()));
    }

    private static void bind(PreparedStatement insert, StoredEntry sealed) throws SQLException {
        AuditRecord r = sealed.record();
        insert.setLong(1, r.sequence());
        insert.setObject(2, r.recordedAt().atOffset(ZoneOffset.UTC));
        insert.setString(3, r.actor());
        insert.setString(4, r.actorRole());
        insert.setString(5, r.action());
        insert.setString(6, r.caseKey());
        setLong(insert, 7, r.accountId());
        setLong(insert, 8, r.amountMinor());
        insert.setString(9, r.currency());
        setLong(insert, 10, r.ltvInForceMinor());
        setLong(insert, 11, r.spend12mMinor());
        setLong(insert, 12, r.spendLtvRatioBp());
        insert.setString(13, r.policyVerdict());
        insert.setString(14, r.details());
        insert.setString(15, sealed.previousHash());
        insert.setString(16, sealed.hash());
    }

    private static void setLong(PreparedStatement statement, int index, Long value) throws SQLException {
        if (value == null) {
            statement.setNull(index, Types.BIGINT);
        } else {
            statement.setLong(index, value);
        }
    }
}
