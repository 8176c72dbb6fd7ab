package io.amends.system;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.OutputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.junit.jupiter.api.Test;

/**
 * {@code bin/amends run} as a newcomer uses it: Payara Micro's runtime unpacked once into a root directory that is kept
 * between launches, with a class-data-sharing archive that the first launch writes as it stops and later launches
 * map (docs/performance.md, "Start-up"). Payara Micro keeps the application it deployed last in such a directory and
 * boots it again; the script must start afresh, so that a rebuilt WAR is the one that runs.
 */
class LaunchScriptIT {

    private static final Duration READY = Duration.ofMinutes(4);
    private static final String JAVA_OPTS = "-Xmx512m -XX:+UseSerialGC -Xshare:on"; // on: no start without the archive

    @Test
    void aRebuiltWarReplacesTheKeptOneTheSecondLaunchMapsTheArchiveTheFirstWroteAndARecordedOneStartsWithoutIt() throws Exception {
        Path work = Files.createTempDirectory(Path.of("target").toAbsolutePath(), "launch-");
        Path root = work.resolve("micro-root");
        String token = "first-build-" + UUID.randomUUID();
        Path firstWar = Files.createDirectories(work.resolve("first")).resolve("amends.war");
        writeWar(firstWar, token);

        int port = PostgresServer.freePort();
        Process first = launch(work, root, firstWar, port, work.resolve("first.log"));
        try {
            assertThat(awaitAnswer(first, port, "/", work.resolve("first.log"))).contains(token);
        } finally {
            stop(first);
        }
        assertThat(root.resolve("amends.jsa.new")).as("the class archive the first launch wrote as it stopped").isRegularFile();
        assertThat(root.resolve("applications/amends/index.html")).as("what Payara Micro keeps of the first build").exists();

        Path secondLog = work.resolve("second.log");
        Process second = launch(work, root, AmendsServer.serverDir().resolve("amends.war"), port, secondLog);
        try {
            String ready = awaitAnswer(second, port, "/health/ready", secondLog);
            assertThat(ready).contains("\"database\"");
            HttpResponse<String> signIn = get(port, "/login.xhtml");
            assertThat(signIn.statusCode()).isEqualTo(200);
            assertThat(signIn.body()).doesNotContain(token);
            assertThat(get(port, "/index.html").body()).doesNotContain(token);
            assertThat(Files.readString(secondLog)).doesNotContain("Exception while loading the app");
            try (Stream<Path> applications = Files.list(root.resolve("applications"))) {
                assertThat(applications.map(p -> p.getFileName().toString()).filter(n -> !n.startsWith("__")))
                        .containsExactly("amends");
            }
            assertThat(root.resolve("applications/amends/index.html")).doesNotExist();
            assertThat(root.resolve("applications/amends/WEB-INF/lib")).isDirectory();
            assertThat(root.resolve("amends.jsa")).as("checked and taken into use").isRegularFile();
            assertThat(root.resolve("amends.jsa.new")).doesNotExist();
        } finally {
            stop(second);
        }

        // OpenJDK 17 died with SIGSEGV in KlassFactory::check_shared_class_file_load_hook when Flight Recorder (or an
        // agent) watched class loading while classes came from the archive: such a launch goes the plain way.
        Path recordedLog = work.resolve("recorded.log");
        Process recorded = launch(work, root, AmendsServer.serverDir().resolve("amends.war"), port, recordedLog,
                JAVA_OPTS + " -XX:StartFlightRecording=filename=" + work.resolve("amends.jfr"));
        try {
            assertThat(awaitAnswer(recorded, port, "/health/ready", recordedLog)).contains("\"database\"");
            assertThat(recorded.info().arguments().map(List::of).orElseThrow())
                    .noneMatch(argument -> argument.startsWith("-XX:SharedArchiveFile"));
        } finally {
            stop(recorded);
        }
    }

    private static Process launch(Path work, Path root, Path war, int port, Path log) throws IOException {
        return launch(work, root, war, port, log, JAVA_OPTS);
    }

    private static Process launch(Path work, Path root, Path war, int port, Path log, String javaOptions) throws IOException {
        ProcessBuilder builder = new ProcessBuilder(List.of("bash", System.getProperty("amends.launcher", "../bin/amends"), "run"))
                .directory(work.toFile()).redirectErrorStream(true).redirectOutput(log.toFile());
        Map<String, String> env = builder.environment();
        env.put("AMENDS_WAR", war.toString());
        env.put("AMENDS_PAYARA_MICRO", AmendsServer.serverDir().resolve("payara-micro.jar").toString());
        env.put("AMENDS_MICRO_ROOT", root.toString());
        env.put("AMENDS_DATA_DIR", work.resolve("data").toString());
        env.put("AMENDS_PORT", String.valueOf(port));
        env.put("AMENDS_JAVA_OPTS", javaOptions);
        env.put("AMENDS_MODE", "demo");
        env.remove("AMENDS_DB_URL");
        env.remove("AMENDS_CLASS_ARCHIVE");
        return builder.start();
    }

    /** Waits until {@code path} answers 200 and returns the body; fails when the server exits first. */
    private static String awaitAnswer(Process server, int port, String path, Path log) throws Exception {
        long deadline = System.nanoTime() + READY.toNanos();
        while (System.nanoTime() < deadline) {
            assertThat(server.isAlive()).as("bin/amends run is still running; see %s", log).isTrue();
            try {
                HttpResponse<String> answer = get(port, path);
                if (answer.statusCode() == 200) {
                    return answer.body();
                }
            } catch (IOException notYet) {
                // still starting
            }
            Thread.sleep(300);
        }
        throw new AssertionError("No answer on " + path + " within " + READY + "; see " + log);
    }

    private static HttpResponse<String> get(int port, String path) throws IOException, InterruptedException {
        return HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build().send(
                HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path)).timeout(Duration.ofSeconds(10)).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    /** Stops as Ctrl-C does (the JVM shuts down, and the first launch writes its archive), waiting until it is gone. */
    private static void stop(Process server) throws InterruptedException {
        server.destroy();
        if (!server.waitFor(2, TimeUnit.MINUTES)) {
            server.destroyForcibly().waitFor();
        }
    }

    /** A WAR of one page, standing in for an earlier build of Amends: Payara Micro names it after the file, amends. */
    private static void writeWar(Path war, String token) throws IOException {
        try (OutputStream file = Files.newOutputStream(war); ZipOutputStream zip = new ZipOutputStream(file)) {
            zip.putNextEntry(new ZipEntry("index.html"));
            zip.write(("<!doctype html><title>first</title><p>" + token + "</p>\n").getBytes(UTF_8));
            zip.closeEntry();
            zip.putNextEntry(new ZipEntry("WEB-INF/web.xml"));
            zip.write("""
                    <?xml version="1.0" encoding="UTF-8"?>
                    <web-app xmlns="https://jakarta.ee/xml/ns/jakartaee" version="6.0"/>
                    """.getBytes(UTF_8));
            zip.closeEntry();
        }
    }
}
