package io.amends.system;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The built application running on Payara Micro, started once for all system tests of a JVM.
 *
 * <p>It deploys {@code target/server/amends.war} (the real artifact) on a free port with a fresh data folder, on the
 * embedded H2 file database or, with {@code -Damends.test.db=postgres}, on a throwaway PostgreSQL server. The clock
 * is controllable so deadline tests need no sleeping. A test that stops the server starts one of its own
 * ({@link #startOwn}), which it can {@link #kill} and {@link #startAgain} on the same database.
 */
public final class AmendsServer {

    private static AmendsServer instance;
    private static TestMailServer testMail;

    private final URI base;
    private final ProcessBuilder builder;
    private final Path work;
    private final PostgresServer postgres;
    private final String database;
    private final String jdbcUrl;
    private Process process;
    private Path log;
    private int starts;
    private boolean stopped;

    private AmendsServer(URI base, ProcessBuilder builder, Path work, PostgresServer postgres, String database, String jdbcUrl) {
        this.base = base;
        this.builder = builder;
        this.work = work;
        this.postgres = postgres;
        this.database = database;
        this.jdbcUrl = jdbcUrl;
    }

    public static synchronized AmendsServer get() {
        if (instance == null) {
            // Mail goes to a GreenMail in this JVM, started before the server (MailIT, PortalIT).
            testMail = TestMailServer.start();
            try {
                instance = start(runDir(), testMail.port(), Map.of());
            } catch (IOException e) {
                throw new IllegalStateException(e);
            }
            Runtime.getRuntime().addShutdownHook(new Thread(instance::stop));
        }
        return instance;
    }

    /**
     * A server of a test's own, on its own data, sending mail to {@code mailPort}, for a test that stops it; the caller
     * {@link #stop}s it. Everything else is as for the shared one, but for the extra {@code environment}.
     */
    static AmendsServer startOwn(int mailPort, Map<String, String> environment) throws IOException {
        AmendsServer server = start(Files.createTempDirectory(runDir(), "own-"), mailPort, environment);
        Runtime.getRuntime().addShutdownHook(new Thread(server::stop));
        return server;
    }

    /** Where the servers of this run keep their logs and data: {@code target/server/run-<database>}. */
    private static Path runDir() throws IOException {
        return Files.createDirectories(serverDir().resolve("run-" + System.getProperty("amends.test.db", "h2")));
    }

    /** Where the build put the artifacts the system tests run: {@code target/server} (the WAR, Payara Micro). */
    static Path serverDir() {
        return Path.of(System.getProperty("amends.server.dir", "target/server")).toAbsolutePath();
    }

    private static AmendsServer start(Path work, int mailPort, Map<String, String> environment) throws IOException {
        Path serverDir = serverDir();
        String database = System.getProperty("amends.test.db", "h2");
        Path data = Files.createTempDirectory(work, "data-");
        // Everything else that listens starts before the server's port is chosen: a free port is only free until
        // someone binds it, and the vendor stub, started after the choice, once took the port the server was to use
        // (the first server of a run then never became ready).
        Map<String, String> vendorEnvironment = VendorStub.get().environment();
        PostgresServer postgres = null;
        if ("postgres".equals(database)) {
            try {
                postgres = PostgresServer.start(work);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }
        int port = PostgresServer.freePort();
        ProcessBuilder builder = new ProcessBuilder(command(serverDir, port)).directory(work.toFile()).redirectErrorStream(true);
        Map<String, String> env = builder.environment();
        env.put("AMENDS_DATA_DIR", data.toString());
        env.put("AMENDS_CLOCK_CONTROLLABLE", "true");
        env.put("AMENDS_MODE", "demo");
        env.put("AMENDS_MAIL_HOST", "127.0.0.1");
        env.put("AMENDS_MAIL_PORT", String.valueOf(mailPort));
        env.put("AMENDS_MAIL_FROM", "care@amends.test");
        // Short retries for the outage tests; a short lease, so that a mail a killed server had leased is not held long.
        env.put("AMENDS_MAIL_RETRY_INITIAL", "PT1S");
        env.put("AMENDS_MAIL_RETRY_MAX", "PT4S");
        env.put("AMENDS_MAIL_LEASE", "PT15S");
        env.put("AMENDS_PORTAL_URL", "http://127.0.0.1:" + port);
        env.putAll(vendorEnvironment);
        env.put("AMENDS_AUDIT_VERIFY_PIECE_MIN", "20"); // the tests' short trails are verified in pieces too, as a long one is
        env.put("AMENDS_VENDOR_SIMULATED_STEP", "PT2S"); // the simulated vendor ships and delivers within seconds
        String jdbcUrl;
        if (postgres != null) {
            jdbcUrl = postgres.jdbcUrl();
        } else {
            // The default URL's WRITE_DELAY=0 (a killed server loses no commit) and QUERY_CACHE_SIZE=64 (its statement
            // cache); AUTO_SERVER lets a test open the same embedded database next to the server (to tamper with the
            // audit trail). Its 64 MB page cache is left out: a test's database is small, and several servers run.
            jdbcUrl = "jdbc:h2:file:" + data.resolve("amends") + ";AUTO_SERVER=TRUE;LOCK_TIMEOUT=10000;WRITE_DELAY=0;QUERY_CACHE_SIZE=64";
        }
        env.put("AMENDS_DB_URL", jdbcUrl);
        env.put("AMENDS_DB_USER", "amends");
        env.put("AMENDS_DB_PASSWORD", "amends");
        env.putAll(environment);
        AmendsServer server = new AmendsServer(URI.create("http://127.0.0.1:" + port), builder, work, postgres, database, jdbcUrl);
        server.boot();
        return server;
    }

    private synchronized void boot() throws IOException {
        starts++;
        log = work.resolve(starts == 1 ? "payara-micro.log" : "payara-micro." + starts + ".log");
        builder.redirectOutput(log.toFile());
        process = builder.start();
        try {
            awaitReady(Duration.ofMinutes(4));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** Kills the server as a crash would ({@code kill -9}: no shutdown, nothing flushed), and waits until it is gone. */
    public synchronized void kill() throws InterruptedException {
        process.destroyForcibly();
        process.waitFor();
    }

    /** Starts the server again, on the same port, the same database and the same mail server, after {@link #kill}. */
    public synchronized void startAgain() throws IOException {
        if (process.isAlive()) {
            throw new IllegalStateException("The server still runs");
        }
        boot();
    }

    /**
     * The uber jar when the build made one (bin/amends test does), so the tests run the artifact people ship;
     * otherwise Payara Micro with the WAR.
     */
    private static List<String> command(Path serverDir, int port) {
        List<String> command = new ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-Xmx768m", "-XX:+UseSerialGC"));
        Path uberJar = serverDir.resolve("amends-micro.jar");
        Path war = serverDir.resolve("amends.war");
        // Only when this build made the uber jar (bin/amends test): a jar left from an earlier build is stale. The uber
        // jar carries the command files of config/payara; the WAR gets them on the command line, as bin/amends does.
        if (!Boolean.getBoolean("amends.uberjar.skip") && Files.isRegularFile(uberJar) && isNewer(uberJar, war)) {
            command.addAll(List.of("-jar", uberJar.toString(), "--port", String.valueOf(port), "--nohazelcast"));
            return command;
        }
        command.addAll(List.of("-jar", serverDir.resolve("payara-micro.jar").toString(),
                "--deploy", serverDir.resolve("amends.war").toString(), "--contextroot", "/"));
        command.addAll(List.of("--port", String.valueOf(port), "--nohazelcast"));
        String preBoot = System.getProperty("amends.preboot");
        if (preBoot != null) {
            command.addAll(List.of("--prebootcommandfile", Path.of(preBoot).toAbsolutePath().toString()));
        }
        String postBoot = System.getProperty("amends.postboot");
        if (postBoot != null) {
            command.addAll(List.of("--postbootcommandfile", Path.of(postBoot).toAbsolutePath().toString()));
        }
        return command;
    }

    private static boolean isNewer(Path a, Path b) {
        try {
            return !Files.exists(b) || Files.getLastModifiedTime(a).compareTo(Files.getLastModifiedTime(b)) >= 0;
        } catch (IOException e) {
            return false;
        }
    }

    private void awaitReady(Duration timeout) throws IOException, InterruptedException {
        HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
        long deadline = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw new IllegalStateException("Payara Micro exited with " + process.exitValue() + "; see " + log);
            }
            String logged = Files.exists(log) ? Files.readString(log) : "";
            if (logged.contains("Exception while loading the app")) {
                stop();
                throw new IllegalStateException("Amends failed to deploy; see " + log);
            }
            if (logged.contains("GrizzlyProxy is NULL")) {
                stop();
                throw new IllegalStateException("Payara's HTTP listener did not start (a listener setting changed while it "
                        + "started? Those belong in config/payara/pre-boot.asadmin); see " + log);
            }
            try {
                HttpResponse<String> answer = client.send(HttpRequest.newBuilder(base.resolve("/health/ready"))
                        .timeout(Duration.ofSeconds(5)).build(), HttpResponse.BodyHandlers.ofString());
                if (answer.statusCode() == 200 && answer.body().contains("\"database\"") && logged.contains("ready in")) {
                    return;
                }
            } catch (IOException notYet) {
                // still starting
            }
            Thread.sleep(500);
        }
        stop();
        throw new IllegalStateException("Amends did not become ready within " + timeout + "; see " + log);
    }

    /** The mail server the running application sends to (a GreenMail in this JVM). */
    public static TestMailServer mail() {
        get();
        return testMail;
    }

    public URI base() {
        return base;
    }

    /** Signed in to this server as a demo user (see {@link Api#as}). */
    public Api api(String username) {
        return Api.as(base, username);
    }

    /** A JDBC connection to the server's own database, for tests that must look behind the API. */
    public java.sql.Connection openDatabase() throws java.sql.SQLException {
        return java.sql.DriverManager.getConnection(jdbcUrl, "amends", "amends");
    }

    public String database() {
        return database;
    }

    public Path log() {
        return log;
    }

    synchronized void stop() {
        if (stopped) {
            return;
        }
        stopped = true;
        process.destroy();
        try {
            process.waitFor();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        if (postgres != null) {
            postgres.stop();
        }
    }
}
