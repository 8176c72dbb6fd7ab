package io.amends.fulfillment.discounts.entity;

import io.amends.fulfillment.UtcInstantConverter;
import io.amends.fulfillment.discounts.control.Codes;
import io.amends.fulfillment.orders.boundary.DiscountTerms;
import io.amends.fulfillment.orders.boundary.DiscountType;
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
import jakarta.persistence.Version;
import java.time.Instant;
import java.util.Locale;
import java.util.Objects;

/**
 * A discount code issued as an apology: what it is worth, until when, and how many times it may be redeemed.
 *
 * <p>Only the canonical form of the code is stored, under a unique constraint. The redemption count only grows, never
 * past the limit (a check constraint backs the rule); every redemption is a {@link CodeRedemption} row, unique per
 * storefront order, which is what makes redeeming idempotent.
 */
@Entity
@Table(name = "discount_code")
@NamedQuery(name = DiscountCode.BY_CODE, query = "SELECT d FROM DiscountCode d WHERE d.code = :code")
@NamedQuery(name = DiscountCode.COUNT_CODE, query = "SELECT COUNT(d) FROM DiscountCode d WHERE d.code = :code")
@NamedQuery(name = DiscountCode.BY_REFERENCE, query = "SELECT d FROM DiscountCode d WHERE d.reference = :reference ORDER BY d.issuedAt")
public class DiscountCode {

    public static final String BY_CODE = "DiscountCode.byCode";
    public static final String COUNT_CODE = "DiscountCode.countCode";
    public static final String BY_REFERENCE = "DiscountCode.byReference";

    /** Longer than any sensible offer, and well inside every database's range of timestamps. */
    static final long MAX_VALIDITY_DAYS = 3653;

    @Id
    @SequenceGenerator(name = "discount_code_seq", sequenceName = "discount_code_seq", allocationSize = 50)
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "discount_code_seq")
    private Long id;

    @Column(nullable = false, updatable = false)
    private String code;

    @Enumerated(EnumType.STRING)
    @Column(name = "discount_type", nullable = false, updatable = false)
    private DiscountType type;

    @Column(name = "discount_value", nullable = false, updatable = false)
    private long value;

    @Column(updatable = false, length = 3)
    private String currency;

    @Convert(converter = UtcInstantConverter.class)
    @Column(name = "expires_at", nullable = false, updatable = false)
    private Instant expiresAt;

    @Column(name = "redemption_limit", nullable = false, updatable = false)
    private int redemptionLimit;

    @Column(nullable = false)
    private int redeemed;

    @Column(nullable = false, updatable = false)
    private String reference;

    @Column(name = "issued_by", nullable = false, updatable = false)
    private String issuedBy;

    @Column(updatable = false)
    private String reason;

    @Convert(converter = UtcInstantConverter.class)
    @Column(name = "issued_at", nullable = false, updatable = false)
    private Instant issuedAt;

    @Version
    private long version;

    protected DiscountCode() {
        // for JPA
    }

    public DiscountCode(String code, DiscountTerms terms, String reference, String issuedBy, String reason, Instant now) {
        if (!Codes.isWellFormed(code)) {
            throw new IllegalArgumentException("Not a code in canonical form");
        }
        Objects.requireNonNull(terms, "terms");
        this.code = code;
        this.type = Objects.requireNonNull(terms.type(), "A discount is a percentage or an amount");
        if (type == DiscountType.PERCENT) {
            if (terms.value() < 1 || terms.value() > 100) {
                throw new IllegalArgumentException("A percentage discount is 1 to 100 percent");
            }
            this.currency = null;
        } else {
            if (terms.value() < 1) {
                throw new IllegalArgumentException("An amount discount is worth something");
            }
            String c = terms.currency() == null ? "" : terms.currency().strip().toUpperCase(Locale.ROOT);
            if (!c.matches("[A-Z]{3}")) {
                throw new IllegalArgumentException("An amount discount needs a three-letter currency code");
            }
            this.currency = c;
        }
        this.value = terms.value();
        if (terms.expiresAt() == null || !terms.expiresAt().isAfter(now)) {
            throw new IllegalArgumentException("A discount code expires in the future");
        }
        if (terms.expiresAt().isAfter(now.plus(java.time.Duration.ofDays(MAX_VALIDITY_DAYS)))) {
            throw new IllegalArgumentException("A discount code expires within ten years");
        }
        this.expiresAt = terms.expiresAt();
        if (terms.redemptionLimit() < 1) {
            throw new IllegalArgumentException("A discount code can be redeemed at least once");
        }
        this.redemptionLimit = terms.redemptionLimit();
        if (reference == null || reference.isBlank() || issuedBy == null || issuedBy.isBlank()) {
            throw new IllegalArgumentException("A discount code names what it was issued for and by whom");
        }
        this.reference = reference.strip();
        this.issuedBy = issuedBy.strip();
        this.reason = reason == null || reason.isBlank() ? null : reason.strip();
        this.issuedAt = Objects.requireNonNull(now);
    }

    public CodeStatus statusAt(Instant now) {
        if (redeemed >= redemptionLimit) {
            return CodeStatus.USED_UP;
        }
        return now.isBefore(expiresAt) ? CodeStatus.VALID : CodeStatus.EXPIRED;
    }

    /** Counts one redemption; returns how many there have been. Refused unless the code is valid at {@code now}. */
    public int redeem(Instant now) {
        CodeStatus status = statusAt(now);
        if (status != CodeStatus.VALID) {
            throw new IllegalStateException("The code is " + status);
        }
        return ++redeemed;
    }

    public int remaining() {
        return Math.max(0, redemptionLimit - redeemed);
    }

    /** The code as it may appear in logs and the audit trail: its first group only. */
    public String shortened() {
        return shortened(code);
    }

    public static String shortened(String code) {
        return code == null || code.length() < 8 ? "AMD-…" : code.substring(0, 8) + "…";
    }

    /** The value in words: "15 %" or "2500 EUR (minor units)". */
    public String describeValue() {
        return type == DiscountType.PERCENT ? value + " %" : value + " " + currency + " (minor units)";
    }

    public Long getId() {
        return id;
    }

    public String getCode() {
        return code;
    }

    public DiscountType getType() {
        return type;
    }

    public long getValue() {
        return value;
    }

    public String getCurrency() {
        return currency;
    }

    public Instant getExpiresAt() {
        return expiresAt;
    }

    public int getRedemptionLimit() {
        return redemptionLimit;
    }

    public int getRedeemed() {
        return redeemed;
    }

    public String getReference() {
        return reference;
    }

    public String getIssuedBy() {
        return issuedBy;
    }

    public String getReason() {
        return reason;
    }

    public Instant getIssuedAt() {
        return issuedAt;
    }
}
