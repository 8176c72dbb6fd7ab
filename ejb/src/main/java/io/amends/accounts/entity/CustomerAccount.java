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
import jakarta.persistence.Version;
import java.time.Instant;
import java.util.Currency;
import java.util.Locale;
import java.util.Objects;

/**
 * A client company or consumer that Amends apologises to: its account manager, currency, language and lifetime value.
 *
 * <p>The lifetime value (LTV) is set from outside (the CRM) and every change is also written to {@link LtvChange},
 * so "the LTV at time T" can be answered for any past decision. The account keeps the current value for fast reads.
 */
@Entity
@Table(name = "customer_account")
@NamedQuery(name = CustomerAccount.SEARCH, query = "SELECT a FROM CustomerAccount a WHERE LOWER(a.name) LIKE :name ORDER BY LOWER(a.name), a.id")
@NamedQuery(name = CustomerAccount.COUNT_SEARCH, query = "SELECT COUNT(a) FROM CustomerAccount a WHERE LOWER(a.name) LIKE :name")
@NamedQuery(name = CustomerAccount.BY_IDS, query = "SELECT a FROM CustomerAccount a WHERE a.id IN :ids")
@NamedQuery(name = CustomerAccount.BY_NAMES, query = "SELECT a FROM CustomerAccount a WHERE LOWER(a.name) IN :names")
public class CustomerAccount {

    public static final String SEARCH = "CustomerAccount.search";
    public static final String COUNT_SEARCH = "CustomerAccount.countSearch";
    public static final String BY_IDS = "CustomerAccount.byIds";
    public static final String BY_NAMES = "CustomerAccount.byNames";

    @Id
    @SequenceGenerator(name = "account_seq", sequenceName = "account_seq", allocationSize = 50)
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "account_seq")
    private Long id;

    @Column(nullable = false)
    private String name;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    private Segment segment;

    @Column(name = "manager_id")
    private Long managerId;

    @Column(nullable = false, updatable = false)
    private String currency;

    @Column(nullable = false)
    private String language;

    @Column(name = "ltv_minor", nullable = false)
    private long ltvMinor;

    @Column(name = "ltv_updated_at", nullable = false)
    private Instant ltvUpdatedAt;

    @Column(name = "created_at", nullable = false, updatable = false)
    private Instant createdAt;

    @Version
    private long version;

    protected CustomerAccount() {
        // for JPA
    }

    public CustomerAccount(String name, Segment segment, Long managerId, String currency, String language, Instant now) {
        rename(name);
        this.segment = Objects.requireNonNull(segment, "segment");
        this.managerId = managerId;
        this.currency = checkCurrency(currency);
        this.language = checkLanguage(language);
        this.ltvMinor = 0;
        this.ltvUpdatedAt = Instant.EPOCH; // no value from the CRM yet
        this.createdAt = now;
    }

    static String checkCurrency(String code) {
        try {
            Currency currency = Currency.getInstance(Objects.requireNonNull(code, "currency"));
            if (currency.getDefaultFractionDigits() < 0) {
                // XAU, XXX and the like: a lifetime value could not be counted in minor units of them
                throw new IllegalArgumentException("bad");
            }
            return currency.getCurrencyCode();
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("Unknown currency " + code + ": use an ISO 4217 code such as EUR");
        }
    }

    static String checkLanguage(String language) {
        if (language == null || !language.matches("[a-z]{2}(-[A-Z]{2})?")) {
            throw new IllegalArgumentException("A language is an ISO 639 code such as en or de-CH");
        }
        return language;
    }

    public void rename(String newName) {
        if (newName == null || newName.isBlank()) {
            throw new IllegalArgumentException("An account needs a name");
        }
        this.name = newName.strip();
    }

    public void update(String newName, Segment newSegment, Long newManagerId, String newLanguage) {
        rename(newName);
        this.segment = Objects.requireNonNull(newSegment);
        this.managerId = newManagerId;
        this.language = checkLanguage(newLanguage);
    }

    /** Records the current lifetime value; the caller writes the {@link LtvChange} history row in the same transaction. */
    public void lifetimeValueIs(long minor, Instant at) {
        if (minor < 0) {
            throw new IllegalArgumentException("A lifetime value is never negative");
        }
        this.ltvMinor = minor;
        this.ltvUpdatedAt = at;
    }

    public Long getId() {
        return id;
    }

    public String getName() {
        return name;
    }

    public Segment getSegment() {
        return segment;
    }

    public Long getManagerId() {
        return managerId;
    }

    public String getCurrency() {
        return currency;
    }

    public String getLanguage() {
        return language;
    }

    public long getLtvMinor() {
        return ltvMinor;
    }

    public Instant getLtvUpdatedAt() {
        return ltvUpdatedAt;
    }

    public Instant getCreatedAt() {
        return createdAt;
    }

    public long getVersion() {
        return version;
    }
}
