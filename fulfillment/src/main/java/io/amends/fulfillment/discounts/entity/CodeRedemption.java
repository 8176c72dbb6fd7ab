package io.amends.fulfillment.discounts.entity;

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
import java.time.Instant;
import java.util.Objects;

/** One use of a discount code, for one order of one storefront; unique per (code, storefront, order reference). */
@Entity
@Table(name = "discount_redemption")
@NamedQuery(name = CodeRedemption.FOR_ORDER, query = "SELECT r FROM CodeRedemption r WHERE r.codeId = :code "
        + "AND r.storefront = :storefront AND r.orderReference = :order")
public class CodeRedemption {

    public static final String FOR_ORDER = "CodeRedemption.forOrder";

    @Id
    @SequenceGenerator(name = "discount_redemption_seq", sequenceName = "discount_redemption_seq", allocationSize = 50)
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "discount_redemption_seq")
    private Long id;

    @Column(name = "code_id", nullable = false, updatable = false)
    private Long codeId;

    @Column(nullable = false, updatable = false)
    private String storefront;

    @Column(name = "order_reference", nullable = false, updatable = false)
    private String orderReference;

    @Column(name = "redemption_number", nullable = false, updatable = false)
    private int number;

    @Convert(converter = UtcInstantConverter.class)
    @Column(name = "redeemed_at", nullable = false, updatable = false)
    private Instant redeemedAt;

    protected CodeRedemption() {
        // for JPA
    }

    public CodeRedemption(Long codeId, String storefront, String orderReference, int number, Instant at) {
        this.codeId = Objects.requireNonNull(codeId);
        this.storefront = Objects.requireNonNull(storefront);
        this.orderReference = Objects.requireNonNull(orderReference);
        this.number = number;
        this.redeemedAt = Objects.requireNonNull(at);
    }

    public Long getId() {
        return id;
    }

    public Long getCodeId() {
        return codeId;
    }

    public String getStorefront() {
        return storefront;
    }

    public String getOrderReference() {
        return orderReference;
    }

    /** Which redemption of the code this was: 1 for the first. */
    public int getNumber() {
        return number;
    }

    public Instant getRedeemedAt() {
        return redeemedAt;
    }
}
