package io.amends.fulfillment.orders.boundary;

import io.amends.fulfillment.FulfillmentClock;
import io.amends.fulfillment.orders.control.Claims;
import io.amends.fulfillment.orders.control.Dispatching;
import io.amends.fulfillment.orders.control.Journal;
import io.amends.fulfillment.orders.control.OutboxSettings;
import io.amends.fulfillment.orders.control.VendorAnswer;
import io.amends.fulfillment.orders.entity.GiftOrder;
import io.amends.fulfillment.orders.entity.OrderStatus;
import io.amends.fulfillment.vendors.boundary.VendorOrder;
import io.amends.fulfillment.vendors.boundary.VendorUpdate;
import jakarta.annotation.Resource;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.logging.Level;
import java.util.logging.Logger;
import javax.sql.DataSource;

/**
 * The outbox's transactions, each short and on its own: claim due orders for a node, and record what a vendor
 * answered. The calls to vendors happen between them, in {@link Dispatcher}, outside any transaction.
 *
 * <p>A result is recorded only while the node still holds the order's claim; if its lease ran out and another node
 * took the order over, the other node's result stands (both sent the same idempotency key, so the vendor has one
 * order).
 */
@Stateless
@TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
public class Dispatch {

    private static final Logger LOG = Logger.getLogger(Dispatch.class.getName());

    /** The application's data source; fulfillment shares the embedding application's persistence unit and its data source. */
    static final String DATA_SOURCE = "java:app/jdbc/amends";

    @PersistenceContext(unitName = "fulfillment")
    EntityManager em;

    @Resource(lookup = DATA_SOURCE)
    DataSource dataSource;

    @Inject
    OutboxSettings settings;

    @Inject
    Journal journal;

    @Inject
    FulfillmentClock clock;

    private static volatile Claims.Strategy strategy;

    /** One claimed order and what to do with it. */
    public record Work(long orderId, GiftOrder.Action action, String vendor, VendorOrder order, String vendorOrderId) {
    }

    public List<Work> claim(String node) {
        Instant now = clock.now();
        List<Long> ids;
        try (Connection connection = dataSource.getConnection()) {
            ids = Claims.claim(connection, node, now, settings.lease(), settings.batch(), strategy(connection));
        } catch (SQLException e) {
            throw new IllegalStateException("Claiming due orders failed", e);
        }
        List<Work> work = new ArrayList<>();
        for (Long id : ids) {
            GiftOrder order = em.find(GiftOrder.class, id);
            VendorOrder payload = new VendorOrder(order.getIdempotencyKey(), order.getId(), order.getKind(), order.getSku(),
                    order.getRecipient(), order.getMessage(), order.getSenderName(), order.getCreatedAt());
            work.add(new Work(order.getId(), order.nextAction(), order.getVendor(), payload, order.getVendorOrderId()));
        }
        return work;
    }

    public void afterSend(long orderId, String node, VendorAnswer<String> answer) {
        GiftOrder order = claimed(orderId, node);
        if (order == null) {
            return;
        }
        if (order.getStatus() != OrderStatus.PENDING) {
            // cancelled while this node's lease had run out and the vendor was still answering
            order.release();
            if (answer instanceof VendorAnswer.Answered<String> sent) {
                LOG.warning(() -> "Order " + orderId + " became " + order.getStatus() + " while it was being sent; " + order.getVendor()
                        + " has it as " + sent.value() + " and may need to be told by hand");
                journal.write(order, new GiftOrder.Step(order.getStatus(), order.getStatus(), order.getVendor() + " took the order as "
                        + sent.value() + " after it was " + order.getStatus() + "; tell the vendor by hand", clock.now()));
            }
            return;
        }
        Dispatching dispatching = settings.dispatching();
        GiftOrder.Step step = dispatching.afterSend(order, answer, clock.now());
        order.release();
        journal.write(order, step);
    }

    public void afterPoll(long orderId, String node, VendorAnswer<VendorUpdate> answer) {
        GiftOrder order = claimed(orderId, node);
        if (order == null) {
            return;
        }
        GiftOrder.Step step = order.getStatus().isWithVendor() ? settings.dispatching().afterPoll(order, answer, clock.now()) : null;
        order.release();
        journal.write(order, step);
    }

    public void afterCancel(long orderId, String node, VendorAnswer<Boolean> answer) {
        GiftOrder order = claimed(orderId, node);
        if (order == null) {
            return;
        }
        GiftOrder.Step step = order.getStatus().isCancellable() ? settings.dispatching().afterCancel(order, answer, clock.now()) : null;
        order.release();
        journal.write(order, step);
    }

    /** Gives claimed orders back unworked (the node ran short of lease); they are due again at once. */
    public void release(List<Long> orderIds, String node) {
        try (Connection connection = dataSource.getConnection();
             PreparedStatement update = connection.prepareStatement(
                     "UPDATE gift_order SET claimed_by = NULL, lease_until = NULL, version = version + 1 WHERE id = ? AND claimed_by = ?")) {
            for (Long id : orderIds) {
                update.setLong(1, id);
                update.setString(2, node);
                update.executeUpdate();
            }
        } catch (SQLException e) {
            LOG.log(Level.WARNING, "Releasing claims failed; their leases expire by themselves", e);
        }
    }

    /** An order with nothing to do (it was due, but e.g. final by now): release it and stop looking at it. */
    public void nothingToDo(long orderId, String node) {
        GiftOrder order = claimed(orderId, node);
        if (order != null) {
            order.release();
            if (order.nextAction() == GiftOrder.Action.NONE) {
                order.pollUnchanged(null, clock.now());
            }
        }
    }

    private GiftOrder claimed(long orderId, String node) {
        GiftOrder order = em.find(GiftOrder.class, orderId);
        if (order == null || !order.isClaimedBy(node)) {
            LOG.info(() -> "Order " + orderId + " was taken over by another node while " + node + " worked on it; its result stands");
            return null;
        }
        return order;
    }

    private static Claims.Strategy strategy(Connection connection) throws SQLException {
        Claims.Strategy known = strategy;
        if (known == null) {
            known = Claims.strategyFor(connection.getMetaData());
            strategy = known;
            Claims.Strategy chosen = known;
            LOG.info(() -> "Claiming outbox rows: " + chosen + " plus a conditional lease update");
        }
        return known;
    }
}
