package io.amends.audit.boundary;

import io.amends.audit.control.AuditRecord;
import io.amends.audit.control.ChainVerifier;
import io.amends.audit.control.Checkpoint;
import io.amends.audit.control.HashChain;
import io.amends.audit.control.StoredEntry;
import io.amends.audit.control.Verification;
import io.amends.audit.entity.AuditEntry;
import io.amends.audit.entity.AuditHead;
import io.amends.audit.entity.AuditPending;
import io.amends.platform.boundary.Migrations;
import io.amends.platform.control.AmendsClock;
import io.amends.platform.entity.Forbidden;
import io.amends.users.entity.Caller;
import io.amends.users.entity.Role;
import jakarta.annotation.Resource;
import jakarta.ejb.AsyncResult;
import jakarta.ejb.Asynchronous;
import jakarta.ejb.EJB;
import jakarta.ejb.SessionContext;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.TypedQuery;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.function.Consumer;
import javax.sql.DataSource;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * The audit trail: every action writes one entry in the action's own transaction, which the {@link AuditSealer}
 * numbers and hash-chains right after the commit; finance and auditors search it, export it and verify that no entry
 * was changed, removed, inserted or reordered. Every read seals what is pending first, so a reader sees every action
 * that committed before the read began.
 */
@Stateless
public class AuditTrail {

    private static final int BATCH = 5_000;
    /** At most this many pieces verified at once. */
    private static final int MAX_PIECES = 4;

    @PersistenceContext(unitName = "amends")
    EntityManager em;

    @Inject
    AmendsClock clock;

    @Resource
    SessionContext context;

    /** No piece of a verification is shorter: below that, starting a thread costs more than it saves. */
    @Inject
    @ConfigProperty(name = "amends.audit.verify.piece-min", defaultValue = "50000")
    long minPiece;

    @EJB
    LedgerFigures figures;

    @Resource(lookup = Migrations.DATA_SOURCE)
    DataSource dataSource;

    @EJB
    AuditSealer sealer;

    @Inject
    Event<AuditSealer.Appended> appended;

    /** Which entries to read; null fields do not filter. */
    public record Filter(String caseKey, Long accountId, String actor, String action, Instant from, Instant to) {
        public static Filter none() {
            return new Filter(null, null, null, null, null, null);
        }
    }

    public record Page(List<AuditEntry> items, long total, int page, int size) {
    }

    /**
     * Writes an entry in the caller's transaction (there must be one: no action without its entry, no entry without
     * its action). It is written unnumbered: once the transaction has committed, the {@link AuditSealer} gives it the
     * next sequence number and chains it, so the action never waits for another action's commit. The entry carries
     * the lifetime value and spend in force now, and the time of the action.
     */
    @TransactionAttribute(TransactionAttributeType.MANDATORY)
    public void append(AuditEvent event) {
        appendAll(List.of(event));
    }

    /** Several entries of one action, in order, with the money figures looked up once per account. */
    @TransactionAttribute(TransactionAttributeType.MANDATORY)
    public void appendAll(List<AuditEvent> events) {
        Instant now = clock.now();
        Map<Long, LedgerFigures.Figures> money = new HashMap<>();
        for (AuditEvent event : events) {
            LedgerFigures.Figures f = event.accountId() == null ? null
                    : money.computeIfAbsent(event.accountId(), account -> figures.of(account, now));
            // Numbered 1 only to be checked and normalised now, where a bad value fails the action that brought it.
            AuditRecord draft = new AuditRecord(1, now, event.actor(), event.actorRole(), event.action(), event.caseKey(),
                    event.accountId(), event.amountMinor(), event.currency(), f == null ? null : f.ltvMinor(),
                    f == null ? null : f.spend12mMinor(), f == null ? null : f.ratioBasisPoints(), event.verdict(),
                    clean(event.details()));
            em.persist(new AuditPending(draft));
        }
        appended.fire(new AuditSealer.Appended());
    }

    /** Keeps details storable everywhere: PostgreSQL refuses NUL in text, and the column holds 8,000 characters. */
    static String clean(String details) {
        String text = details == null ? "" : details.replace('\u0000', '\uFFFD');
        return text.length() > 8000 ? text.substring(0, 7999) + "…" : text;
    }

    /**
     * The trail as this caller may read it: finance and administrators all of it, an account manager only the
     * entries of a case they own (so the filter must name it).
     */
    public Page searchFor(Caller caller, Filter filter, int page, int size) {
        if (caller.has(Role.FINANCE) || caller.has(Role.ADMIN)) {
            return search(filter, page, size);
        }
        if (!caller.has(Role.ACCOUNT_MANAGER) || filter.caseKey() == null) {
            throw new Forbidden("Account managers read the audit trail of their own cases: name the case (caseKey)");
        }
        Number owned = (Number) em.createNativeQuery("SELECT COUNT(*) FROM apology_case c JOIN app_user u ON u.id = c.owner_id "
                + "WHERE c.case_key = ? AND u.username = ?").setParameter(1, filter.caseKey()).setParameter(2, caller.username())
                .getSingleResult();
        if (owned.longValue() == 0) {
            throw new Forbidden("You can read the audit trail of your own cases only");
        }
        return search(new Filter(filter.caseKey(), null, filter.actor(), filter.action(), filter.from(), filter.to()), page, size);
    }

    public Page search(Filter filter, int page, int size) {
        sealer.sealAll();
        StringBuilder where = new StringBuilder(" WHERE 1 = 1");
        Map<String, Object> parameters = new HashMap<>();
        if (filter.caseKey() != null) {
            where.append(" AND e.caseKey = :caseKey");
            parameters.put("caseKey", filter.caseKey());
        }
        if (filter.accountId() != null) {
            where.append(" AND e.accountId = :accountId");
            parameters.put("accountId", filter.accountId());
        }
        if (filter.actor() != null) {
            where.append(" AND e.actor = :actor");
            parameters.put("actor", filter.actor());
        }
        if (filter.action() != null) {
            where.append(" AND e.action = :action");
            parameters.put("action", filter.action());
        }
        if (filter.from() != null) {
            where.append(" AND e.recordedAt >= :from");
            parameters.put("from", filter.from());
        }
        if (filter.to() != null) {
            where.append(" AND e.recordedAt < :to");
            parameters.put("to", filter.to());
        }
        TypedQuery<AuditEntry> query = em.createQuery("SELECT e FROM AuditEntry e" + where + " ORDER BY e.seq DESC", AuditEntry.class);
        TypedQuery<Long> count = em.createQuery("SELECT COUNT(e) FROM AuditEntry e" + where, Long.class);
        parameters.forEach((k, v) -> {
            query.setParameter(k, v);
            count.setParameter(k, v);
        });
        return new Page(query.setFirstResult(page * size).setMaxResults(size).getResultList(), count.getSingleResult(), page, size);
    }

    /**
     * Walks the whole chain in sequence order, in batches, in constant memory.
     *
     * <p>Actions go on appending while the trail is verified, so only the entries up to the head read at the start
     * are walked (entries appended since are not suspicious, they are new). Entries past the head (appended without
     * moving it) are then looked for against the head of that moment, in one statement, so that a concurrent append
     * cannot look like one.
     *
     * <p>A long trail is walked in as many pieces as the node has processors, at the same time: reading and hashing
     * millions of entries on one thread left the other processors idle (docs/performance.md). Each piece starts from
     * the stored entry before it and must end exactly at the stored entry the next piece starts from, so the pieces
     * together prove what one pass proves ({@link Verification#inOrder}). Where a stored entry at a cut cannot serve
     * as a checkpoint (it is missing, or its hash is damaged), the trail is walked in one pass, which says what is
     * wrong there.
     */
    @TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
    public Verification verify() {
        sealer.sealAll();
        AuditHead head = em.find(AuditHead.class, AuditHead.ID);
        Checkpoint expectedHead = new Checkpoint(head.getLastSeq(), head.getLastHash());
        Verification result = verifyUpTo(expectedHead);
        if (!result.ok()) {
            return result;
        }
        Object past = em.createNativeQuery("SELECT MIN(e.seq) FROM audit_entry e JOIN audit_head h ON h.id = " + AuditHead.ID
                + " WHERE e.seq > h.last_seq").getSingleResult();
        if (past == null) {
            return result;
        }
        long first = ((Number) past).longValue();
        return Verification.failed(result.checked(), result.reached(), Verification.Kind.INSERTED, first,
                "Entry " + first + " lies past the trail's head: it was appended without moving the head, or the head was moved back");
    }

    private Verification verifyUpTo(Checkpoint head) {
        List<Checkpoint> cuts = cuts(head);
        if (cuts.size() < 3) {
            return verifyPiece(Checkpoint.GENESIS, head);
        }
        AuditTrail self = context.getBusinessObject(AuditTrail.class);
        List<Future<Verification>> later = new ArrayList<>();
        for (int i = 1; i < cuts.size() - 1; i++) {
            later.add(self.verifyPieceLater(cuts.get(i), cuts.get(i + 1)));
        }
        List<Verification> pieces = new ArrayList<>();
        pieces.add(verifyPiece(cuts.get(0), cuts.get(1)));
        for (Future<Verification> piece : later) {
            try {
                pieces.add(piece.get());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("Interrupted while verifying the audit trail", e);
            } catch (ExecutionException e) {
                throw new IllegalStateException("A piece of the audit trail could not be verified", e.getCause());
            }
        }
        return Verification.inOrder(pieces);
    }

    /**
     * Where the pieces start and end: genesis, the stored entries at the cuts, the head. Only genesis and the head when
     * the trail is short, the node has one processor, or an entry at a cut is missing or not a hash.
     */
    private List<Checkpoint> cuts(Checkpoint head) {
        int pieces = (int) Math.min(Math.min(MAX_PIECES, Runtime.getRuntime().availableProcessors()), head.sequence() / Math.max(1, minPiece));
        List<Checkpoint> cuts = new ArrayList<>();
        cuts.add(Checkpoint.GENESIS);
        if (pieces > 1) {
            List<Long> at = new ArrayList<>();
            for (int i = 1; i < pieces; i++) {
                at.add(head.sequence() * i / pieces);
            }
            List<?> rows = em.createNativeQuery("SELECT seq, hash FROM audit_entry WHERE seq IN (" + String.join(",",
                    at.stream().map(String::valueOf).toList()) + ") ORDER BY seq").getResultList();
            for (Object row : rows) {
                Object[] columns = (Object[]) row;
                String hash = columns[1] == null ? "" : columns[1].toString().trim();
                if (!HashChain.isHash(hash)) {
                    return List.of(Checkpoint.GENESIS, head);
                }
                cuts.add(new Checkpoint(((Number) columns[0]).longValue(), hash));
            }
            if (cuts.size() != pieces) {
                return List.of(Checkpoint.GENESIS, head);
            }
        }
        cuts.add(head);
        return cuts;
    }

    /** One piece of the trail, on the container's asynchronous threads, with the caller's identity. */
    @Asynchronous
    @TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
    public Future<Verification> verifyPieceLater(Checkpoint from, Checkpoint to) {
        return new AsyncResult<>(verifyPiece(from, to));
    }

    private Verification verifyPiece(Checkpoint from, Checkpoint to) {
        return ChainVerifier.from(from).expectingHead(to).verify(new Ranges(from.sequence(), to.sequence()));
    }

    /** Hands every entry of the filter (or all) in sequence order to the consumer, for exports. */
    @TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
    public void forEach(Consumer<StoredEntry> consumer) {
        sealer.sealAll();
        new Ranges(0, em.find(AuditHead.class, AuditHead.ID).getLastSeq()).forEachRemaining(consumer);
    }

    /**
     * The entries after {@code after} up to {@code headSeq} in ranges of {@link #BATCH}: sequence numbers are gapless,
     * so a range is a plain index range, and neither memory nor a long-open cursor grows with the trail.
     */
    private final class Ranges implements Iterator<StoredEntry> {
        private final long headSeq;
        private long readUpTo;
        private Iterator<StoredEntry> batch = List.<StoredEntry>of().iterator();

        Ranges(long after, long headSeq) {
            this.readUpTo = after;
            this.headSeq = headSeq;
        }

        @Override
        public boolean hasNext() {
            while (!batch.hasNext() && readUpTo < headSeq) {
                long from = readUpTo;
                readUpTo = Math.min(headSeq, from + BATCH);
                batch = load(from, readUpTo).iterator();
            }
            return batch.hasNext();
        }

        @Override
        public StoredEntry next() {
            if (!hasNext()) {
                throw new NoSuchElementException();
            }
            return batch.next();
        }
    }

    private List<StoredEntry> load(long after, long upTo) {
        String sql = "SELECT seq, recorded_at, actor, actor_role, action, case_key, account_id, amount_minor, currency, "
                + "ltv_minor, spend_12m_minor, spend_ratio_bp, verdict, details, prev_hash, hash FROM audit_entry "
                + "WHERE seq > ? AND seq <= ? ORDER BY seq";
        List<StoredEntry> entries = new java.util.ArrayList<>(BATCH);
        try (Connection connection = dataSource.getConnection(); PreparedStatement statement = connection.prepareStatement(sql)) {
            statement.setLong(1, after);
            statement.setLong(2, upTo);
            statement.setFetchSize(BATCH);
            try (ResultSet rs = statement.executeQuery()) {
                while (rs.next()) {
                    OffsetDateTime at = rs.getObject(2, OffsetDateTime.class);
                    entries.add(new StoredEntry(new AuditRecord(rs.getLong(1), at.toInstant(), rs.getString(3), rs.getString(4),
                            rs.getString(5), rs.getString(6), longOrNull(rs, 7), longOrNull(rs, 8), rs.getString(9),
                            longOrNull(rs, 10), longOrNull(rs, 11), longOrNull(rs, 12), rs.getString(13), rs.getString(14)),
                            rs.getString(15), rs.getString(16)));
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException("Cannot read the audit trail", e);
        }
        return entries;
    }

    private static Long longOrNull(ResultSet rs, int column) throws SQLException {
        long value = rs.getLong(column);
        return rs.wasNull() ? null : value;
    }

}
