package io.amends.bench.data;

import io.amends.accounts.entity.Tier;
import io.amends.accounts.entity.TierLadder;
import io.amends.cases.entity.Severity;
import io.amends.compensation.control.PolicySettings;
import io.amends.compensation.entity.Money;
import io.amends.compensation.entity.PolicyConfiguration;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.text.Normalizer;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;

/**
 * What the cases happen to: the reference data the application keeps (SLA policy, tiers, root causes, catalog, the
 * compensation policy), the staff, and the customer accounts with their contacts and lifetime-value history. Read
 * from the database and generated once, before the first case; kept in arrays for the simulation.
 */
final class World {

    static final long SECOND = 1_000_000L;
    static final long MINUTE = 60 * SECOND;
    static final long HOUR = 60 * MINUTE;
    static final long DAY = 24 * HOUR;
    static final String ESCALATION_GROUP = "sla-escalations@amends.example";

    /** A root cause of the taxonomy. */
    record Cause(long id, String code) {
    }

    /** An active catalog item and where it can be delivered. */
    record Item(long id, String kind, String name, String vendor, String sku, long priceMinor, String currency, Set<String> countries) {
    }

    /** A person who works in Amends: id, user name, display name, and who their deadlines escalate to. */
    record Staff(long id, String username, String displayName, String escalatesTo) {
    }

    // reference data
    final TierLadder ladder;
    final Map<String, int[]> slaMinutes = new HashMap<>();
    final List<Cause> causes = new ArrayList<>();
    final List<Item> catalog = new ArrayList<>();
    final PolicyConfiguration policy;
    final boolean policyStored;
    private final Map<String, PolicySettings> settings = new HashMap<>();

    // staff
    final List<Staff> managers = new ArrayList<>();
    final List<Staff> finance = new ArrayList<>();

    // accounts, by index 0..A-1
    long[] accountId;
    String[] accountName;
    String[] currency;
    String[] language;
    Words.Country[] country;
    int[] manager;
    long[][] ltvAt;
    long[][] ltvValue;
    int[] firstContact;
    int[] contactCount;

    // contacts, by index; an account's are firstContact[a] .. firstContact[a] + contactCount[a] - 1
    long[] contactId;
    String[] contactName;
    String[] contactEmail;
    String[] street;
    String[] postalCode;
    String[] city;

    World(Connection c, Instant now) throws SQLException {
        Map<Tier, Long> minimums = new EnumMap<>(Tier.class);
        query(c, "SELECT tier, min_ltv_minor FROM ltv_tier", rs -> minimums.put(Tier.valueOf(rs.getString(1).trim()), rs.getLong(2)));
        ladder = TierLadder.of(minimums);
        query(c, "SELECT severity, tier, first_contact_minutes, resolution_minutes FROM sla_policy",
                rs -> slaMinutes.put(rs.getString(1).trim() + "/" + rs.getString(2).trim(), new int[] {rs.getInt(3), rs.getInt(4)}));
        query(c, "SELECT id, code FROM root_cause WHERE active = TRUE ORDER BY id", rs -> causes.add(new Cause(rs.getLong(1), rs.getString(2))));
        Map<Long, Set<String>> countries = new HashMap<>();
        query(c, "SELECT item_id, country FROM catalog_item_country ORDER BY item_id, country",
                rs -> countries.computeIfAbsent(rs.getLong(1), k -> new HashSet<>()).add(rs.getString(2).trim()));
        query(c, "SELECT id, kind, name, vendor, sku, price_minor, currency FROM catalog_item WHERE active = TRUE ORDER BY id",
                rs -> catalog.add(new Item(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4), rs.getString(5), rs.getLong(6),
                        rs.getString(7).trim(), countries.getOrDefault(rs.getLong(1), Set.of()))));
        PolicySettings stored = null;
        try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery("SELECT case_cap_bp, rolling_cap_bp, floor_minor, "
                + "auto_approval_limit_minor, finance_limit_minor, absolute_ceiling_minor, severity_low_bp, severity_medium_bp, "
                + "severity_high_bp, severity_critical_bp, recurrence_step_bp, recurrence_max_bp FROM policy_settings WHERE id = 1")) {
            if (rs.next()) {
                Map<Severity, Integer> severity = new EnumMap<>(Severity.class);
                severity.put(Severity.LOW, rs.getInt(7));
                severity.put(Severity.MEDIUM, rs.getInt(8));
                severity.put(Severity.HIGH, rs.getInt(9));
                severity.put(Severity.CRITICAL, rs.getInt(10));
                stored = new PolicySettings(rs.getInt(1), rs.getInt(2), Money.of("EUR", rs.getLong(3)), Money.of("EUR", rs.getLong(4)),
                        Money.of("EUR", rs.getLong(5)), Money.of("EUR", rs.getLong(6)), severity, rs.getInt(11), rs.getInt(12));
            }
        }
        policyStored = stored != null;
        // Proposals.settings(): the stored row, or the defaults, which the application stores on first use
        policy = PolicyConfiguration.from(stored == null ? PolicySettings.defaults() : stored, "defaults", now);
    }

    PolicySettings settingsIn(String currencyCode) {
        return settings.computeIfAbsent(currencyCode, policy::settingsIn);
    }

    /** Minutes to first contact and to resolution for a severity and tier; the application's defaults where none is set. */
    int[] sla(Severity severity, Tier tier) {
        return slaMinutes.getOrDefault(severity + "/" + tier, new int[] {24 * 60, 7 * 24 * 60});
    }

    /** The lifetime value in force at {@code micros}: the newest change that had taken effect, or zero. */
    long ltvAt(int account, long micros) {
        long[] times = ltvAt[account];
        int i = Arrays.binarySearch(times, micros);
        if (i < 0) {
            i = -i - 2;
        }
        return i < 0 ? 0 : ltvValue[account][i];
    }

    Tier tierAt(int account, long micros) {
        return ladder.tierOf(ltvAt(account, micros));
    }

    boolean hasAddress(int contact) {
        return street[contact] != null;
    }

    // ---------------------------------------------------------------- staff

    /**
     * The account managers (alice, bob, then am0000, am0001, ... up to {@code count}) and finance (carol, dave, fin00 to
     * fin07). Generated users carry alice's password hash and report to alice's manager; their rows go to {@code out}.
     */
    void staff(Connection c, int count, Ids ids, SplittableRandom random, Instant now, Batch out) throws SQLException {
        Map<String, long[]> existing = new LinkedHashMap<>(); // username -> {id, manager id or -1}
        Map<Long, String> names = new HashMap<>();
        Map<String, String> display = new HashMap<>();
        String[] aliceHash = new String[1];
        query(c, "SELECT id, username, manager_id, display_name, password_hash FROM app_user", rs -> {
            long managerId = rs.getLong(3);
            existing.put(rs.getString(2), new long[] {rs.getLong(1), rs.wasNull() ? -1 : managerId});
            names.put(rs.getLong(1), rs.getString(2));
            display.put(rs.getString(2), rs.getString(4));
            if ("alice".equals(rs.getString(2))) {
                aliceHash[0] = rs.getString(5);
            }
        });
        if (aliceHash[0] == null) {
            throw new IllegalStateException("There is no user alice to copy the password hash from: start Amends once in demo mode "
                    + "on this database (it seeds alice, bob, carol, ...), stop it, then generate");
        }
        long aliceManager = existing.get("alice")[1];
        String lead = aliceManager < 0 ? null : names.get(aliceManager);
        List<String> managerNames = new ArrayList<>();
        for (String demo : List.of("alice", "bob")) {
            if (existing.containsKey(demo)) {
                managerNames.add(demo);
            }
        }
        for (int i = 0; managerNames.size() < count; i++) {
            managerNames.add(String.format(Locale.ROOT, "am%04d", i));
        }
        List<String> financeNames = new ArrayList<>();
        for (String demo : List.of("carol", "dave")) {
            if (existing.containsKey(demo)) {
                financeNames.add(demo);
            }
        }
        for (int i = 0; i < 8; i++) {
            financeNames.add(String.format(Locale.ROOT, "fin%02d", i));
        }
        Instant created = now.minusSeconds(3L * 365 * 24 * 3600);
        for (String username : managerNames) {
            managers.add(person(username, "ACCOUNT_MANAGER", aliceManager, lead, existing, names, display, aliceHash[0], ids, random,
                    created, out));
        }
        for (String username : financeNames) {
            finance.add(person(username, "FINANCE", -1, null, existing, names, display, aliceHash[0], ids, random, created, out));
        }
    }

    private static Staff person(String username, String role, long managerId, String managerName, Map<String, long[]> existing,
                                Map<Long, String> names, Map<String, String> display, String hash, Ids ids, SplittableRandom random,
                                Instant created, Batch out) {
        long[] known = existing.get(username);
        if (known != null) {
            String escalates = known[1] < 0 ? ESCALATION_GROUP : names.getOrDefault(known[1], ESCALATION_GROUP);
            return new Staff(known[0], username, display.get(username), escalates);
        }
        long id = ids.next(Table.APP_USER);
        String name = Words.pick(random, Words.FIRST) + " " + Words.pick(random, Words.LAST);
        out.add(Table.APP_USER, id, username, name, username + "@amends.example", hash, null, managerId < 0 ? null : managerId, true, 0,
                null, created, 0L);
        out.add(Table.USER_ROLE, id, role);
        return new Staff(id, username, name, managerName == null ? ESCALATION_GROUP : managerName);
    }

    // ---------------------------------------------------------------- accounts, contacts, lifetime values

    /**
     * {@code count} accounts, managed round-robin by the account managers, created two to three years before now; each
     * with one to three contacts (90 % with a postal address) and, for 95 %, one to four lifetime values from the CRM,
     * log-normal around a median of 30,000 in the account's currency.
     */
    void accounts(int count, Ids ids, SplittableRandom random, long now, Batch out) {
        accountId = new long[count];
        accountName = new String[count];
        currency = new String[count];
        language = new String[count];
        country = new Words.Country[count];
        manager = new int[count];
        ltvAt = new long[count][];
        ltvValue = new long[count][];
        firstContact = new int[count];
        contactCount = new int[count];
        int contacts = 0;
        int capacity = count * 3;
        contactId = new long[capacity];
        contactName = new String[capacity];
        contactEmail = new String[capacity];
        street = new String[capacity];
        postalCode = new String[capacity];
        city = new String[capacity];
        for (int a = 0; a < count; a++) {
            Words.Country land = country(random);
            boolean business = random.nextDouble() < 0.75;
            String person = Words.pick(random, Words.FIRST) + " " + Words.pick(random, Words.LAST);
            String stem = Words.pick(random, Words.COMPANY);
            String name = business ? stem + " " + Words.pick(random, Words.TRADE) + " " + Words.pick(random, land.suffixes()) : person;
            String domain = business ? ascii(stem + "-" + name.split(" ")[1]) + "." + land.code().toLowerCase(Locale.ROOT) : "mail.example";
            long created = now - 730 * DAY - DAY - (long) (random.nextDouble() * 365 * DAY);
            accountId[a] = ids.next(Table.CUSTOMER_ACCOUNT);
            accountName[a] = name;
            currency[a] = land.currency();
            language[a] = land.language();
            country[a] = land;
            manager[a] = a % managers.size();
            lifetimeValues(a, created, now, ids, random, out);
            long last = ltvAt[a].length == 0 ? 0 : ltvValue[a][ltvAt[a].length - 1];
            Instant updated = ltvAt[a].length == 0 ? Instant.EPOCH : micros(ltvAt[a][ltvAt[a].length - 1]);
            out.add(Table.CUSTOMER_ACCOUNT, accountId[a], name, business ? "B2B" : "B2C", managers.get(manager[a]).id(), land.currency(),
                    land.language(), last, updated, micros(created), 0L);
            int n = business ? 1 + random.nextInt(3) : 1;
            firstContact[a] = contacts;
            contactCount[a] = n;
            String[] place = Words.pick(random, land.cities());
            String companyStreet = Words.pick(random, land.streets()) + " " + (1 + random.nextInt(120));
            for (int k = 0; k < n; k++, contacts++) {
                String contact = business ? Words.pick(random, Words.FIRST) + " " + Words.pick(random, Words.LAST) : person;
                contactId[contacts] = ids.next(Table.CONTACT);
                contactName[contacts] = contact;
                contactEmail[contacts] = random.nextDouble() < 0.97 ? ascii(contact.replace(' ', '.')) + "@" + domain : null;
                if (random.nextDouble() < 0.9) {
                    street[contacts] = business ? companyStreet : Words.pick(random, land.streets()) + " " + (1 + random.nextInt(120));
                    postalCode[contacts] = place[1];
                    city[contacts] = place[0];
                }
                String phone = land.phonePrefix() + (1_000_000 + random.nextInt(9_000_000));
                out.add(Table.CONTACT, contactId[contacts], accountId[a], contact,
                        business ? Words.pick(random, Words.ROLE_TITLES) : null, contactEmail[contacts], phone, street[contacts],
                        postalCode[contacts], city[contacts], street[contacts] == null ? null : land.code(),
                        micros(created + HOUR + k * MINUTE), 0L);
            }
        }
    }

    private void lifetimeValues(int a, long created, long now, Ids ids, SplittableRandom random, Batch out) {
        if (random.nextDouble() < 0.05) {
            ltvAt[a] = new long[0];
            ltvValue[a] = new long[0];
            return;
        }
        int n = 1 + random.nextInt(4);
        long[] at = new long[n];
        long[] value = new long[n];
        at[0] = created + (long) (random.nextDouble() * 20 * DAY);
        for (int k = 1; k < n; k++) {
            at[k] = at[0] + (long) (random.nextDouble() * (now - at[0] - HOUR));
        }
        Arrays.sort(at);
        long base = Math.round(3_000_000 * Math.exp(1.4 * random.nextGaussian()));
        for (int k = 0; k < n; k++) {
            base = Math.max(0, Math.round(base * Math.exp(0.25 * random.nextGaussian())));
            value[k] = base / 100 * 100;
            boolean csv = random.nextDouble() < 0.2;
            long recorded = Math.min(now, at[k] + (long) (random.nextDouble() * 10 * MINUTE));
            out.add(Table.LTV_CHANGE, ids.next(Table.LTV_CHANGE), accountId[a], value[k], currency[a], csv ? "CSV_IMPORT" : "CRM_API",
                    micros(at[k]), micros(recorded), csv ? "carol" : "crm-sync");
        }
        ltvAt[a] = at;
        ltvValue[a] = value;
    }

    private static Words.Country country(SplittableRandom random) {
        double u = random.nextDouble();
        for (Words.Country c : Words.COUNTRIES) {
            u -= c.weight();
            if (u < 0) {
                return c;
            }
        }
        return Words.COUNTRIES.get(0);
    }

    static String ascii(String text) {
        return Normalizer.normalize(text, Normalizer.Form.NFD).replaceAll("[^A-Za-z0-9.-]", "").toLowerCase(Locale.ROOT);
    }

    static Instant micros(long micros) {
        return Instant.ofEpochSecond(Math.floorDiv(micros, SECOND), Math.floorMod(micros, SECOND) * 1000);
    }

    static long micros(Instant instant) {
        return instant.getEpochSecond() * SECOND + instant.getNano() / 1000;
    }

    interface RowReader {
        void read(ResultSet rs) throws SQLException;
    }

    static void query(Connection c, String sql, RowReader reader) throws SQLException {
        try (PreparedStatement s = c.prepareStatement(sql); ResultSet rs = s.executeQuery()) {
            while (rs.next()) {
                reader.read(rs);
            }
        }
    }
}
