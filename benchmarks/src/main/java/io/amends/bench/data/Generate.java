package io.amends.bench.data;

import static io.amends.bench.data.World.DAY;

import io.amends.audit.control.AuditRecord;
import io.amends.audit.control.StoredEntry;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.BitSet;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;

/**
 * Fills a migrated Amends database with a realistic history: staff, customer accounts with contacts and lifetime
 * values, and cases opened over the two years before {@code --now}, each walked through its lifecycle (contact,
 * apology, commitments, compensation decided by the real policy, gift orders and discount codes, resolution, closing,
 * SLA breaches) as far as {@code --now}, with the timeline and the hash-chained audit trail the application would
 * have written. docs/performance.md ("The data generator") describes what it writes and how fast.
 *
 * <pre>
 * java -Xmx6g -cp benchmarks.jar io.amends.bench.data.Generate --url JDBC_URL --user amends --password amends \
 *      --accounts 100000 --cases 1000000 --seed 42 [--now 2026-11-25T03:00:00Z] [--timeline compact|milestones|full] \
 *      [--fixtures FILE]
 * </pre>
 *
 * <p>The schema comes from the application: start Amends once on the empty database (Flyway, demo users), stop it,
 * then generate. The generator refuses a database without an SLA policy (not migrated) or with more than 1,000
 * cases. The same seed and {@code --now} on the same starting database give the same rows and the same audit head.
 */
public final class Generate {

    private static final int FIXTURE_MANAGERS = 16;
    private static final int FIXTURE_CASES = 50_000;

    private String url;
    private String user = "amends";
    private String password = "amends";
    private int accounts = 100_000;
    private int cases = 1_000_000;
    private long seed = 42;
    private Instant now = Instant.now().truncatedTo(ChronoUnit.SECONDS);
    private Path fixtures;
    private Stories.Timeline timeline = Stories.Timeline.COMPACT;

    private final long started = System.nanoTime();
    private long totalRows;

    public static void main(String[] args) throws Exception {
        Generate generate = new Generate();
        generate.parse(args);
        generate.run();
    }

    private void parse(String[] args) {
        for (int i = 0; i < args.length; i++) {
            String value = i + 1 < args.length ? args[i + 1] : null;
            switch (args[i]) {
                case "--url" -> url = value;
                case "--user" -> user = value;
                case "--password" -> password = value;
                case "--accounts" -> accounts = Integer.parseInt(value);
                case "--cases" -> cases = Integer.parseInt(value);
                case "--seed" -> seed = Long.parseLong(value);
                case "--now" -> now = Instant.parse(value);
                case "--fixtures" -> fixtures = Path.of(value);
                case "--timeline" -> timeline = Stories.Timeline.valueOf(value.toUpperCase(Locale.ROOT));
                default -> throw new IllegalArgumentException("Unknown option " + args[i] + "; options: --url --user --password --accounts "
                        + "--cases --seed --now --timeline compact|milestones|full --fixtures");
            }
            i++;
        }
        if (url == null) {
            throw new IllegalArgumentException("--url JDBC_URL is required");
        }
        if (accounts < 1 || cases < 0) {
            throw new IllegalArgumentException("--accounts must be at least 1 and --cases at least 0");
        }
    }

    private void run() throws Exception {
        try (Connection c = DriverManager.getConnection(url, user, password)) {
            boolean postgres = c.getMetaData().getDatabaseProductName().toLowerCase(Locale.ROOT).contains("postgres");
            refuseUnlessReady(c);
            System.out.printf(Locale.ROOT, "Generating %,d accounts and %,d cases (seed %d, now %s, timeline %s) into %s%n", accounts, cases,
                    seed, now, timeline.name().toLowerCase(Locale.ROOT), c.getMetaData().getDatabaseProductName());
            long t0 = System.nanoTime();
            Chain chain = sealPending(c);
            World world = new World(c, now);
            Ids ids = new Ids(c, postgres);
            if (!world.policyStored) {
                storePolicy(c, world);
            }
            SplittableRandom random = new SplittableRandom(seed);
            long nowMicros = World.micros(now);
            step("reference data", 0, t0);
            Stories stories;
            try (Loader loader = new Loader(() -> DriverManager.getConnection(url, user, password), postgres)) {
                t0 = System.nanoTime();
                Batch staff = new Batch();
                world.staff(c, Math.max(2, accounts / 500), ids, random, now, staff);
                loader.submit(staff);
                loader.drain();
                step("users", staff.size(), t0);

                t0 = System.nanoTime();
                Batch customers = new Batch();
                world.accounts(accounts, ids, random, nowMicros, customers);
                loader.submit(customers);
                loader.drain();
                step(String.format(Locale.ROOT, "accounts (%,d accounts, %,d contacts, %,d lifetime values)",
                        customers.rows(Table.CUSTOMER_ACCOUNT).size(), customers.rows(Table.CONTACT).size(),
                        customers.rows(Table.LTV_CHANGE).size()), customers.size(), t0);

                t0 = System.nanoTime();
                long[] openedAt = new long[cases];
                int[] accountOf = new int[cases];
                openings(random, nowMicros, openedAt, accountOf);
                long before = chain.appended();
                stories = new Stories(world, ids, loader, chain, timeline, nowMicros, seed, FIXTURE_MANAGERS);
                long casesStart = t0;
                stories.run(openedAt, accountOf, () -> System.out.printf(Locale.ROOT, "  ... %3.0f s: %,d audit entries sealed so far%n",
                        (System.nanoTime() - casesStart) / 1e9, chain.appended() - before));
                loader.finish();
                long rows = 0;
                for (Table table : Table.values()) {
                    if (table.ordinal() >= Table.APOLOGY_CASE.ordinal()) {
                        rows += loader.rows(table);
                    }
                }
                step("cases", rows, t0);
                for (Table table : Table.values()) {
                    if (loader.rows(table) > 0) {
                        System.out.printf(Locale.ROOT, "    %-22s %,12d rows, written in %7.1f s (%,9.0f rows/s)%n", table.sqlName(), loader.rows(table),
                                loader.seconds(table), loader.rows(table) / Math.max(1e-9, loader.seconds(table)));
                    }
                }
                System.out.printf(Locale.ROOT, "    cases by status at now: %s; %,d proposals wait for finance%n", stories.statuses,
                        stories.pendingProposals);
            }

            t0 = System.nanoTime();
            c.setAutoCommit(false);
            ids.moveSequences(c, stories.lastCaseNumber);
            try (PreparedStatement head = c.prepareStatement("UPDATE audit_head SET last_seq = ?, last_hash = ? WHERE id = 1")) {
                head.setLong(1, chain.sequence());
                head.setString(2, chain.hash());
                head.executeUpdate();
            }
            c.commit();
            c.setAutoCommit(true);
            step("sequences and audit head", 1, t0);

            // What an operator does after a bulk load: give the planner its statistics now (and PostgreSQL its visibility
            // map, for index-only scans) rather than whenever autovacuum gets to the tables, so the first measurement
            // runs on the plans every later one gets.
            t0 = System.nanoTime();
            try (Statement s = c.createStatement()) {
                s.execute(postgres ? "VACUUM ANALYZE" : "ANALYZE");
            }
            System.out.printf(Locale.ROOT, "statistics (%s): %.1f s%n", postgres ? "VACUUM ANALYZE" : "ANALYZE", (System.nanoTime() - t0) / 1e9);

            if (fixtures != null) {
                t0 = System.nanoTime();
                int lines = writeFixtures(world, stories, random);
                System.out.printf(Locale.ROOT, "fixtures: %,d lines in %s (%.1f s)%n", lines, fixtures, (System.nanoTime() - t0) / 1e9);
            }
            double seconds = (System.nanoTime() - started) / 1e9;
            System.out.printf(Locale.ROOT, "Generated %,d rows in %.1f s (%,.0f rows/s); audit head %d %s%n", totalRows, seconds,
                    totalRows / seconds, chain.sequence(), chain.hash());
        }
    }

    private void step(String what, long rows, long startNanos) {
        double seconds = (System.nanoTime() - startNanos) / 1e9;
        totalRows += rows;
        System.out.printf(Locale.ROOT, "%s: %,d rows in %.1f s (%,.0f rows/s)%n", what, rows, seconds, rows / Math.max(1e-9, seconds));
    }

    private static void refuseUnlessReady(Connection c) throws SQLException {
        long policies;
        try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery("SELECT COUNT(*) FROM sla_policy")) {
            rs.next();
            policies = rs.getLong(1);
        } catch (SQLException e) {
            throw new IllegalStateException("This database has no Amends schema (no sla_policy table): start Amends on it once, "
                    + "stop it, then generate", e);
        }
        if (policies == 0) {
            throw new IllegalStateException("This database holds no SLA policy: it is not an Amends database as the migrations leave it");
        }
        try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery("SELECT COUNT(*) FROM apology_case")) {
            rs.next();
            if (rs.getLong(1) > 1000) {
                throw new IllegalStateException("This database holds " + rs.getLong(1) + " cases already (more than 1,000): "
                        + "generate into a fresh one");
            }
        }
    }

    /**
     * Seals what actions left pending, as {@code AuditSealer} would (oldest first, continuing from the head), so that
     * the generated entries continue an intact chain and {@code audit_pending} is empty; returns the chain's head.
     */
    private static Chain sealPending(Connection c) throws SQLException {
        c.setAutoCommit(false);
        long sequence;
        String hash;
        try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery("SELECT last_seq, last_hash FROM audit_head WHERE id = 1")) {
            if (!rs.next()) {
                throw new IllegalStateException("The audit_head row is missing");
            }
            sequence = rs.getLong(1);
            hash = rs.getString(2).trim();
        }
        List<long[]> sealed = new ArrayList<>();
        try (Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("SELECT id, recorded_at, actor, actor_role, action, case_key, account_id, amount_minor, currency, "
                     + "ltv_minor, spend_12m_minor, spend_ratio_bp, verdict, details FROM audit_pending ORDER BY id");
             PreparedStatement insert = c.prepareStatement("INSERT INTO audit_entry (seq, recorded_at, actor, actor_role, action, case_key, "
                     + "account_id, amount_minor, currency, ltv_minor, spend_12m_minor, spend_ratio_bp, verdict, details, prev_hash, hash) "
                     + "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
            while (rs.next()) {
                AuditRecord record = new AuditRecord(++sequence, rs.getObject(2, OffsetDateTime.class).toInstant(), rs.getString(3),
                        rs.getString(4), rs.getString(5), rs.getString(6), number(rs, 7), number(rs, 8),
                        rs.getString(9) == null ? null : rs.getString(9).trim(), number(rs, 10), number(rs, 11), number(rs, 12),
                        rs.getString(13), rs.getString(14));
                StoredEntry entry = StoredEntry.seal(hash, record);
                Object[] values = {record.sequence(), OffsetDateTime.ofInstant(record.recordedAt(), java.time.ZoneOffset.UTC), record.actor(),
                        record.actorRole(), record.action(), record.caseKey(), record.accountId(), record.amountMinor(), record.currency(),
                        record.ltvInForceMinor(), record.spend12mMinor(), record.spendLtvRatioBp(), record.policyVerdict(),
                        record.details(), entry.previousHash(), entry.hash()};
                for (int i = 0; i < values.length; i++) {
                    insert.setObject(i + 1, values[i]);
                }
                insert.executeUpdate();
                hash = entry.hash();
                sealed.add(new long[] {rs.getLong(1)});
            }
        }
        if (!sealed.isEmpty()) {
            try (PreparedStatement delete = c.prepareStatement("DELETE FROM audit_pending WHERE id = ?");
                 PreparedStatement head = c.prepareStatement("UPDATE audit_head SET last_seq = ?, last_hash = ? WHERE id = 1")) {
                for (long[] id : sealed) {
                    delete.setLong(1, id[0]);
                    delete.executeUpdate();
                }
                head.setLong(1, sequence);
                head.setString(2, hash);
                head.executeUpdate();
            }
            System.out.printf(Locale.ROOT, "sealed %d audit entries the application had left pending%n", sealed.size());
        }
        c.commit();
        c.setAutoCommit(true);
        return new Chain(sequence, hash);
    }

    private static Long number(ResultSet rs, int column) throws SQLException {
        long value = rs.getLong(column);
        return rs.wasNull() ? null : value;
    }

    /** The policy row the application writes on first use ({@code Proposals.settings}), so that it is not written twice at once. */
    private void storePolicy(Connection c, World world) throws SQLException {
        var s = world.settingsIn("EUR");
        try (PreparedStatement insert = c.prepareStatement("INSERT INTO policy_settings (id, case_cap_bp, rolling_cap_bp, floor_minor, "
                + "auto_approval_limit_minor, finance_limit_minor, absolute_ceiling_minor, severity_low_bp, severity_medium_bp, "
                + "severity_high_bp, severity_critical_bp, recurrence_step_bp, recurrence_max_bp, updated_by, updated_at, version) "
                + "VALUES (1, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 'defaults', ?, 0)")) {
            Object[] values = {s.caseCapBasisPoints(), s.rolling12mCapBasisPoints(), s.floor().amountMinor(), s.autoApprovalLimit().amountMinor(),
                    s.financeLimit().amountMinor(), s.absoluteCeiling().amountMinor(),
                    s.severityMultiplier(io.amends.cases.entity.Severity.LOW), s.severityMultiplier(io.amends.cases.entity.Severity.MEDIUM),
                    s.severityMultiplier(io.amends.cases.entity.Severity.HIGH), s.severityMultiplier(io.amends.cases.entity.Severity.CRITICAL),
                    s.recurrenceBonusBasisPoints(), s.recurrenceBonusCapBasisPoints(),
                    OffsetDateTime.ofInstant(now.minus(800, ChronoUnit.DAYS), java.time.ZoneOffset.UTC)};
            for (int i = 0; i < values.length; i++) {
                insert.setObject(i + 1, values[i]);
            }
            insert.executeUpdate();
        }
    }

    /**
     * When each case is opened (over the two years before now, more recently more often: the business grows) and for
     * which account (some accounts complain far more than others).
     */
    private void openings(SplittableRandom random, long now, long[] openedAt, int[] accountOf) {
        long span = 730 * DAY;
        for (int i = 0; i < openedAt.length; i++) {
            double x = -1 + Math.sqrt(1 + 3 * random.nextDouble()); // density 1 + x on [0, 1]
            openedAt[i] = now - span + (long) (x * span);
        }
        Arrays.sort(openedAt);
        double[] cumulative = new double[accounts];
        double total = 0;
        for (int a = 0; a < accounts; a++) {
            total += Math.exp(random.nextGaussian());
            cumulative[a] = total;
        }
        for (int i = 0; i < accountOf.length; i++) {
            int a = Arrays.binarySearch(cumulative, random.nextDouble() * total);
            accountOf[i] = Math.min(accounts - 1, a < 0 ? -a - 1 : a);
        }
    }

    /**
     * What {@code io.amends.bench.load.Load} reads: the accounts (one contact each) and active cases of the first 16
     * account managers, 50,000 random case ids, and every discount code that is neither redeemed nor expired.
     */
    private int writeFixtures(World world, Stories stories, SplittableRandom random) throws IOException {
        int lines = 0;
        try (PrintWriter out = new PrintWriter(Files.newBufferedWriter(fixtures, StandardCharsets.UTF_8))) {
            out.printf(Locale.ROOT, "# io.amends.bench.data.Generate --accounts %d --cases %d --seed %d --now %s%n", accounts, cases, seed, now);
            int managers = Math.min(FIXTURE_MANAGERS, world.managers.size());
            for (int m = 0; m < managers; m++) {
                for (int a = m; a < world.accountId.length; a += world.managers.size()) {
                    out.printf(Locale.ROOT, "account\t%d\t%d\t%s%n", world.accountId[a], world.contactId[world.firstContact[a]],
                            world.managers.get(m).username());
                    lines++;
                }
            }
            List<long[]> active = new ArrayList<>(stories.activeCases);
            active.sort((x, y) -> Long.compare(x[0], y[0]));
            for (long[] k : active) {
                out.printf(Locale.ROOT, "active\t%d\t%d\t%d\t%s%n", k[0], k[1], k[2], world.managers.get((int) k[3]).username());
                lines++;
            }
            int sample = Math.min(FIXTURE_CASES, cases);
            BitSet chosen = new BitSet(cases);
            if (sample == cases) {
                chosen.set(0, cases);
            }
            for (int picked = chosen.cardinality(); picked < sample; ) {
                int i = random.nextInt(cases);
                if (!chosen.get(i)) {
                    chosen.set(i);
                    picked++;
                }
            }
            for (int i = chosen.nextSetBit(0); i >= 0; i = chosen.nextSetBit(i + 1)) {
                out.printf(Locale.ROOT, "case\t%d%n", stories.firstCaseId + i);
                lines++;
            }
            for (String code : stories.validCodes) {
                out.printf(Locale.ROOT, "code\t%s%n", code);
                lines++;
            }
        }
        return lines;
    }
}
