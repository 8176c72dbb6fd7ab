package io.amends.bench.load;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.HdrHistogram.Histogram;

/**
 * HTTP load against a running Amends: each scenario at each number of concurrent clients, for a fixed time after a
 * warm-up, in a closed loop (every client sends its next request when the previous answer arrived, on its own
 * kept-alive connection). Prints throughput and latency percentiles (HdrHistogram) and appends them to a TSV file.
 *
 * <pre>
 * java -cp benchmarks.jar io.amends.bench.load.Load --port 8080 --fixtures fixtures.tsv --label H2 \
 *      --scenarios open-case,case-page,work-list,finance-queue,propose,preview --clients 1,16,64 --warmup 5 --duration 15
 * java -cp benchmarks.jar io.amends.bench.load.Load --port 8080 --verify       # times GET /api/v1/audit/verify
 * </pre>
 *
 * <p>Requests go to 127.0.0.1 only; every run is bounded by its duration.
 */
public final class Load {

    private String host = "127.0.0.1";
    private int port = 8080;
    private Path fixtures;
    private String label = "";
    private List<String> scenarios = List.of("me", "open-case", "case-page", "case-overview", "work-list", "finance-queue", "propose", "preview");
    private int[] clientCounts = {1, 16, 64};
    private int warmupSeconds = 5;
    private int durationSeconds = 15;
    private Path out;
    private boolean verify;
    private String discountFile;
    private long serverPid = -1;

    // fixtures
    private final Map<String, List<long[]>> accountsOf = new LinkedHashMap<>(); // user -> {accountId, contactId}
    private final Map<String, List<long[]>> activeOf = new LinkedHashMap<>();   // user -> {caseId, accountId, contactId}
    private final List<Long> anyCase = new ArrayList<>();
    private final List<String> discountCodes = new ArrayList<>();
    private final Map<String, String> tokens = new LinkedHashMap<>();
    private List<String> managers;
    private final List<String> finance = List.of("carol", "dave", "fin00", "fin01", "fin02", "fin03", "fin04", "fin05", "fin06", "fin07");

    public static void main(String[] args) throws Exception {
        Load load = new Load();
        load.parse(args);
        load.run();
    }

    private void parse(String[] args) {
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--host" -> host = args[++i];
                case "--port" -> port = Integer.parseInt(args[++i]);
                case "--fixtures" -> fixtures = Path.of(args[++i]);
                case "--label" -> label = args[++i];
                case "--scenarios" -> scenarios = List.of(args[++i].split(","));
                case "--clients" -> {
                    String[] parts = args[++i].split(",");
                    clientCounts = new int[parts.length];
                    for (int k = 0; k < parts.length; k++) {
                        clientCounts[k] = Integer.parseInt(parts[k]);
                    }
                }
                case "--warmup" -> warmupSeconds = Integer.parseInt(args[++i]);
                case "--duration" -> durationSeconds = Integer.parseInt(args[++i]);
                case "--out" -> out = Path.of(args[++i]);
                case "--verify" -> verify = true;
                case "--discount-codes" -> discountFile = args[++i];
                case "--server-pid" -> serverPid = Long.parseLong(args[++i]);
                default -> throw new IllegalArgumentException("Unknown option " + args[i]);
            }
        }
        if (durationSeconds > 300 || warmupSeconds > 120) {
            throw new IllegalArgumentException("Runs are bounded: at most 120 s warm-up and 300 s measurement");
        }
    }

    private void run() throws Exception {
        if (verify) {
            verifyAudit();
            return;
        }
        readFixtures();
        System.out.printf(Locale.ROOT, "%n%-14s %-8s %7s %10s %9s %9s %9s %9s %7s %11s %9s%n", "scenario", "db", "clients", "ops/s",
                "p50 ms", "p90 ms", "p99 ms", "max ms", "errors", "server ms/op", "machine");
        for (String scenario : scenarios) {
            for (int clients : clientCounts) {
                measure(scenario, clients);
            }
        }
    }

    // ---------------------------------------------------------------- fixtures and tokens

    private void readFixtures() throws IOException {
        if (fixtures == null) {
            throw new IllegalArgumentException("--fixtures FILE (written by io.amends.bench.data.Generate --fixtures) is required");
        }
        for (String line : Files.readAllLines(fixtures)) {
            if (line.startsWith("#") || line.isBlank()) {
                continue;
            }
            String[] f = line.split("\t");
            switch (f[0]) {
                case "account" -> accountsOf.computeIfAbsent(f[3], u -> new ArrayList<>()).add(new long[] {Long.parseLong(f[1]), Long.parseLong(f[2])});
                case "active" -> activeOf.computeIfAbsent(f[4], u -> new ArrayList<>())
                        .add(new long[] {Long.parseLong(f[1]), Long.parseLong(f[2]), Long.parseLong(f[3])});
                case "case" -> anyCase.add(Long.parseLong(f[1]));
                case "code" -> discountCodes.add(f[1]);
                default -> {
                    // unknown kinds are for other tools
                }
            }
        }
        if (discountFile != null) {
            discountCodes.addAll(Files.readAllLines(Path.of(discountFile)).stream().filter(s -> !s.isBlank()).toList());
        }
        managers = new ArrayList<>(accountsOf.keySet());
        managers.removeIf(m -> !activeOf.containsKey(m));
        System.out.printf(Locale.ROOT, "Fixtures: %d managers with %d accounts and %d active cases, %d sampled cases%n", managers.size(),
                accountsOf.values().stream().mapToInt(List::size).sum(), activeOf.values().stream().mapToInt(List::size).sum(), anyCase.size());
    }

    private static String passwordOf(String user) {
        return switch (user) {
            case "alice", "bob", "carol", "dave", "admin", "maria" -> user + "-demo-2026";
            default -> "alice-demo-2026"; // generated users carry alice's password hash
        };
    }

    private String storefrontKey;

    /** How often one client redeems one goodwill code before it asks for the next (the codes allow 10,000). */
    private static final int GOODWILL_USES = 5_000;

    /** A goodwill code that may be redeemed 10,000 times, issued by admin through the API. */
    private String goodwillCode() throws IOException {
        try (Http http = new Http(host, port)) {
            Http.Response r = http.post("/api/v1/discount-codes", token("admin"), "{\"type\":\"AMOUNT\",\"value\":1500,\"currency\":\"EUR\","
                    + "\"expiresAt\":\"" + Instant.now().plus(30, ChronoUnit.DAYS).truncatedTo(ChronoUnit.SECONDS) + "\",\"redemptionLimit\":10000,"
                    + "\"reason\":\"load test of redemptions\",\"reference\":\"load-test\"}");
            Matcher m = Pattern.compile("\"code\"\\s*:\\s*\"([^\"]+)\"").matcher(r.text());
            if (r.status() != 201 || !m.find()) {
                throw new IOException("No goodwill code: " + r.status() + " " + r.text());
            }
            return m.group(1);
        }
    }

    /** An API key with role STOREFRONT, issued by admin through the API, for the discount-code scenarios. */
    private synchronized String storefrontKey() throws IOException {
        if (storefrontKey == null) {
            try (Http http = new Http(host, port)) {
                Http.Response r = http.post("/api/v1/admin/api-keys", token("admin"),
                        "{\"name\":\"load-storefront-" + System.currentTimeMillis() + "\",\"role\":\"STOREFRONT\"}");
                Matcher m = Pattern.compile("\"secret\"\\s*:\\s*\"([^\"]+)\"").matcher(r.text());
                if (r.status() != 201 && r.status() != 200 || !m.find()) {
                    throw new IOException("No storefront API key: " + r.status() + " " + r.text());
                }
                storefrontKey = m.group(1);
            }
        }
        return storefrontKey;
    }

    private synchronized String token(String user) throws IOException {
        String known = tokens.get(user);
        if (known != null) {
            return known;
        }
        try (Http http = new Http(host, port)) {
            Http.Response r = http.post("/api/v1/auth/token", null, "{\"username\":\"" + user + "\",\"password\":\"" + passwordOf(user) + "\"}");
            Matcher m = Pattern.compile("\"access_token\"\\s*:\\s*\"([^\"]+)\"").matcher(r.text());
            if (r.status() != 200 || !m.find()) {
                throw new IOException("No token for " + user + ": " + r.status() + " " + r.text());
            }
            tokens.put(user, m.group(1));
            return m.group(1);
        }
    }

    // ---------------------------------------------------------------- scenarios

    /** One operation of a scenario for one client; returns the number of HTTP requests it made. */
    private interface Operation {
        int run(Client client) throws IOException;
    }

    private final class Client {
        final Http http = new Http(host, port);
        final SplittableRandom random;
        final String user;
        final String token;
        final List<long[]> accounts;
        final List<long[]> active;
        String lastError;

        final int index;
        int next;
        String code;

        Client(int index, String kind) throws IOException {
            this.index = index;
            random = new SplittableRandom(index * 7919L + 17);
            user = kind.equals("finance") ? finance.get(index % finance.size()) : kind.equals("storefront") ? "storefront"
                    : managers.get(index % managers.size());
            token = kind.equals("storefront") ? storefrontKey() : token(user);
            accounts = accountsOf.getOrDefault(user, List.of());
            active = activeOf.getOrDefault(user, List.of());
        }

        void check(Http.Response r, String what) throws IOException {
            if (r.status() >= 300) {
                lastError = what + " -> " + r.status() + " " + r.text();
                throw new IOException(lastError);
            }
        }
    }

    private Operation operation(String scenario) {
        String expires = Instant.now().plus(90, ChronoUnit.DAYS).truncatedTo(ChronoUnit.SECONDS).toString();
        return switch (scenario) {
            case "open-case" -> c -> {
                long[] a = c.accounts.get(c.random.nextInt(c.accounts.size()));
                String[] causes = {"BILLING", "LATE_DELIVERY", "OUTAGE", "QUALITY", "SERVICE", "MISCOMMUNICATION"};
                String[] severities = {"LOW", "MEDIUM", "MEDIUM", "HIGH", "CRITICAL"};
                String body = "{\"accountId\":" + a[0] + ",\"contactIds\":[" + a[1] + "],\"title\":\"Invoice charged twice (load test)\","
                        + "\"description\":\"The customer was charged twice for the March invoice and called the hotline.\","
                        + "\"severity\":\"" + severities[c.random.nextInt(severities.length)] + "\",\"channel\":\"PHONE\","
                        + "\"rootCause\":\"" + causes[c.random.nextInt(causes.length)] + "\"}";
                c.check(c.http.post("/api/v1/cases", c.token, body), "open case");
                return 1;
            };
            case "case-page" -> c -> {
                long id = anyCase.get(c.random.nextInt(anyCase.size()));
                String base = "/api/v1/cases/" + id;
                for (String part : new String[] {"", "/timeline", "/deadlines", "/contacts", "/apologies", "/commitments", "/proposals"}) {
                    c.check(c.http.get(base + part, c.token), "GET " + base + part);
                }
                return 7;
            };
            case "case-overview" -> c -> {
                long id = anyCase.get(c.random.nextInt(anyCase.size()));
                c.check(c.http.get("/api/v1/cases/" + id + "/overview", c.token), "GET overview");
                return 1;
            };
            case "case" -> c -> {
                long id = anyCase.get(c.random.nextInt(anyCase.size()));
                c.check(c.http.get("/api/v1/cases/" + id, c.token), "GET case");
                return 1;
            };
            case "timeline" -> c -> {
                long id = anyCase.get(c.random.nextInt(anyCase.size()));
                c.check(c.http.get("/api/v1/cases/" + id + "/timeline", c.token), "GET timeline");
                return 1;
            };
            case "me" -> c -> { // the floor: bearer token check, JAX-RS and JSON, no database
                c.check(c.http.get("/api/v1/auth/me", c.token), "GET me");
                return 1;
            };
            case "discount-validate" -> c -> {
                String code = discountCodes.get(c.random.nextInt(discountCodes.size()));
                Http.Response r = c.http.get("/api/v1/discount-codes/validate?code=" + code, c.token);
                c.check(r, "validate");
                // every fixture code exists: VALID, or USED_UP or EXPIRED by now (codes expire while a run goes on);
                // UNKNOWN would mean the lookup failed
                if (r.text().contains("\"UNKNOWN\"") || !r.text().contains("\"status\"")) {
                    c.lastError = "validate " + code + " -> " + r.text();
                    throw new IOException(c.lastError);
                }
                return 1;
            };
            case "discount-redeem" -> c -> {
                // Each client redeems its own goodwill code (issued by admin with a high limit) for new orders, so
                // clients never queue on one code's row; single-use codes from the data would run out within seconds.
                if (c.code == null || c.next % GOODWILL_USES == 0) {
                    c.code = goodwillCode(); // a fresh one well before the limit of 10,000
                }
                c.check(c.http.post("/api/v1/discount-codes/" + c.code + "/redemptions", c.token,
                        "{\"orderReference\":\"bench-" + c.index + "-" + (c.next++) + "-" + System.nanoTime() + "\"}"), "redeem");
                return 1;
            };
            case "work-list" -> c -> {
                c.check(c.http.get("/api/v1/cases?mine=true&active=true&page=0&size=20", c.token), "work list");
                return 1;
            };
            case "team-list" -> c -> {
                c.check(c.http.get("/api/v1/cases?active=true&severity=HIGH&severity=CRITICAL&page=0&size=20", c.token), "team list");
                return 1;
            };
            case "finance-queue" -> c -> {
                c.check(c.http.get("/api/v1/proposals/queue?page=0&size=20", c.token), "finance queue");
                return 1;
            };
            case "propose", "preview" -> c -> {
                long[] k = c.active.get(c.random.nextInt(c.active.size()));
                String body = "{\"contactId\":" + k[2] + ",\"kind\":\"DISCOUNT_CODE\",\"discountType\":\"AMOUNT\",\"discountValue\":1500,"
                        + "\"discountExpiresAt\":\"" + expires + "\",\"amount\":\"15.00\"}";
                String path = "/api/v1/cases/" + k[0] + "/proposals" + (scenario.equals("preview") ? "/preview" : "");
                c.check(c.http.post(path, c.token, body), scenario);
                return 1;
            };
            default -> {
                if (scenario.startsWith("get:")) {
                    String path = scenario.substring(4);
                    yield c -> {
                        String p = path.contains("{code}") ? path.replace("{code}", discountCodes.get(c.random.nextInt(discountCodes.size()))) : path;
                        c.check(c.http.get(p, c.token), "GET " + p);
                        return 1;
                    };
                }
                throw new IllegalArgumentException("Unknown scenario " + scenario);
            }
        };
    }

    private void measure(String scenario, int clients) throws Exception {
        Operation op = operation(scenario);
        String kind = scenario.equals("finance-queue") ? "finance" : scenario.startsWith("discount-") ? "storefront" : "manager";
        List<Client> all = new ArrayList<>();
        for (int i = 0; i < clients; i++) {
            all.add(new Client(i, kind));
        }
        long warmupEnd = System.nanoTime() + warmupSeconds * 1_000_000_000L;
        long end = warmupEnd + durationSeconds * 1_000_000_000L;
        Histogram total = new Histogram(120_000_000L, 3);
        AtomicLong ops = new AtomicLong();
        AtomicLong requests = new AtomicLong();
        AtomicLong errors = new AtomicLong();
        AtomicReference<String> firstError = new AtomicReference<>();
        CountDownLatch done = new CountDownLatch(clients);
        List<Thread> threads = new ArrayList<>();
        for (Client client : all) {
            Thread t = new Thread(() -> {
                Histogram mine = new Histogram(120_000_000L, 3);
                long myOps = 0;
                long myRequests = 0;
                long myErrors = 0;
                try {
                    while (true) {
                        long start = System.nanoTime();
                        if (start >= end) {
                            break;
                        }
                        int n;
                        boolean failed = false;
                        try {
                            n = op.run(client);
                        } catch (IOException e) {
                            n = 1;
                            failed = true;
                            firstError.compareAndSet(null, client.lastError != null ? client.lastError : e.toString());
                            client.lastError = null;
                        }
                        long stop = System.nanoTime();
                        if (start >= warmupEnd && stop <= end) {
                            mine.recordValue(Math.max(1, (stop - start) / 1_000));
                            myOps++;
                            myRequests += n;
                            if (failed) {
                                myErrors++;
                            }
                        }
                        if (failed) {
                            Thread.sleep(50); // do not spin on a failing server
                        }
                    }
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                } finally {
                    synchronized (total) {
                        total.add(mine);
                    }
                    ops.addAndGet(myOps);
                    requests.addAndGet(myRequests);
                    errors.addAndGet(myErrors);
                    client.http.close();
                    done.countDown();
                }
            }, "load-" + scenario + "-" + threads.size());
            t.setDaemon(true);
            threads.add(t);
        }
        threads.forEach(Thread::start);
        sleepUntil(warmupEnd);
        CpuTimes before = CpuTimes.read(serverPid);
        sleepUntil(end);
        CpuTimes after = CpuTimes.read(serverPid);
        done.await();
        double seconds = durationSeconds;
        double rate = ops.get() / seconds;
        // Processor time of the server per operation, and how busy the whole machine was (1.0 = every core): on two
        // shared cores the first says what an operation costs, whatever else ran at the time.
        double serverMsPerOp = ops.get() == 0 ? Double.NaN : (after.serverSeconds() - before.serverSeconds()) * 1000 / ops.get();
        double machineBusy = after.machineBusy(before);
        String line = String.format(Locale.ROOT, "%-14s %-8s %7d %10.1f %9.2f %9.2f %9.2f %9.1f %7d %11.2f %9.2f", scenario, label,
                clients, rate, ms(total.getValueAtPercentile(50)), ms(total.getValueAtPercentile(90)), ms(total.getValueAtPercentile(99)),
                ms(total.getMaxValue()), errors.get(), serverMsPerOp, machineBusy);
        System.out.println(line);
        if (firstError.get() != null) {
            System.out.println("    first error: " + abbreviate(firstError.get()));
        }
        if (out != null) {
            String tsv = String.join("\t", label, scenario, String.valueOf(clients), fmt(rate), fmt(requests.get() / seconds),
                    fmt(ms(total.getValueAtPercentile(50))), fmt(ms(total.getValueAtPercentile(90))), fmt(ms(total.getValueAtPercentile(99))),
                    fmt(ms(total.getMaxValue())), String.valueOf(errors.get()), String.valueOf(ops.get()), fmt(serverMsPerOp),
                    fmt(machineBusy)) + "\n";
            Files.writeString(out, tsv, StandardCharsets.UTF_8, StandardOpenOption.CREATE, StandardOpenOption.APPEND);
        }
    }

    private static void sleepUntil(long nanoTime) throws InterruptedException {
        long left;
        while ((left = nanoTime - System.nanoTime()) > 0) {
            Thread.sleep(Math.max(1, left / 1_000_000));
        }
    }

    /**
     * Processor time from /proc: the server's (user and system, {@code /proc/<pid>/stat}) and the whole machine's
     * ({@code /proc/stat}), in the kernel's clock ticks of 1/100 s. NaN where /proc cannot be read.
     */
    private record CpuTimes(double serverSeconds, long machineBusyTicks, long machineTotalTicks) {
        static CpuTimes read(long pid) {
            double server = Double.NaN;
            long busy = -1;
            long all = -1;
            try {
                if (pid > 0) {
                    String stat = Files.readString(Path.of("/proc/" + pid + "/stat"));
                    String[] f = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
                    server = (Long.parseLong(f[11]) + Long.parseLong(f[12])) / 100.0; // utime, stime (fields 14, 15)
                }
                String[] cpu = Files.readAllLines(Path.of("/proc/stat")).get(0).trim().split("\\s+");
                all = 0;
                for (int i = 1; i < cpu.length; i++) {
                    all += Long.parseLong(cpu[i]);
                }
                busy = all - Long.parseLong(cpu[4]) - Long.parseLong(cpu[5]); // minus idle and iowait
            } catch (IOException | RuntimeException unreadable) {
                // not Linux, or the server is gone: the columns say NaN
            }
            return new CpuTimes(server, busy, all);
        }

        double machineBusy(CpuTimes before) {
            long all = machineTotalTicks - before.machineTotalTicks;
            return machineTotalTicks < 0 || before.machineTotalTicks < 0 || all <= 0 ? Double.NaN
                    : (double) (machineBusyTicks - before.machineBusyTicks) / all;
        }
    }

    private static String abbreviate(String s) {
        return s.length() > 400 ? s.substring(0, 400) + "…" : s;
    }

    private static double ms(long micros) {
        return micros / 1000.0;
    }

    private static String fmt(double d) {
        return String.format(Locale.ROOT, "%.2f", d);
    }

    // ---------------------------------------------------------------- audit verification over HTTP

    private void verifyAudit() throws IOException {
        String token = token("carol");
        try (Http http = new Http(host, port)) {
            http.timeoutMillis = 900_000;
            long start = System.nanoTime();
            Http.Response r = http.get("/api/v1/audit/verify", token);
            double seconds = (System.nanoTime() - start) / 1e9;
            System.out.printf(Locale.ROOT, "GET /api/v1/audit/verify: %d in %.1f s: %s%n", r.status(), seconds, abbreviate(r.text()));
            if (out != null) {
                try (PrintWriter w = new PrintWriter(Files.newBufferedWriter(out, StandardOpenOption.CREATE, StandardOpenOption.APPEND))) {
                    w.printf(Locale.ROOT, "%s\taudit-verify\t1\t%.2f\t%d\t%s%n", label, seconds, r.status(), abbreviate(r.text()).replace('\t', ' '));
                }
            }
        }
    }
}
