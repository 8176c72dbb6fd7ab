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
 * is controllable so deadline tests need no sleeping.
 */
public final class AmendsServer {

    private static AmendsServer instance;

    private final URI base;
    private final Process process;
    private final PostgresServer postgres;
    private final Path log;
    private final String database;
    private final String jdbcUrl;

    private AmendsServer(URI base, Process process, PostgresServer postgres, Path log, String database, String jdbcUrl) {
        this.base = base;
        this.process = process;
        this.postgres = postgres;
        this.log = log;
        this.database = database;
        this.jdbcUrl = jdbcUrl;
    }

    public static synchronized AmendsServer get() {
        if (instance == null) {
            try {
                instance = start();
            } catch (IOException e) {
                throw new IllegalStateException(e);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
            Runtime.getRuntime().addShutdownHook(new Thread(instance::stop));
        }
        return instance;
    }

    private static AmendsServer start() throws IOException, InterruptedException {
        Path serverDir = Path.of(System.getProperty("amends.server.dir", "target/server")).toAbsolutePath();
        String database = System.getProperty("amends.test.db", "h2");
        Path work = Files.createDirectories(serverDir.resolve("run-" + database));
        Path data = Files.createTempDirectory(work, "data-");
        int port = PostgresServer.freePort();
        PostgresServer postgres = null;
        ProcessBuilder builder = new ProcessBuilder(command(serverDir, port)).directory(work.toFile()).redirectErrorStream(true);
        Map<String, String> env = builder.environment();
        env.put("AMENDS_DATA_DIR", data.toString());
        env.put("AMENDS_CLOCK_CONTROLLABLE", "true");
        env.put("AMENDS_MODE", "demo");
        // Mail goes to a GreenMail in this JVM, started before the server (MailIT, PortalIT); short retries for outage tests.
        testMail = TestMailServer.start();
        env.put("AMENDS_MAIL_HOST", "127.0.0.1");
        env.put("AMENDS_MAIL_PORT", String.valueOf(testMail.port()));
        env.put("AMENDS_MAIL_FROM", "care@amends.test");
        env.put("AMENDS_MAIL_RETRY_INITIAL", "PT1S");
        env.put("AMENDS_MAIL_RETRY_MAX", "PT4S");
        env.put("AMENDS_PORTAL_URL", "http://127.0.0.1:" + port);
        env.putAll(VendorStub.get().environment());
        env.put("AMENDS_VENDOR_SIMULATED_STEP", "PT2S"); // the simulated vendor ships and delivers within seconds
        String jdbcUrl;
        if ("postgres".equals(database)) {
            postgres = PostgresServer.start(work);
            jdbcUrl = postgres.jdbcUrl();
        } else {
            // AUTO_SERVER lets a test open the same embedded database next to the server (to tamper with the audit trail)
            jdbcUrl = "jdbc:h2:file:" + data.resolve("amends") + ";AUTO_SERVER=TRUE;LOCK_TIMEOUT=10000";
        }
        env.put("AMENDS_DB_URL", jdbcUrl);
        env.put("AMENDS_DB_USER", "amends");
        env.put("AMENDS_DB_PASSWORD", "amends");
        Path log = work.resolve("payara-micro.log");
        builder.redirectOutput(log.toFile());
        Process process = builder.start();
        URI base = URI.create("http://127.0.0.1:" + port);
        AmendsServer server = new AmendsServer(base, process, postgres, log, database, jdbcUrl);
        server.awaitReady(Duration.ofMinutes(4));
        return server;
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
        // Only when this build made the uber jar (bin/amends test): a jar left from an earlier build is stale.
        if (!Boolean.getBoolean("amends.uberjar.skip") && Files.isRegularFile(uberJar) && isNewer(uberJar, war)) {
            command.addAll(List.of("-jar", uberJar.toString()));
        } else {
            command.addAll(List.of("-jar", serverDir.resolve("payara-micro.jar").toString(),
                    "--deploy", serverDir.resolve("amends.war").toString(), "--contextroot", "/"));
        }
        command.addAll(List.of("--port", String.valueOf(port), "--nohazelcast"));
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
            if (Files.exists(log) && Files.readString(log).contains("Exception while loading the app")) {
                stop();
                throw new IllegalStateException("Amends failed to deploy; see " + log);
            }
            try {
                HttpResponse<String> answer = client.send(HttpRequest.newBuilder(base.resolve("/health/ready"))
                        .timeout(Duration.ofSeconds(5)).build(), HttpResponse.BodyHandlers.ofString());
                if (answer.statusCode() == 200 && answer.body().contains("\"database\"") && Files.readString(log).contains("ready in")) {
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

    private static TestMailServer testMail;

    /** The mail server the running application sends to (a GreenMail in this JVM). */
    public static TestMailServer mail() {
        get();
        return testMail;
    }

    public URI base() {
        return base;
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

    void stop() {
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
