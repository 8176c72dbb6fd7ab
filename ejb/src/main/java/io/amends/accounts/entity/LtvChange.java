package io.amends.accounts.entity;

import jakarta.persistence.Column;
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

/** One value in an account's lifetime-value history: what it was, from when, from where, and who recorded it. */
@Entity
@Table(name = "ltv_change")
@NamedQuery(name = LtvChange.AT, query = "SELECT l FROM LtvChange l WHERE l.accountId = :account AND l.effectiveAt <= :at "
        + "ORDER BY l.effectiveAt DESC, l.id DESC")
@NamedQuery(name = LtvChange.HISTORY, query = "SELECT l FROM LtvChange l WHERE l.accountId = :account ORDER BY l.effectiveAt, l.id")
public class LtvChange {

    public static final String AT = "LtvChange.at";
    public static final String HISTORY = "LtvChange.history";

    @Id
    @SequenceGenerator(name = "ltv_change_seq", sequenceName = "ltv_change_seq", allocationSize = 50)
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "ltv_change_seq")
    private Long id;

    @Column(name = "account_id", nullable = false, updatable = false)
    private Long accountId;

    @Column(name = "ltv_minor", nullable = false, updatable = false)
    private long ltvMinor;

    @Column(nullable = false, updatable = false)
    private String currency;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, updatable = false)
    private LtvSource source;

    @Column(name = "effective_at", nullable = false, updatable = false)
    private Instant effectiveAt;

    @Column(name = "recorded_at", nullable = false, updatable = false)
    private Instant recordedAt;

    @Column(name = "recorded_by", nullable = false, updatable = false)
    private String recordedBy;

    protected LtvChange() {
        // for JPA
    }

    public LtvChange(Long accountId, long ltvMinor, String currency, LtvSource source, Instant effectiveAt,
                     Instant recordedAt, String recordedBy) {
        this.accountId = Objects.requireNonNull(accountId);
        if (ltvMinor < 0) {
            throw new IllegalArgumentException("A lifetime value is never negative");
        }
        this.ltvMinor = ltvMinor;
        this.currency = Objects.requireNonNull(currency);
        this.source = Objects.requireNonNull(source);
        this.effectiveAt = Objects.requireNonNull(effectiveAt);
        this.recordedAt = Objects.requireNonNull(recordedAt);
        this.recordedBy = Objects.requireNonNull(recordedBy);
    }

    public Long getId() {
        return id;
    }

    public Long getAccountId() {
        return accountId;
    }

    public long getLtvMinor() {
        return ltvMinor;
    }

    public String getCurrency() {
        return currency;
    }

    public LtvSource getSource() {
        return source;
    }

    public Instant getEffectiveAt() {
        return effectiveAt;
    }

    public Instant getRecordedAt() {
        return recordedAt;
    }

    public String getRecordedBy() {
        return recordedBy;
    }
}
