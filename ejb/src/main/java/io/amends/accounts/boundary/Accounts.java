package io.amends.accounts.boundary;

import io.amends.accounts.entity.Contact;
import io.amends.accounts.entity.CustomerAccount;
import io.amends.accounts.entity.LtvChange;
import io.amends.accounts.entity.LtvSource;
import io.amends.accounts.entity.Segment;
import io.amends.accounts.entity.Tier;
import io.amends.accounts.entity.TierThreshold;
import io.amends.platform.control.AmendsClock;
import io.amends.platform.entity.Invalid;
import io.amends.platform.entity.NotFound;
import io.amends.users.entity.Caller;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * Customer accounts, their contacts and their lifetime value with its history.
 *
 * <p>A client caller sees only their own account; asking for another answers "not found", as if it did not exist.
 */
@Stateless
public class Accounts {

    @PersistenceContext
    EntityManager em;

    @Inject
    AmendsClock clock;

    /** One page of a list, with the total so a UI can page. */
    public record Page<T>(List<T> items, long total, int page, int size) {
    }

    public CustomerAccount create(@NotNull String name, @NotNull Segment segment, Long managerId, @NotNull String currency,
                                  String language) {
        try {
            CustomerAccount account = new CustomerAccount(name, segment, managerId, currency,
                    language == null ? "en" : language, clock.now());
            em.persist(account);
            em.flush(); // references are plain ids, so EclipseLink cannot order inserts by them: write the root first
            return account;
        } catch (IllegalArgumentException e) {
            throw new Invalid(null, e.getMessage());
        }
    }

    public Optional<CustomerAccount> find(Caller caller, long id) {
        return Optional.ofNullable(em.find(CustomerAccount.class, id)).filter(a -> caller.canSeeAccount(a.getId()));
    }

    public CustomerAccount get(Caller caller, long id) {
        return find(caller, id).orElseThrow(() -> new NotFound("Account", id));
    }

    public Page<CustomerAccount> search(Caller caller, String name, @Min(0) int page, @Min(1) @Max(200) int size) {
        if (caller.isClient()) {
            CustomerAccount own = em.find(CustomerAccount.class, caller.accountId());
            return new Page<>(own == null ? List.of() : List.of(own), own == null ? 0 : 1, 0, size);
        }
        String pattern = "%" + (name == null ? "" : name.toLowerCase(Locale.ROOT).replace("%", "").replace("_", "")) + "%";
        List<CustomerAccount> items = em.createNamedQuery(CustomerAccount.SEARCH, CustomerAccount.class)
                .setParameter("name", pattern).setFirstResult(page * size).setMaxResults(size).getResultList();
        long total = em.createNamedQuery(CustomerAccount.COUNT_SEARCH, Long.class).setParameter("name", pattern).getSingleResult();
        return new Page<>(items, total, page, size);
    }

    public CustomerAccount update(Caller caller, long id, long expectedVersion, @NotNull String name, @NotNull Segment segment,
                                  Long managerId, @NotNull String language) {
        CustomerAccount account = get(caller, id);
        checkVersion(account.getVersion(), expectedVersion, "account");
        try {
            account.update(name, segment, managerId, language);
        } catch (IllegalArgumentException e) {
            throw new Invalid(null, e.getMessage());
        }
        return account;
    }

    static void checkVersion(long actual, long expected, String what) {
        if (expected >= 0 && actual != expected) {
            throw new jakarta.persistence.OptimisticLockException("The " + what + " was changed by someone else (version "
                    + actual + ", you sent " + expected + ")");
        }
    }

    /** Sets the lifetime value as of a moment, and keeps it in the history; the current value follows the newest. */
    public LtvChange setLifetimeValue(long accountId, @Min(0) long ltvMinor, @NotNull LtvSource source, Instant effectiveAt,
                                      @NotNull String recordedBy) {
        CustomerAccount account = Optional.ofNullable(em.find(CustomerAccount.class, accountId))
                .orElseThrow(() -> new NotFound("Account", accountId));
        Instant now = clock.now();
        Instant effective = effectiveAt == null ? now : effectiveAt;
        if (effective.isAfter(now.plusSeconds(60))) {
            throw new Invalid("effectiveAt", "A lifetime value cannot take effect in the future");
        }
        LtvChange change = new LtvChange(accountId, ltvMinor, account.getCurrency(), source, effective, now, recordedBy);
        em.persist(change);
        if (!effective.isBefore(account.getLtvUpdatedAt())) {
            account.lifetimeValueIs(ltvMinor, effective);
        }
        return change;
    }

    /** The lifetime value in force at a moment: the newest change that had taken effect by then, or zero. */
    public long lifetimeValueAt(long accountId, Instant at) {
        return em.createNamedQuery(LtvChange.AT, LtvChange.class).setParameter("account", accountId).setParameter("at", at)
                .setMaxResults(1).getResultStream().findFirst().map(LtvChange::getLtvMinor).orElse(0L);
    }

    public List<LtvChange> lifetimeValueHistory(Caller caller, long accountId) {
        get(caller, accountId);
        return em.createNamedQuery(LtvChange.HISTORY, LtvChange.class).setParameter("account", accountId).getResultList();
    }

    public Tier tierOf(long ltvMinor) {
        for (TierThreshold threshold : em.createNamedQuery(TierThreshold.ALL, TierThreshold.class).getResultList()) {
            if (ltvMinor >= threshold.getMinLtvMinor()) {
                return threshold.getTier();
            }
        }
        return Tier.BRONZE;
    }

    public Contact addContact(Caller caller, long accountId, @NotNull String name, String roleTitle, String email, String phone,
                              String street, String postalCode, String city, String country) {
        get(caller, accountId);
        try {
            Contact contact = new Contact(accountId, name, roleTitle, email, phone, clock.now());
            contact.livesAt(street, postalCode, city, country);
            em.persist(contact);
            em.flush();
            return contact;
        } catch (IllegalArgumentException e) {
            throw new Invalid(null, e.getMessage());
        }
    }

    public List<Contact> contacts(Caller caller, long accountId) {
        get(caller, accountId);
        return em.createNamedQuery(Contact.BY_ACCOUNT, Contact.class).setParameter("account", accountId).getResultList();
    }

    public Optional<Contact> contact(long contactId) {
        return Optional.ofNullable(em.find(Contact.class, contactId));
    }
}
