package io.amends.fulfillment.vendors.boundary;

import io.amends.fulfillment.orders.boundary.Orders;
import jakarta.ejb.ConcurrencyManagement;
import jakarta.ejb.ConcurrencyManagementType;
import jakarta.ejb.EJB;
import jakarta.ejb.EJBException;
import jakarta.ejb.Schedule;
import jakarta.ejb.Singleton;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Every five seconds, on every node: moves the simulated vendor's due shipments one step on and sends their
 * callbacks, the way the vendor's own systems would.
 *
 * <p>A non-persistent timer only drives the sweep; what is due lives in the database, so a restart forgets nothing,
 * and each shipment's version column lets exactly one node advance it. The callback is delivered after the step has
 * committed, in-process (the signature check is for callbacks that come over HTTP); when it is lost, the dispatcher's
 * status queries find the news.
 */
@Singleton
@ConcurrencyManagement(ConcurrencyManagementType.BEAN)
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
public class SimulatedShipmentsSweep {

    private static final Logger LOG = Logger.getLogger(SimulatedShipmentsSweep.class.getName());
    private static final int BATCH = 100;

    @EJB
    SimulatedShipments shipments;

    @EJB
    Orders orders;

    private final AtomicBoolean running = new AtomicBoolean();

    @Schedule(hour = "*", minute = "*", second = "*/5", persistent = false, info = "Simulated vendor")
    void everyFiveSeconds() {
        sweep();
    }

    public int sweep() {
        if (!running.compareAndSet(false, true)) {
            return 0;
        }
        try {
            int advanced = 0;
            for (Long id : shipments.due(BATCH)) {
                Optional<VendorUpdate> callback;
                try {
                    callback = shipments.advance(id);
                } catch (EJBException lostRace) {
                    LOG.log(Level.FINE, "Simulated shipment " + id + " advanced elsewhere", lostRace);
                    continue;
                }
                advanced++;
                callback.ifPresent(update -> {
                    try {
                        orders.vendorReported(SimulatedVendor.NAME, update);
                    } catch (RuntimeException e) {
                        LOG.log(Level.WARNING, "The simulated callback for " + update.vendorOrderId() + " failed; a status query will catch up", e);
                    }
                });
            }
            return advanced;
        } finally {
            running.set(false);
        }
    }
}
