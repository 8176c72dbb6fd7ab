package io.amends.fulfillment.orders.entity;

import io.amends.fulfillment.UtcInstantConverter;
import jakarta.persistence.Column;
import jakarta.persistence.Convert;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.Objects;

/**
 * One line of an order's history: a status change, or a note where the status stayed (a failed attempt and when the
 * next one is due, a vendor report that was ignored, a cancellation the vendor refused).
 */
@Entity
@Table(name = "gift_order_history")
@NamedQuery(name = OrderHistory.OF_ORDER, query = "SELECT h FROM OrderHistory h WHERE h.orderId = :order ORDER BY h.at, h.id")
public class OrderHistory {

    public static final String OF_ORDER = "OrderHistory.ofOrder";

    @Id
    @SequenceGenerator(name = "gift_order_history_seq", sequenceName = "gift_order_history_seq", allocationSize = 50)
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "gift_order_history_seq")
    private Long id;

    @Column(name = "order_id", nullable = false, updatable = false)
    private Long orderId;

    @Enumerated(EnumType.STRING)
    @Column(name = "from_status", updatable = false)
    private OrderStatus fromStatus;

    @Enumerated(EnumType.STRING)
    @Column(name = "to_status", nullable = false, updatable = false)
    private OrderStatus toStatus;

    @Column(nullable = false, updatable = false)
    private String detail;

    @Convert(converter = UtcInstantConverter.class)
    @Column(name = "happened_at", nullable = false, updatable = false)
    private Instant at;

    protected OrderHistory() {
        // for JPA
    }

    public OrderHistory(Long orderId, OrderStatus fromStatus, OrderStatus toStatus, String detail, Instant at) {
        this.orderId = Objects.requireNonNull(orderId);
        this.fromStatus = fromStatus;
        this.toStatus = Objects.requireNonNull(toStatus);
        this.detail = detail == null || detail.isBlank() ? toStatus.name() : truncate(detail.strip(), 2000);
        this.at = Objects.requireNonNull(at);
    }

    static String truncate(String text, int max) {
        return text.length() <= max ? text : text.substring(0, max - 1) + "…";
    }

    public Long getId() {
        return id;
    }

    public Long getOrderId() {
        return orderId;
    }

    public OrderStatus getFromStatus() {
        return fromStatus;
    }

    public OrderStatus getToStatus() {
        return toStatus;
    }

    /** True for a note where the status did not change. */
    public boolean isNote() {
        return fromStatus == toStatus;
    }

    public String getDetail() {
        return detail;
    }

    public Instant getAt() {
        return at;
    }
}
