package io.amends.audit.boundary;

import io.amends.audit.control.StoredEntry;
import io.amends.audit.entity.AuditEntry;
import io.amends.audit.entity.AuditHead;
import io.amends.audit.entity.AuditPending;
import jakarta.annotation.Resource;
import jakarta.ejb.Asynchronous;
import jakarta.ejb.ConcurrencyManagement;
import jakarta.ejb.ConcurrencyManagementType;
import jakarta.ejb.Schedule;
import jakarta.ejb.SessionContext;
import jakarta.ejb.Singleton;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Numbers and chains the audit entries that actions wrote unnumbered ({@link AuditPending}), in the order it finds
 * them, a batch per transaction: lock the head, turn each pending entry into the next {@link AuditEntry} (hash over
 * its predecessor's), delete it, move the head. That transaction is the only one that holds the head lock, and it
 * holds it for a few milliseconds per batch, so no business transaction ever waits on another one's commit.
 *
 * <p>What runs it, on every node: a transaction that appended asks for a drain once it has committed; the drain runs
 * on the EJB container's asynchronous pool, at most one per node at a time, and goes on while there is more; a sweep
 * every two seconds picks up what a crashed node or a failed drain left. Readers of the trail seal first
 * ({@link #sealAll}), so whoever acted sees their entry at once. Several nodes share the work safely: the head lock
 * orders their batches, and a batch reads the pending rows only once it holds the lock.
 */
@Singleton
@ApplicationScoped // one contextual instance: as a dependent bean, every committed transaction's event built a new EJB reference
@ConcurrencyManagement(ConcurrencyManagementType.BEAN)
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
public class AuditSealer {

    private static final Logger LOG = Logger.getLogger(AuditSealer.class.getName());
    static final int BATCH = 500;

    @PersistenceContext(unitName = "amends")
    EntityManager em;

    @Resource
    SessionContext context;

    private final AtomicBoolean wanted = new AtomicBoolean();
    private final AtomicBoolean draining = new AtomicBoolean();
    private volatile boolean failing;

    /** Fired in the transaction of every append; observed once that transaction has committed. */
    public record Appended() {
    }

    public void committed(@Observes(during = TransactionPhase.AFTER_SUCCESS) Appended appended) {
        request();
    }

    @Schedule(hour = "*", minute = "*", second = "*/2", persistent = false, info = "Audit sealer")
    void sweep() {
        request();
    }

    private void request() {
        wanted.set(true);
        if (draining.compareAndSet(false, true)) {
            self().drain();
        }
    }

    /** Seals until nothing was asked for since the last pass; a request that comes in meanwhile keeps it going. */
    @Asynchronous
    public void drain() {
        try {
            while (wanted.getAndSet(false)) {
                sealAll();
            }
            if (failing) {
                failing = false;
                LOG.info("Audit entries are sealed again");
            }
        } catch (RuntimeException e) {
            if (!failing) {
                failing = true;
                LOG.log(Level.WARNING, "Sealing audit entries failed; they stay pending and the next sweep retries", e);
            }
        } finally {
            draining.set(false);
        }
        if (wanted.get() && !failing && draining.compareAndSet(false, true)) {
            self().drain();
        }
    }

    /** Seals everything pending now, in batches; returns how many entries it sealed. */
    public long sealAll() {
        if (em.createNamedQuery(AuditPending.OLDEST_FIRST, AuditPending.class).setMaxResults(1).getResultList().isEmpty()) {
            return 0;
        }
        long sealed = 0;
        int batch;
        do {
            batch = self().sealBatch();
            sealed += batch;
        } while (batch == BATCH);
        return sealed;
    }

    /** One batch: the oldest pending entries (at most {@value #BATCH}) become the next entries of the chain. */
    @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
    public int sealBatch() {
        AuditHead head = em.find(AuditHead.class, AuditHead.ID, LockModeType.PESSIMISTIC_WRITE);
        List<AuditPending> batch = em.createNamedQuery(AuditPending.OLDEST_FIRST, AuditPending.class).setMaxResults(BATCH)
                .getResultList();
        long sequence = head.getLastSeq();
        String hash = head.getLastHash();
        for (AuditPending pending : batch) {
            StoredEntry sealed = StoredEntry.seal(hash, pending.numbered(++sequence));
            em.persist(new AuditEntry(sealed));
            em.remove(pending);
            head.advanceTo(sequence, sealed.hash());
            hash = sealed.hash();
        }
        return batch.size();
    }

    private AuditSealer self() {
        return context.getBusinessObject(AuditSealer.class);
    }
}
