package io.amends.fulfillment.orders.boundary;

import io.amends.fulfillment.FulfillmentClock;
import io.amends.fulfillment.orders.control.OutboxSettings;
import io.amends.fulfillment.orders.control.VendorAnswer;
import io.amends.fulfillment.vendors.boundary.Vendor;
import io.amends.fulfillment.vendors.boundary.VendorUnavailable;
import io.amends.fulfillment.vendors.boundary.Vendors;
import jakarta.ejb.ConcurrencyManagement;
import jakarta.ejb.ConcurrencyManagementType;
import jakarta.ejb.EJB;
import jakarta.ejb.EJBException;
import jakarta.ejb.Schedule;
import jakarta.ejb.Singleton;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import java.lang.management.ManagementFactory;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * The outbox's sender. Every five seconds, on every node: claims due orders, calls their vendors outside any
 * transaction (send, ask for news, or cancel), and records each answer in a transaction of its own ({@link Dispatch}).
 *
 * <p>A non-persistent timer only drives it; what is due lives in the order rows ({@code next_attempt_at}), so a
 * restart forgets nothing. Several nodes share the work through the claims; a node that dies mid-send leaves a lease
 * that expires, and another node sends the order again with the same idempotency key, which a vendor that honours
 * {@code Idempotency-Key} answers with the order it already has.
 */
@Singleton
@ConcurrencyManagement(ConcurrencyManagementType.BEAN)
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
public class Dispatcher {

    private static final Logger LOG = Logger.getLogger(Dispatcher.class.getName());

    /** This node, for claims: unique per start, readable in the database. */
    private final String node = ManagementFactory.getRuntimeMXBean().getName() + "/" + UUID.randomUUID().toString().substring(0, 8);

    @EJB
    Dispatch dispatch;

    @Inject
    Vendors vendors;

    @Inject
    OutboxSettings settings;

    @Inject
    FulfillmentClock clock;

    private final AtomicBoolean running = new AtomicBoolean();

    @Schedule(hour = "*", minute = "*", second = "*/5", persistent = false, info = "Gift order outbox")
    void everyFiveSeconds() {
        dispatch();
    }

    /** One round; answers how many orders were worked on. */
    public int dispatch() {
        if (!running.compareAndSet(false, true)) {
            return 0; // the previous round on this node is still at work
        }
        try {
            List<Dispatch.Work> claimed;
            try {
                claimed = dispatch.claim(node);
            } catch (RuntimeException e) {
                LOG.log(Level.WARNING, "Could not claim due orders; the next round tries again", e);
                return 0;
            }
            // stop early enough that every recorded answer is still under this node's lease
            Instant stopAt = clock.now().plus(settings.lease().dividedBy(2));
            int worked = 0;
            for (int i = 0; i < claimed.size(); i++) {
                if (clock.now().isAfter(stopAt)) {
                    dispatch.release(claimed.subList(i, claimed.size()).stream().map(Dispatch.Work::orderId).toList(), node);
                    break;
                }
                try {
                    work(claimed.get(i));
                    worked++;
                } catch (EJBException lostRace) {
                    // the order changed under us (optimistic lock): the next round looks at it again
                    LOG.log(Level.FINE, "Order " + claimed.get(i).orderId() + " changed while being worked on", lostRace);
                }
            }
            return worked;
        } finally {
            running.set(false);
        }
    }

    private void work(Dispatch.Work work) {
        Vendor vendor = vendors.named(work.vendor()).orElse(null);
        switch (work.action()) {
            case SEND -> dispatch.afterSend(work.orderId(), node, call(vendor, work, () -> vendor.submit(work.order())));
            case POLL -> dispatch.afterPoll(work.orderId(), node, call(vendor, work, () -> vendor.status(work.vendorOrderId())));
            case CANCEL -> dispatch.afterCancel(work.orderId(), node, call(vendor, work, () -> {
                vendor.cancel(work.vendorOrderId());
                return Boolean.TRUE;
            }));
            case NONE -> dispatch.nothingToDo(work.orderId(), node);
        }
    }

    private static <T> VendorAnswer<T> call(Vendor vendor, Dispatch.Work work, java.util.function.Supplier<T> call) {
        if (vendor == null) {
            return VendorAnswer.of(() -> {
                throw new VendorUnavailable("no vendor named " + work.vendor() + " is configured");
            });
        }
        return VendorAnswer.of(call);
    }

    public String node() {
        return node;
    }
}
