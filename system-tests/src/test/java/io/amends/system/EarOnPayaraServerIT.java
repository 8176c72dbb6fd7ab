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
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The EAR on a full Jakarta EE server: creates a throwaway Payara Server 6 domain, deploys {@code amends.ear},
 * checks that the application answers (health, the login page, a token for a demo user that Payara's MicroProfile JWT
 * implementation accepts), undeploys and stops.
 */
class EarOnPayaraServerIT {

    private static final String DOMAIN = "amends-smoke";
    private static Path payara;
    private static Path domains;
    private static int port;
    private static Path log;

    @BeforeAll
    static void startDomain() throws Exception {
        payara = Path.of(System.getProperty("amends.payara.home")).toAbsolutePath();
        domains = Files.createTempDirectory("amends-domains-");
        log = domains.resolve("asadmin.log");
        int base = 28000 + (int) (ProcessHandle.current().pid() % 50) * 100;
        port = base + 80;
        asadmin(List.of("create-domain", "--nopassword=true", "--portbase", String.valueOf(base), "--domaindir", domains.toString(),
                DOMAIN), Duration.ofMinutes(3));
        asadmin(List.of("start-domain", "--domaindir", domains.toString(), DOMAIN), Duration.ofMinutes(3));
    }

    @AfterAll
    static void stopDomain() throws Exception {
        if (domains != null) {
            asadmin(List.of("stop-domain", "--domaindir", domains.toString(), DOMAIN), Duration.ofMinutes(2));
        }
    }

    @Test
    void theEarDeploysAndAnswersThenUndeploys() throws Exception {
        int admin = port - 80 + 48;
        Path ear = Path.of(System.getProperty("amends.ear")).toAbsolutePath();
        asadmin(List.of("--port", String.valueOf(admin), "deploy", "--name", "amends", "--contextroot", "/", ear.toString()),
                Duration.ofMinutes(5));

        HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
        URI base = URI.create("http://127.0.0.1:" + port);
        HttpResponse<String> login = client.send(HttpRequest.newBuilder(base.resolve("/login.xhtml")).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(login.statusCode()).isEqualTo(200);
        assertThat(login.body()).contains("Sign in to Amends");

        HttpResponse<String> health = client.send(HttpRequest.newBuilder(base.resolve("/health/ready")).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(health.statusCode()).isEqualTo(200);
        assertThat(health.body()).contains("\"database\"").contains("UP");

        HttpResponse<String> token = client.send(HttpRequest.newBuilder(base.resolve("/api/v1/auth/token"))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"username\":\"alice\",\"password\":\"alice-demo-2026\"}")).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(token.statusCode()).as(token.body()).isEqualTo(200);
        assertThat(token.body()).contains("access_token");

        // the token is checked by Payara's MicroProfile JWT implementation, reached from the web module (TokenKeys)
        String accessToken = token.body().replaceAll(".*\"access_token\"\\s*:\\s*\"([^\"]+)\".*", "$1");
        HttpResponse<String> me = client.send(HttpRequest.newBuilder(base.resolve("/api/v1/auth/me"))
                .header("Authorization", "Bearer " + accessToken).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(me.statusCode()).as(me.body()).isEqualTo(200);
        assertThat(me.body()).contains("alice");
        HttpResponse<String> tampered = client.send(HttpRequest.newBuilder(base.resolve("/api/v1/auth/me"))
                .header("Authorization", "Bearer " + accessToken.substring(0, accessToken.lastIndexOf('.') + 1)).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(tampered.statusCode()).isEqualTo(401);

        asadmin(List.of("--port", String.valueOf(admin), "undeploy", "amends"), Duration.ofMinutes(2));
        HttpResponse<String> gone = client.send(HttpRequest.newBuilder(base.resolve("/login.xhtml")).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(gone.statusCode()).isEqualTo(404);
    }

    private static void asadmin(List<String> arguments, Duration timeout) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>();
        command.add(payara.resolve("bin/asadmin").toString());
        command.addAll(arguments);
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()));
        builder.environment().put("AS_JAVA", System.getProperty("java.home"));
        builder.environment().put("AMENDS_DATA_DIR", domains.resolve("data").toString());
        Process process = builder.start();
        if (!process.waitFor(timeout.toSeconds(), TimeUnit.SECONDS)) {
            process.destroyForcibly();
            throw new IllegalStateException("asadmin " + arguments + " timed out; see " + log);
        }
        if (process.exitValue() != 0) {
            throw new IllegalStateException("asadmin " + arguments + " failed:\n" + Files.readString(log));
        }
    }
}
