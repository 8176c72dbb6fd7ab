package io.amends.fulfillment.vendors.boundary;

import io.amends.fulfillment.FulfillmentClock;
import io.amends.fulfillment.orders.entity.OrderStatus;
import io.amends.fulfillment.vendors.entity.SimulatedShipment;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.ThreadLocalRandom;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * The simulated vendor's back office: takes orders, moves them on over time, answers status queries and
 * cancellations, and can be told to misbehave. Each call is a transaction of its own, as another company's system
 * would be.
 *
 * <p>Misbehaviour, by a marker in the card message (deterministic, for demos and tests) or by probability
 * ({@code amends.vendor.simulated.*-rate}, 0 to 1):
 * <ul>
 *   <li>{@code [reject]} / {@code reject-rate}: the order is refused, as a 4xx would be;</li>
 *   <li>{@code [timeout]} / {@code timeout-rate}: no answer in time, on every attempt;</li>
 *   <li>{@code [flaky]}: no answer on the first two attempts, then the order is taken;</li>
 *   <li>{@code [lost-callback]} / {@code lost-callback-rate}: the order progresses but no callback is ever sent
 *   (Amends learns the news by asking);</li>
 *   <li>{@code [undeliverable]}: dispatched, then reported undeliverable.</li>
 * </ul>
 */
@Stateless
@TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
public class SimulatedShipments {

    static final String VENDOR = SimulatedVendor.NAME;

    @PersistenceContext(unitName = "fulfillment")
    EntityManager em;

    @Inject
    FulfillmentClock clock;

    @Inject
    @ConfigProperty(name = "amends.vendor.simulated.step", defaultValue = "PT30S")
    String step;

    @Inject
    @ConfigProperty(name = "amends.vendor.simulated.reject-rate", defaultValue = "0")
    double rejectRate;

    @Inject
    @ConfigProperty(name = "amends.vendor.simulated.timeout-rate", defaultValue = "0")
    double timeoutRate;

    @Inject
    @ConfigProperty(name = "amends.vendor.simulated.lost-callback-rate", defaultValue = "0")
    double lostCallbackRate;

    public String receive(VendorOrder order) {
        Optional<SimulatedShipment> known = em.createNamedQuery(SimulatedShipment.BY_KEY, SimulatedShipment.class)
                .setParameter("key", order.idempotencyKey()).getResultStream().findFirst();
        if (known.isPresent() && known.get().isReceived()) {
            return known.get().vendorOrderId(); // the same key is the same order: an honest vendor's idempotency
        }
        String message = order.message() == null ? "" : order.message().toLowerCase(Locale.ROOT);
        ThreadLocalRandom random = ThreadLocalRandom.current();
        if (message.contains("[reject]") || random.nextDouble() < rejectRate) {
            throw new VendorRejection(VENDOR + " refused the order: we do not deliver SKU " + order.sku() + " there (simulated)");
        }
        if (message.contains("[timeout]") || random.nextDouble() < timeoutRate) {
            throw new VendorUnavailable(VENDOR + " did not answer in time (simulated)");
        }
        SimulatedShipment shipment = known.orElseGet(() -> {
            SimulatedShipment created = new SimulatedShipment(order.idempotencyKey(), order.sku(),
                    message.contains("[lost-callback]") || random.nextDouble() < lostCallbackRate,
                    message.contains("[undeliverable]"), clock.now());
            em.persist(created);
            return created;
        });
        if (message.contains("[flaky]") && shipment.getAttempts() < 2) {
            shipment.unreachable();
            em.flush();
            throw new VendorUnavailable(VENDOR + " did not answer in time (simulated, attempt " + shipment.getAttempts() + ")");
        }
        shipment.receive(clock.now(), step());
        em.flush();
        return shipment.vendorOrderId();
    }

    public VendorUpdate status(String vendorOrderId) {
        SimulatedShipment shipment = get(vendorOrderId);
        return update(shipment, shipment.getState());
    }

    public void cancel(String vendorOrderId) {
        SimulatedShipment shipment = get(vendorOrderId);
        if (!shipment.cancel()) {
            throw new VendorRejection(VENDOR + " cannot cancel: the order is already " + shipment.getState());
        }
    }

    @TransactionAttribute(TransactionAttributeType.SUPPORTS)
    public List<Long> due(int max) {
        return em.createNamedQuery(SimulatedShipment.DUE, Long.class).setParameter("since", Instant.EPOCH).setParameter("now", clock.now())
                .setMaxResults(max).getResultList();
    }

    /**
     * Moves one shipment a step on, if it is due. Returns the callback the vendor sends about it, or empty when there
     * is none (not due, nothing to do, or callbacks are being lost). Two nodes advancing the same row: the version
     * column lets one commit.
     */
    public Optional<VendorUpdate> advance(long id) {
        SimulatedShipment shipment = em.find(SimulatedShipment.class, id);
        if (shipment == null || shipment.getNextStepAt() == null || shipment.getNextStepAt().isAfter(clock.now())) {
            return Optional.empty();
        }
        String state = shipment.advance(clock.now(), step());
        em.flush();
        if (state == null || shipment.isLoseCallbacks()) {
            return Optional.empty();
        }
        return Optional.of(update(shipment, state));
    }

    private SimulatedShipment get(String vendorOrderId) {
        SimulatedShipment shipment = null;
        if (vendorOrderId != null && vendorOrderId.startsWith(SimulatedShipment.PREFIX)) {
            try {
                shipment = em.find(SimulatedShipment.class, Long.parseLong(vendorOrderId.substring(SimulatedShipment.PREFIX.length())));
            } catch (NumberFormatException e) {
                shipment = null;
            }
        }
        if (shipment == null || !shipment.isReceived()) {
            throw new VendorRejection(VENDOR + " knows no order " + vendorOrderId);
        }
        return shipment;
    }

    static VendorUpdate update(SimulatedShipment shipment, String state) {
        OrderStatus status = switch (state) {
            case SimulatedShipment.RECEIVED -> OrderStatus.SUBMITTED;
            case SimulatedShipment.CONFIRMED -> OrderStatus.ACCEPTED;
            case SimulatedShipment.DISPATCHED -> OrderStatus.SHIPPED;
            case SimulatedShipment.DELIVERED -> OrderStatus.DELIVERED;
            case SimulatedShipment.UNDELIVERABLE -> OrderStatus.FAILED;
            case SimulatedShipment.CANCELLED -> OrderStatus.CANCELLED;
            default -> null;
        };
        return new VendorUpdate(shipment.vendorOrderId(), status, VENDOR + " reports \"" + state + "\"");
    }

    private Duration step() {
        return Duration.parse(step);
    }
}
