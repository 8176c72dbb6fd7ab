package io.amends.accounts.boundary;

import io.amends.accounts.control.LtvCsv;
import io.amends.accounts.entity.Contact;
import io.amends.accounts.entity.CustomerAccount;
import io.amends.accounts.entity.ImportTooLarge;
import io.amends.accounts.entity.LtvChange;
import io.amends.accounts.entity.LtvSource;
import io.amends.accounts.entity.Segment;
import io.amends.accounts.entity.StaleVersion;
import io.amends.accounts.entity.Tier;
import io.amends.accounts.entity.TierLadder;
import io.amends.accounts.entity.TierThreshold;
import io.amends.audit.boundary.AuditEvent;
import io.amends.audit.boundary.AuditTrail;
import io.amends.compensation.entity.Money;
import io.amends.platform.control.AmendsClock;
import io.amends.platform.entity.Forbidden;
import io.amends.platform.entity.Invalid;
import io.amends.platform.entity.NotFound;
import io.amends.users.boundary.Users;
import io.amends.users.entity.AppUser;
import io.amends.users.entity.Caller;
import io.amends.users.entity.Role;
import jakarta.ejb.EJB;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Customer accounts, their contacts and their lifetime value with its history; and the tier ladder.
 *
 * <p>A client caller sees only their own account; asking for another answers "not found", as if it did not exist.
 * A client never sees a lifetime value or a tier. Every change is written to the audit trail in the same
 * transaction. The methods without a {@link Caller} are for seeding and systems; they audit as {@code system}.
 */
@Stateless
public class Accounts {

    /** The largest CSV file one import takes. */
    public static final int IMPORT_MAX_BYTES = LtvCsv.MAX_BYTES;

    /** The most value rows one CSV import takes. */
    public static final int IMPORT_MAX_ROWS = LtvCsv.MAX_ROWS;

    private static final int IN_LIST_CHUNK = 500;

    @PersistenceContext(unitName = "amends")
    EntityManager em;

    @Inject
    AmendsClock clock;

    @EJB
    Users users;

    @EJB
    AuditTrail audit;

    /** One page of a list, with the total so a UI can page. */
    public record Page<T>(List<T> items, long total, int page, int size) {
    }

    // --- accounts -------------------------------------------------------------------------------------------------

    /** Opens an account; the manager is given by user name and must be an account manager. */
    public AccountOverview create(@NotNull Caller caller, @NotNull @Valid NewAccount command) {
        AppUser manager = command.manager() == null || command.manager().isBlank()
                ? defaultManager(caller) : accountManager(command.manager());
        CustomerAccount account = open(caller, command.name(), command.segment(), manager == null ? null : manager.getId(),
                manager == null ? "none" : manager.getUsername(), command.currency(), command.language());
        return new AccountOverview(account, manager == null ? null : manager.getUsername(), ladder().tierOf(account.getLtvMinor()));
    }

    /** Opens an account for seeding and systems, with the manager by id. */
    public CustomerAccount create(@NotNull String name, @NotNull Segment segment, Long managerId, @NotNull String currency,
                                  String language) {
        return open(Caller.system("system"), name, segment, managerId, managerId == null ? "none" : "user " + managerId, currency,
                language);
    }

    private CustomerAccount open(Caller caller, String name, Segment segment, Long managerId, String managerLabel,
                                 String currency, String language) {
        CustomerAccount account;
        try {
            account = new CustomerAccount(name, segment, managerId, currency, language == null ? "en" : language, clock.now());
        } catch (IllegalArgumentException e) {
            throw new Invalid(null, e.getMessage());
        }
        em.persist(account);
        em.flush(); // references are plain ids, so EclipseLink cannot order inserts by them: write the root first
        audit.append(AuditEvent.of(caller, "ACCOUNT_CREATED", null, account.getId(), "Account " + account.getId() + " '"
                + account.getName() + "' opened: " + account.getSegment() + ", " + account.getCurrency() + ", language "
                + account.getLanguage() + ", manager " + managerLabel));
        return account;
    }

    public Optional<CustomerAccount> find(Caller caller, long id) {
        return Optional.ofNullable(em.find(CustomerAccount.class, id)).filter(a -> caller.canSeeAccount(a.getId()));
    }

    public CustomerAccount get(Caller caller, long id) {
        return find(caller, id).orElseThrow(() -> new NotFound("Account", id));
    }

    /** The account with its manager's user name and its tier (null for a client). */
    public AccountOverview overview(@NotNull Caller caller, long id) {
        CustomerAccount account = get(caller, id);
        return overviewsOf(caller, List.of(account)).get(0);
    }

    public Page<CustomerAccount> search(Caller caller, String name, @Min(0) int page, @Min(1) @Max(200) int size) {
        if (caller.isClient()) {
            CustomerAccount own = em.find(CustomerAccount.class, caller.accountId());
            return new Page<>(own == null ? List.of() : List.of(own), own == null ? 0 : 1, 0, size);
        }
        String pattern = "%" + (name == null ? "" : name.strip().toLowerCase(Locale.ROOT).replace("%", "").replace("_", "")) + "%";
        List<CustomerAccount> items = em.createNamedQuery(CustomerAccount.SEARCH, CustomerAccount.class)
                .setParameter("name", pattern).setFirstResult(page * size).setMaxResults(size).getResultList();
        long total = em.createNamedQuery(CustomerAccount.COUNT_SEARCH, Long.class).setParameter("name", pattern).getSingleResult();
        return new Page<>(items, total, page, size);
    }

    /** A page of accounts whose name contains {@code name} (any case), ordered by name; a client gets their own only. */
    public Page<AccountOverview> overviews(@NotNull Caller caller, String name, @Min(0) int page, @Min(1) @Max(200) int size) {
        Page<CustomerAccount> found = search(caller, name, page, size);
        return new Page<>(overviewsOf(caller, found.items()), found.total(), found.page(), found.size());
    }

    private List<AccountOverview> overviewsOf(Caller caller, List<CustomerAccount> accounts) {
        Set<Long> managerIds = new HashSet<>();
        accounts.stream().map(CustomerAccount::getManagerId).filter(java.util.Objects::nonNull).forEach(managerIds::add);
        Map<Long, String> usernames = usernamesOf(managerIds);
        TierLadder ladder = caller.isClient() ? null : ladder();
        return accounts.stream().map(a -> new AccountOverview(a, usernames.get(a.getManagerId()),
                ladder == null ? null : ladder.tierOf(a.getLtvMinor()))).toList();
    }

    private Map<Long, String> usernamesOf(Collection<Long> userIds) {
        Map<Long, String> usernames = new HashMap<>();
        if (!userIds.isEmpty()) {
            em.createQuery("SELECT u.id, u.username FROM AppUser u WHERE u.id IN :ids", Object[].class)
                    .setParameter("ids", List.copyOf(userIds)).getResultList()
                    .forEach(row -> usernames.put((Long) row[0], (String) row[1]));
        }
        return usernames;
    }

    /** Changes an account's own fields, if nobody else changed it since the version the change is based on. */
    public AccountOverview update(@NotNull Caller caller, long id, @NotNull @Valid AccountChange change) {
        CustomerAccount account = get(caller, id);
        if (change.currency() != null && !change.currency().equals(account.getCurrency())) {
            throw new Invalid("currency", "The currency of an account never changes (its lifetime values are in "
                    + account.getCurrency() + "); open a new account instead");
        }
        AppUser manager = change.manager() == null || change.manager().isBlank() ? null : accountManager(change.manager());
        change(caller, account, change.version(), change.name(), change.segment(), manager == null ? null : manager.getId(),
                change.language() == null ? account.getLanguage() : change.language());
        return new AccountOverview(account, manager == null ? null : manager.getUsername(), ladder().tierOf(account.getLtvMinor()));
    }

    public CustomerAccount update(Caller caller, long id, long expectedVersion, @NotNull String name, @NotNull Segment segment,
                                  Long managerId, @NotNull String language) {
        CustomerAccount account = get(caller, id);
        change(caller, account, expectedVersion, name, segment, managerId, language);
        return account;
    }

    private void change(Caller caller, CustomerAccount account, long expectedVersion, String name, Segment segment,
                        Long managerId, String language) {
        checkVersion(account.getVersion(), expectedVersion, "account");
        String before = describe(account);
        try {
            account.update(name, segment, managerId, language);
        } catch (IllegalArgumentException e) {
            throw new Invalid(null, e.getMessage());
        }
        em.flush(); // the version moves now, so the answer shows the version the next change must send
        audit.append(AuditEvent.of(caller, "ACCOUNT_UPDATED", null, account.getId(), "Account " + account.getId() + " changed from ["
                + before + "] to [" + describe(account) + "]"));
    }

    private static String describe(CustomerAccount account) {
        return "name '" + account.getName() + "', " + account.getSegment() + ", manager "
                + (account.getManagerId() == null ? "none" : "user " + account.getManagerId()) + ", language " + account.getLanguage();
    }

    static void checkVersion(long actual, long expected, String what) {
        if (expected >= 0 && actual != expected) {
            throw new StaleVersion(what, actual, expected);
        }
    }

    private AppUser defaultManager(Caller caller) {
        return caller.has(Role.ACCOUNT_MANAGER) ? users.findByUsername(caller.username()).orElse(null) : null;
    }

    private AppUser accountManager(String username) {
        return users.findByUsername(username.strip())
                .filter(u -> u.hasRole(Role.ACCOUNT_MANAGER) && u.isEnabled())
                .orElseThrow(() -> new Invalid("manager", username.strip() + " is not an account manager"));
    }

    // --- lifetime value -------------------------------------------------------------------------------------------

    /**
     * Records a lifetime value from outside (the CRM by API, or a person), in minor units or as a decimal in the
     * account's currency; the current value follows the newest effective one.
     */
    public LtvChange setLifetimeValue(@NotNull Caller caller, long accountId, @NotNull @Valid LtvEntry entry) {
        refuseClients(caller);
        CustomerAccount account = get(caller, accountId);
        LtvSource source = entry.source() == null ? LtvSource.CRM_API : entry.source();
        if (source != LtvSource.CRM_API && source != LtvSource.MANUAL) {
            throw new Invalid("source", "The source of a lifetime value set by API is CRM_API or MANUAL; "
                    + "CSV files go to POST /api/v1/accounts/ltv/import");
        }
        long minor;
        if ((entry.amountMinor() == null) == (entry.amount() == null || entry.amount().isBlank())) {
            throw new Invalid("amountMinor", "Send the lifetime value once: either amountMinor (in minor units) or amount "
                    + "(a decimal string in " + account.getCurrency() + ")");
        } else if (entry.amountMinor() != null) {
            minor = entry.amountMinor();
        } else {
            try {
                minor = Money.parse(account.getCurrency(), entry.amount()).amountMinor();
            } catch (IllegalArgumentException e) {
                throw new Invalid("amount", e.getMessage());
            }
        }
        return record(caller, account, minor, source, entry.effectiveAt());
    }

    /** Sets the lifetime value as of a moment, for seeding and systems; the current value follows the newest. */
    public LtvChange setLifetimeValue(long accountId, @Min(0) long ltvMinor, @NotNull LtvSource source, Instant effectiveAt,
                                      @NotNull String recordedBy) {
        CustomerAccount account = Optional.ofNullable(em.find(CustomerAccount.class, accountId))
                .orElseThrow(() -> new NotFound("Account", accountId));
        return record(Caller.system(recordedBy), account, ltvMinor, source, effectiveAt);
    }

    private LtvChange record(Caller caller, CustomerAccount account, long ltvMinor, LtvSource source, Instant effectiveAt) {
        Instant now = clock.now();
        Instant effective = effectiveAt == null ? now : effectiveAt.truncatedTo(java.time.temporal.ChronoUnit.MICROS);
        if (effective.isAfter(now.plus(LtvCsv.CLOCK_TOLERANCE))) {
            throw new Invalid("effectiveAt", "A lifetime value cannot take effect in the future");
        }
        if (ltvMinor < 0) {
            throw new Invalid("amountMinor", "A lifetime value is never negative");
        }
        LtvChange change = write(account, ltvMinor, source, effective, now, caller.username());
        em.flush(); // the trail reads the LTV in force with SQL
        audit.append(AuditEvent.of(caller, "LTV_SET", null, account.getId(), "Lifetime value of account " + account.getId()
                + " set to " + Money.of(account.getCurrency(), ltvMinor).format() + " effective " + effective + " (source "
                + source + ")" + (account.getLtvMinor() == ltvMinor && account.getLtvUpdatedAt().equals(effective)
                ? "" : "; the current value stays as it is, being newer")));
        return change;
    }

    private LtvChange write(CustomerAccount account, long ltvMinor, LtvSource source, Instant effective, Instant now,
                            String recordedBy) {
        LtvChange change = new LtvChange(account.getId(), ltvMinor, account.getCurrency(), source, effective, now, recordedBy);
        em.persist(change);
        if (!effective.isBefore(account.getLtvUpdatedAt())) {
            account.lifetimeValueIs(ltvMinor, effective);
        }
        return change;
    }

    /** The lifetime value in force at a moment: the newest change that had taken effect by then, or zero. */
    public long lifetimeValueAt(long accountId, Instant at) {
        return changeInForce(accountId, at).map(LtvChange::getLtvMinor).orElse(0L);
    }

    /** The lifetime value of an account at a moment (now if null), with its source and its tier; never for a client. */
    public LtvInForce lifetimeValueInForce(@NotNull Caller caller, long accountId, Instant at) {
        refuseClients(caller);
        CustomerAccount account = get(caller, accountId);
        Instant moment = at == null ? clock.now() : at;
        LtvChange change = changeInForce(accountId, moment).orElse(null);
        long minor = change == null ? 0 : change.getLtvMinor();
        return new LtvInForce(accountId, moment, account.getCurrency(), minor, ladder().tierOf(minor), change);
    }

    private Optional<LtvChange> changeInForce(long accountId, Instant at) {
        return em.createNamedQuery(LtvChange.AT, LtvChange.class).setParameter("account", accountId).setParameter("at", at)
                .setMaxResults(1).getResultStream().findFirst();
    }

    /** Every lifetime value the account had, in the order they took effect; never for a client. */
    public List<LtvChange> lifetimeValueHistory(Caller caller, long accountId) {
        refuseClients(caller);
        get(caller, accountId);
        return em.createNamedQuery(LtvChange.HISTORY, LtvChange.class).setParameter("account", accountId).getResultList();
    }

    private static void refuseClients(Caller caller) {
        if (caller.isClient()) {
            throw new Forbidden("Lifetime values are for staff only");
        }
    }

    /**
     * Imports lifetime values from a CSV file (see {@link LtvCsv} for its form), all or nothing: any bad row refuses
     * the whole file with every problem listed, and nothing is written.
     *
     * @throws io.amends.accounts.entity.ImportRefused listing the rows and what is wrong with them
     * @throws ImportTooLarge                          above {@link #IMPORT_MAX_ROWS} rows or {@link #IMPORT_MAX_BYTES}
     */
    public ImportSummary importLifetimeValues(@NotNull Caller caller, @NotNull String csv) {
        refuseClients(caller);
        if (csv.length() > IMPORT_MAX_BYTES) {
            throw new ImportTooLarge("The file is larger than " + IMPORT_MAX_BYTES / (1024 * 1024) + " MB; split it");
        }
        Instant now = clock.now();
        LtvCsv.Sheet sheet = LtvCsv.parse(csv);
        Map<Long, CustomerAccount> byId = new HashMap<>();
        for (List<Long> chunk : chunks(List.copyOf(sheet.accountIds()))) {
            em.createNamedQuery(CustomerAccount.BY_IDS, CustomerAccount.class).setParameter("ids", chunk).getResultList()
                    .forEach(a -> byId.put(a.getId(), a));
        }
        Map<String, List<CustomerAccount>> byName = new HashMap<>();
        for (List<String> chunk : chunks(List.copyOf(sheet.accountNames()))) {
            em.createNamedQuery(CustomerAccount.BY_NAMES, CustomerAccount.class).setParameter("names", chunk).getResultList()
                    .forEach(a -> byName.computeIfAbsent(a.getName().toLowerCase(Locale.ROOT), k -> new ArrayList<>()).add(a));
        }
        List<LtvCsv.Entry> entries = LtvCsv.resolve(sheet, new LtvCsv.Directory() {
            @Override
            public Optional<LtvCsv.Target> byId(long accountId) {
                return Optional.ofNullable(byId.get(accountId)).map(Accounts::target);
            }

            @Override
            public List<LtvCsv.Target> byName(String name) {
                return byName.getOrDefault(name.toLowerCase(Locale.ROOT), List.of()).stream().map(Accounts::target).toList();
            }
        }, now);
        Set<Long> accounts = new HashSet<>();
        Set<Long> current = new HashSet<>();
        for (LtvCsv.Entry entry : entries) {
            CustomerAccount account = Optional.ofNullable(byId.get(entry.accountId()))
                    .orElseGet(() -> em.find(CustomerAccount.class, entry.accountId()));
            write(account, entry.ltvMinor(), LtvSource.CSV_IMPORT, entry.effectiveAt(), now, caller.username());
            accounts.add(account.getId());
            if (account.getLtvUpdatedAt().equals(entry.effectiveAt()) && account.getLtvMinor() == entry.ltvMinor()) {
                current.add(account.getId());
            }
        }
        em.flush();
        String digest = sha256(csv);
        audit.append(AuditEvent.of(caller, "LTV_IMPORTED", null, null, "Imported " + entries.size() + " lifetime values for "
                + accounts.size() + " accounts from a CSV file (sha-256 " + digest + "); the current value of "
                + current.size() + " changed. Each value is in the account's LTV history with source CSV_IMPORT."));
        return new ImportSummary(entries.size(), accounts.size(), current.size(), now, digest);
    }

    private static LtvCsv.Target target(CustomerAccount account) {
        return new LtvCsv.Target(account.getId(), account.getName(), account.getCurrency());
    }

    private static <T> List<List<T>> chunks(List<T> all) {
        List<List<T>> chunks = new ArrayList<>();
        for (int from = 0; from < all.size(); from += IN_LIST_CHUNK) {
            chunks.add(all.subList(from, Math.min(all.size(), from + IN_LIST_CHUNK)));
        }
        return chunks;
    }

    static String sha256(String text) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("Every Java has SHA-256", e);
        }
    }

    // --- tiers ----------------------------------------------------------------------------------------------------

    /** The tier a lifetime value earns under the thresholds in force. */
    public Tier tierOf(long ltvMinor) {
        return ladder().tierOf(ltvMinor);
    }

    /** The thresholds in force. */
    public TierLadder ladder() {
        Map<Tier, Long> minimums = new EnumMap<>(Tier.class);
        for (TierThreshold threshold : em.createNamedQuery(TierThreshold.ALL, TierThreshold.class).getResultList()) {
            minimums.put(threshold.getTier(), threshold.getMinLtvMinor());
        }
        return TierLadder.of(minimums);
    }

    /** Replaces the thresholds (administrators): each tier once, strictly falling, BRONZE from 0. Re-tiers every account. */
    public TierLadder changeTiers(@NotNull Caller caller, @NotNull @Valid TierThresholds thresholds) {
        if (!caller.has(Role.ADMIN)) {
            throw new Forbidden("Only an administrator sets the tier thresholds");
        }
        Map<Tier, Long> minimums = new EnumMap<>(Tier.class);
        for (TierThresholds.Threshold threshold : thresholds.thresholds()) {
            if (minimums.put(threshold.tier(), threshold.minLtvMinor()) != null) {
                throw new Invalid("thresholds", threshold.tier() + " appears twice; give each tier once");
            }
        }
        TierLadder ladder;
        try {
            ladder = TierLadder.of(minimums);
        } catch (IllegalArgumentException e) {
            throw new Invalid("thresholds", e.getMessage());
        }
        List<TierThreshold> stored = em.createNamedQuery(TierThreshold.ALL, TierThreshold.class).getResultList();
        Map<Tier, Long> previous = new EnumMap<>(Tier.class);
        for (TierThreshold threshold : stored) {
            em.refresh(threshold); // the row as it is now: another node may have changed it within the minute this node remembers it
            previous.put(threshold.getTier(), threshold.getMinLtvMinor());
        }
        TierLadder before = TierLadder.of(previous);
        for (TierThreshold threshold : stored) {
            threshold.setMinLtvMinor(ladder.minimumOf(threshold.getTier()));
        }
        em.flush();
        audit.append(AuditEvent.of(caller, "TIERS_CHANGED", null, null, "Tier thresholds (minor units) changed from ["
                + before + "] to [" + ladder + "]"));
        return ladder;
    }

    // --- contacts -------------------------------------------------------------------------------------------------

    /** Adds a contact person to the account. */
    public Contact addContact(@NotNull Caller caller, long accountId, @NotNull @Valid ContactDetails details) {
        return addContact(caller, accountId, details.name(), blankToNull(details.roleTitle()), blankToNull(details.email()),
                blankToNull(details.phone()), blankToNull(details.street()), blankToNull(details.postalCode()),
                blankToNull(details.city()), blankToNull(details.country()));
    }

    public Contact addContact(Caller caller, long accountId, @NotNull String name, String roleTitle, String email, String phone,
                              String street, String postalCode, String city, String country) {
        get(caller, accountId);
        Contact contact;
        try {
            contact = new Contact(accountId, name, roleTitle, email, phone, clock.now());
            contact.livesAt(street, postalCode, city, country);
        } catch (IllegalArgumentException e) {
            throw new Invalid(null, e.getMessage());
        }
        em.persist(contact);
        em.flush();
        audit.append(AuditEvent.of(caller, "CONTACT_ADDED", null, accountId, "Contact " + contact.getId() + " added to account "
                + accountId + ": " + describe(contact)));
        return contact;
    }

    /** Changes a contact of the account, if nobody else changed it since the version the change is based on. */
    public Contact updateContact(@NotNull Caller caller, long accountId, long contactId, @NotNull @Valid ContactDetails details) {
        get(caller, accountId);
        Contact contact = contact(contactId).filter(c -> c.getAccountId() == accountId)
                .orElseThrow(() -> new NotFound("Contact", contactId));
        if (details.version() == null) {
            throw new Invalid("version", "Send the version of the contact your change is based on");
        }
        checkVersion(contact.getVersion(), details.version(), "contact");
        String before = describe(contact);
        try {
            contact.update(details.name(), blankToNull(details.roleTitle()), blankToNull(details.email()),
                    blankToNull(details.phone()));
            contact.livesAt(blankToNull(details.street()), blankToNull(details.postalCode()), blankToNull(details.city()),
                    blankToNull(details.country()));
        } catch (IllegalArgumentException e) {
            throw new Invalid(null, e.getMessage());
        }
        em.flush();
        audit.append(AuditEvent.of(caller, "CONTACT_CHANGED", null, accountId, "Contact " + contactId + " of account " + accountId
                + " changed from [" + before + "] to [" + describe(contact) + "]"));
        return contact;
    }

    private static String describe(Contact contact) {
        return contact.getName() + (contact.getRoleTitle() == null ? "" : ", " + contact.getRoleTitle())
                + (contact.getEmail() == null ? "" : ", " + contact.getEmail())
                + (contact.getPhone() == null ? "" : ", " + contact.getPhone())
                + (contact.hasPostalAddress() ? ", " + contact.getStreet() + ", " + (contact.getPostalCode() == null ? ""
                : contact.getPostalCode() + " ") + contact.getCity() + ", " + contact.getCountry() : ", no postal address");
    }

    private static String blankToNull(String text) {
        return text == null || text.isBlank() ? null : text.strip();
    }

    public List<Contact> contacts(Caller caller, long accountId) {
        get(caller, accountId);
        return em.createNamedQuery(Contact.BY_ACCOUNT, Contact.class).setParameter("account", accountId).getResultList();
    }

    public Optional<Contact> contact(long contactId) {
        return Optional.ofNullable(em.find(Contact.class, contactId));
    }
}
