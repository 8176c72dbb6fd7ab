package io.amends.accounts.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;
import java.util.Objects;

/** A person at a customer account: who we call, write to, and send a gift to (hence the postal address). */
@Entity
@Table(name = "contact")
@NamedQuery(name = Contact.BY_ACCOUNT, query = "SELECT c FROM Contact c WHERE c.accountId = :account ORDER BY c.name, c.id")
@NamedQuery(name = Contact.BY_EMAIL, query = "SELECT c FROM Contact c WHERE LOWER(c.email) = :email ORDER BY c.id")
public class Contact {

    public static final String BY_ACCOUNT = "Contact.byAccount";
    public static final String BY_EMAIL = "Contact.byEmail";

    @Id
    @SequenceGenerator(name = "contact_seq", sequenceName = "contact_seq", allocationSize = 50)
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "contact_seq")
    private Long id;

    @Column(name = "account_id", nullable = false, updatable = false)
    private Long accountId;

    @Column(nullable = false)
    private String name;

    @Column(name = "role_title")
    private String roleTitle;

    private String email;
    private String phone;
    private String street;

    @Column(name = "postal_code")
    private String postalCode;

    private String city;
    private String country;

    @Column(name = "created_at", nullable = false, updatable = false)
    private Instant createdAt;

    @Version
    private long version;

    protected Contact() {
        // for JPA
    }

    public Contact(Long accountId, String name, String roleTitle, String email, String phone, Instant now) {
        this.accountId = Objects.requireNonNull(accountId, "accountId");
        update(name, roleTitle, email, phone);
        this.createdAt = now;
    }

    public void update(String newName, String newRoleTitle, String newEmail, String newPhone) {
        if (newName == null || newName.isBlank()) {
            throw new IllegalArgumentException("A contact needs a name");
        }
        this.name = newName.strip();
        this.roleTitle = newRoleTitle;
        this.email = newEmail == null ? null : newEmail.strip().toLowerCase(java.util.Locale.ROOT);
        this.phone = newPhone;
    }

    /**
     * Sets the postal address gifts are sent to. Either all of street, city and country, or none of them: half an
     * address only fails later, at the courier.
     */
    public void livesAt(String newStreet, String newPostalCode, String newCity, String newCountry) {
        if (newCountry != null && !newCountry.matches("[A-Z]{2}")) {
            throw new IllegalArgumentException("A country is an ISO 3166 two-letter code such as DE");
        }
        boolean any = newStreet != null || newPostalCode != null || newCity != null || newCountry != null;
        if (any && (newStreet == null || newCity == null || newCountry == null)) {
            throw new IllegalArgumentException("A postal address needs at least street, city and country, or nothing at all");
        }
        this.street = newStreet;
        this.postalCode = newPostalCode;
        this.city = newCity;
        this.country = newCountry;
    }

    public boolean hasPostalAddress() {
        return street != null && city != null && country != null;
    }

    public Long getId() {
        return id;
    }

    public Long getAccountId() {
        return accountId;
    }

    public String getName() {
        return name;
    }

    public String getRoleTitle() {
        return roleTitle;
    }

    public String getEmail() {
        return email;
    }

    public String getPhone() {
        return phone;
    }

    public String getStreet() {
        return street;
    }

    public String getPostalCode() {
        return postalCode;
    }

    public String getCity() {
        return city;
    }

    public String getCountry() {
        return country;
    }

    public Instant getCreatedAt() {
        return createdAt;
    }

    public long getVersion() {
        return version;
    }
}
