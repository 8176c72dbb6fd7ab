package io.amends.fulfillment.vendors.entity;

import io.amends.fulfillment.UtcInstantConverter;
import jakarta.persistence.Column;
import jakarta.persistence.Convert;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;

/**
 * An order at the simulated vendor: the vendor's side of the story, kept in our database so that its progress
 * survives restarts and is advanced by exactly one node (the version column) however many run the sweep.
 *
 * <p>It moves {@code received → confirmed → dispatched → delivered}, one step each {@code step}, speaking the same
 * words as the florist; {@code undeliverable} instead of {@code delivered} when asked to fail. A row in state
 * {@code unreachable} only counts the attempts of an order told to be flaky.
 */
@Entity
@Table(name = "simulated_shipment")
@NamedQuery(name = SimulatedShipment.BY_KEY, query = "SELECT s FROM SimulatedShipment s WHERE s.idempotencyKey = :key")
// The lower bound (Instant.EPOCH) bounds the index walk: H2 sorts NULL (a finished shipment) first and would read them all.
@NamedQuery(name = SimulatedShipment.DUE, query = "SELECT s.id FROM SimulatedShipment s WHERE s.nextStepAt >= :since AND s.nextStepAt <= :now "
        + "ORDER BY s.nextStepAt")
public class SimulatedShipment {

    public static final String BY_KEY = "SimulatedShipment.byKey";
    public static final String DUE = "SimulatedShipment.due";
    public static final String PREFIX = "SIM-";

    public static final String UNREACHABLE = "unreachable";
    public static final String RECEIVED = "received";
    public static final String CONFIRMED = "confirmed";
    public static final String DISPATCHED = "dispatched";
    public static final String DELIVERED = "delivered";
    public static final String UNDELIVERABLE = "undeliverable";
    public static final String CANCELLED = "cancelled";

    @Id
    @SequenceGenerator(name = "simulated_shipment_seq", sequenceName = "simulated_shipment_seq", allocationSize = 50)
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "simulated_shipment_seq")
    private Long id;

    @Column(name = "idempotency_key", nullable = false, updatable = false)
    private String idempotencyKey;

    @Column(nullable = false, updatable = false)
    private String sku;

    @Column(nullable = false)
    private String state;

    @Column(nullable = false)
    private int attempts;

    @Column(name = "lose_callbacks", nullable = false)
    private boolean loseCallbacks;

    @Column(name = "fail_delivery", nullable = false)
    private boolean failDelivery;

    @Convert(converter = UtcInstantConverter.class)
    @Column(name = "next_step_at")
    private Instant nextStepAt;

    @Convert(converter = UtcInstantConverter.class)
    @Column(name = "created_at", nullable = false, updatable = false)
    private Instant createdAt;

    @Version
    private long version;

    protected SimulatedShipment() {
        // for JPA
    }

    public SimulatedShipment(String idempotencyKey, String sku, boolean loseCallbacks, boolean failDelivery, Instant now) {
        this.idempotencyKey = Objects.requireNonNull(idempotencyKey);
        this.sku = Objects.requireNonNull(sku);
        this.loseCallbacks = loseCallbacks;
        this.failDelivery = failDelivery;
        this.state = UNREACHABLE;
        this.createdAt = now;
    }

    /** One more attempt that the vendor "did not answer". */
    public int unreachable() {
        return ++attempts;
    }

    /** The vendor takes the order; it is confirmed one step later. */
    public void receive(Instant now, Duration step) {
        if (UNREACHABLE.equals(state)) {
            state = RECEIVED;
            nextStepAt = now.plus(step);
        }
    }

    /** One step on; returns the new state, or null when there was nothing to do. */
    public String advance(Instant now, Duration step) {
        String next = switch (state) {
            case RECEIVED -> CONFIRMED;
            case CONFIRMED -> DISPATCHED;
            case DISPATCHED -> failDelivery ? UNDELIVERABLE : DELIVERED;
            default -> null;
        };
        if (next == null) {
            nextStepAt = null;
            return null;
        }
        state = next;
        nextStepAt = DELIVERED.equals(next) || UNDELIVERABLE.equals(next) ? null : now.plus(step);
        return next;
    }

    /** Cancels while the parcel has not left; false when it is too late. */
    public boolean cancel() {
        if (RECEIVED.equals(state) || CONFIRMED.equals(state)) {
            state = CANCELLED;
            nextStepAt = null;
            return true;
        }
        return false;
    }

    public boolean isReceived() {
        return !UNREACHABLE.equals(state);
    }

    public String vendorOrderId() {
        return PREFIX + id;
    }

    public Long getId() {
        return id;
    }

    public String getIdempotencyKey() {
        return idempotencyKey;
    }

    public String getSku() {
        return sku;
    }

    public String getState() {
        return state;
    }

    public int getAttempts() {
        return attempts;
    }

    public boolean isLoseCallbacks() {
        return loseCallbacks;
    }

    public Instant getNextStepAt() {
        return nextStepAt;
    }
}
