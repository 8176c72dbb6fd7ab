package io.amends.sla.boundary;

import io.amends.cases.boundary.Cases;
import io.amends.platform.control.AmendsClock;
import jakarta.ejb.ConcurrencyManagement;
import jakarta.ejb.ConcurrencyManagementType;
import jakarta.ejb.EJB;
import jakarta.ejb.EJBException;
import jakarta.ejb.Schedule;
import jakarta.ejb.Singleton;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Every minute, on every node: finds deadlines that have passed and breaches each once; closes resolved cases whose
 * quiet period has passed.
 *
 * <p>A non-persistent timer only drives the sweep; what is due lives in the database, so a restart forgets nothing,
 * and {@link Escalations#breach} makes concurrent sweeps on several nodes safe.
 */
@Singleton
@ConcurrencyManagement(ConcurrencyManagementType.BEAN)
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
public class SlaSweep {

    private static final Logger LOG = Logger.getLogger(SlaSweep.class.getName());
    private static final int BATCH = 200;

    @EJB
    Deadlines deadlines;

    @EJB
    Escalations escalations;

    @EJB
    Cases cases;

    @Inject
    AmendsClock clock;

    private final AtomicBoolean running = new AtomicBoolean();

    /** What one sweep did. */
    public record Result(int breached, int closed) {
    }

    @Schedule(hour = "*", minute = "*", second = "7", persistent = false, info = "SLA sweep")
    void everyMinute() {
        sweep();
    }

    public Result sweep() {
        if (!running.compareAndSet(false, true)) {
            return new Result(0, 0); // the previous sweep on this node is still at work
        }
        try {
            int breached = 0;
            for (Long id : deadlines.due(clock.now(), BATCH)) {
                try {
                    if (escalations.breach(id)) {
                        breached++;
                    }
                } catch (EJBException lostRace) {
                    // another node breached it first (optimistic lock at commit): exactly once, as intended
                    LOG.log(Level.FINE, "Deadline " + id + " handled elsewhere", lostRace);
                }
            }
            int closed = 0;
            try {
                closed = cases.closeQuietCases(BATCH);
            } catch (EJBException e) {
                LOG.log(Level.WARNING, "Closing quiet cases failed; the next sweep retries", e);
            }
            return new Result(breached, closed);
        } finally {
            running.set(false);
        }
    }
}
