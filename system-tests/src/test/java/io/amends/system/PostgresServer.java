package io.amends.system;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * A throwaway PostgreSQL server for the tests: {@code initdb} into a temporary folder, {@code pg_ctl start} on a free
 * loopback port, {@code pg_ctl stop} at the end. As root (CI), the server runs as the {@code postgres} user.
 */
final class PostgresServer {

    private final Path dataDir;
    private final Path bin;
    private final int port;
    private final boolean root;

    private PostgresServer(Path dataDir, Path bin, int port) {
        this.dataDir = dataDir;
        this.bin = bin;
        this.port = port;
        this.root = "root".equals(System.getProperty("user.name"));
    }

    static PostgresServer start(Path workDir) throws IOException, InterruptedException {
        Path bin = findBin();
        Path data = Files.createTempDirectory("amends-pg-");
        PostgresServer server = new PostgresServer(data, bin, freePort());
        server.boot(workDir);
        return server;
    }

    private static Path findBin() {
        String configured = System.getenv("AMENDS_PG_BIN");
        if (configured != null) {
            return Path.of(configured);
        }
        for (String version : List.of("17", "16", "15", "14")) {
            Path candidate = Path.of("/usr/lib/postgresql", version, "bin");
            if (Files.isExecutable(candidate.resolve("initdb"))) {
                return candidate;
            }
        }
        throw new IllegalStateException("No PostgreSQL server binaries found under /usr/lib/postgresql; "
                + "bin/amends test installs them (apt-get install postgresql)");
    }

    static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    private void boot(Path workDir) throws IOException, InterruptedException {
        if (root) {
            run(List.of("chown", "postgres:postgres", dataDir.toString()), false);
        }
        run(List.of(bin.resolve("initdb").toString(), "-D", dataDir.toString(), "-U", "amends", "--auth=trust",
                "-E", "UTF8", "--locale=C.UTF-8"), true);
        Path log = dataDir.resolve("server.log");
        run(List.of(bin.resolve("pg_ctl").toString(), "-D", dataDir.toString(), "-l", log.toString(), "-w", "-t", "60",
                "-o", "-p " + port + " -h 127.0.0.1 -k " + dataDir + " -c fsync=off -c max_connections=200", "start"), true);
        run(List.of(bin.resolve("createdb").toString(), "-h", "127.0.0.1", "-p", String.valueOf(port), "-U", "amends", "amends"), true);
    }

    String jdbcUrl() {
        return "jdbc:postgresql://127.0.0.1:" + port + "/amends";
    }

    void stop() {
        try {
            run(List.of(bin.resolve("pg_ctl").toString(), "-D", dataDir.toString(), "-m", "fast", "-w", "stop"), true);
        } catch (IOException | InterruptedException e) {
            // the JVM is going away; the temp folder is left for the OS
        }
    }

    private void run(List<String> command, boolean asPostgres) throws IOException, InterruptedException {
        List<String> full = new ArrayList<>();
        if (root && asPostgres) {
            full.addAll(List.of("runuser", "-u", "postgres", "--"));
        }
        full.addAll(command);
        Process process = new ProcessBuilder(full).redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(Path.of(System.getProperty("java.io.tmpdir"), "amends-pg.log").toFile()))
                .start();
        if (!process.waitFor(120, TimeUnit.SECONDS) || process.exitValue() != 0) {
            throw new IllegalStateException("Failed: " + String.join(" ", full) + " (see " + System.getProperty("java.io.tmpdir")
                    + "/amends-pg.log)");
        }
    }
}
