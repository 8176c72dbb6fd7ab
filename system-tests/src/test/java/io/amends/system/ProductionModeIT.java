package io.amends.system;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Production mode on a fresh database: no administrator password, no start; with one, an administrator and no demo
 * users at all.
 */
class ProductionModeIT {

    private static Process start(Path data, int port, String adminPassword, Path log) throws IOException {
        Path serverDir = Path.of(System.getProperty("amends.server.dir", "target/server")).toAbsolutePath();
        ProcessBuilder builder = new ProcessBuilder(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx512m", "-XX:+UseSerialGC", "-jar", serverDir.resolve("payara-micro.jar").toString(),
                "--deploy", serverDir.resolve("amends.war").toString(), "--contextroot", "/", "--port", String.valueOf(port),
                "--nohazelcast")).redirectErrorStream(true).redirectOutput(log.toFile());
        builder.environment().put("AMENDS_MODE", "production");
        builder.environment().put("AMENDS_DB_URL", "jdbc:h2:file:" + data.resolve("amends"));
        if (adminPassword != null) {
            builder.environment().put("AMENDS_ADMIN_INITIAL_PASSWORD", adminPassword);
        }
        return builder.start();
    }

    private static String awaitOutcome(Path log, Duration timeout) throws Exception {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < deadline) {
            String text = Files.exists(log) ? Files.readString(log) : "";
            if (text.contains("Exception while loading the app")) {
                return text;
            }
            if (text.contains("ready in")) {
                return text;
            }
            Thread.sleep(500);
        }
        throw new IllegalStateException("No outcome within " + timeout + "; see " + log);
    }

    @Test
    void withoutAnAdministratorPasswordAmendsRefusesToStart() throws Exception {
        Path work = Files.createTempDirectory(Path.of("target").toAbsolutePath(), "production-");
        Path log = work.resolve("no-password.log");
        Process server = start(work, PostgresServer.freePort(), null, log);
        try {
            String text = awaitOutcome(log, Duration.ofMinutes(4));
            assertThat(text).contains("Exception while loading the app").contains("AMENDS_ADMIN_INITIAL_PASSWORD");
        } finally {
            server.destroy();
            server.waitFor();
        }
    }

    @Test
    void withAnAdministratorPasswordThereIsAnAdministratorAndNoDemoUser() throws Exception {
        Path work = Files.createTempDirectory(Path.of("target").toAbsolutePath(), "production-");
        Path log = work.resolve("with-password.log");
        int port = PostgresServer.freePort();
        Process server = start(work, port, "a-long-production-secret", log);
        try {
            assertThat(awaitOutcome(log, Duration.ofMinutes(4))).doesNotContain("Exception while loading the app");
            HttpClient client = HttpClient.newHttpClient();
            URI token = URI.create("http://127.0.0.1:" + port + "/api/v1/auth/token");
            HttpResponse<String> admin = client.send(HttpRequest.newBuilder(token).header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString("{\"username\":\"admin\",\"password\":\"a-long-production-secret\"}")).build(),
                    HttpResponse.BodyHandlers.ofString());
            assertThat(admin.statusCode()).isEqualTo(200);
            HttpResponse<String> alice = client.send(HttpRequest.newBuilder(token).header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString("{\"username\":\"alice\",\"password\":\"alice-demo-2026\"}")).build(),
                    HttpResponse.BodyHandlers.ofString());
            assertThat(alice.statusCode()).isEqualTo(401);
        } finally {
            server.destroy();
            server.waitFor();
        }
    }
}
