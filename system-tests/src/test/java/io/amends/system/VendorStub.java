package io.amends.system;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The florist and the handwritten-card service for the system tests: a small HTTP server on a free local port that
 * takes orders like the real APIs, honours {@code Idempotency-Key} (the same key gets the same order), and records
 * every request. Started once per JVM, before the application, which {@link #environment()} points at it.
 *
 * <p>A card message containing {@code [stub-rejects]} is refused with 422.
 */
final class VendorStub {

    private static VendorStub instance;

    /** One request the vendor received. */
    record Received(String method, String path, String idempotencyKey, String authorization, String body) {
    }

    private final HttpServer server;
    private final List<Received> received = new CopyOnWriteArrayList<>();
    private final Map<String, String> ordersByKey = new ConcurrentHashMap<>();
    private final AtomicInteger sequence = new AtomicInteger(100);

    private VendorStub(HttpServer server) {
        this.server = server;
    }

    static synchronized VendorStub get() {
        if (instance == null) {
            try {
                HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
                instance = new VendorStub(server);
                server.createContext("/florist/api/orders", exchange -> instance.handle(exchange, "FL-", "id"));
                server.createContext("/handwrytten/v2/orders", exchange -> instance.handle(exchange, "HW-", "orderId"));
                server.start();
                Runtime.getRuntime().addShutdownHook(new Thread(() -> server.stop(0)));
            } catch (IOException e) {
                throw new IllegalStateException("Cannot start the vendor stub", e);
            }
        }
        return instance;
    }

    URI base() {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort());
    }

    /** What the application needs to use this stub instead of the vendors' real sites. */
    Map<String, String> environment() {
        return Map.of(
                "AMENDS_VENDOR_FLORIST_BASE_URL", base() + "/florist/api",
                "AMENDS_VENDOR_HANDWRYTTEN_BASE_URL", base() + "/handwrytten/v2");
    }

    List<Received> received(String pathPrefix) {
        return received.stream().filter(r -> r.path().startsWith(pathPrefix)).toList();
    }

    private void handle(HttpExchange exchange, String prefix, String idField) throws IOException {
        String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
        String path = exchange.getRequestURI().getPath();
        String key = exchange.getRequestHeaders().getFirst("Idempotency-Key");
        received.add(new Received(exchange.getRequestMethod(), path, key, exchange.getRequestHeaders().getFirst("Authorization"), body));
        String tail = path.substring(exchange.getHttpContext().getPath().length());
        if ("POST".equals(exchange.getRequestMethod()) && tail.isEmpty()) {
            if (body.contains("[stub-rejects]")) {
                answer(exchange, 422, "{\"error\":\"we do not deliver this\"}");
                return;
            }
            String id = ordersByKey.computeIfAbsent(key == null ? "none-" + sequence.get() : key, k -> prefix + sequence.incrementAndGet());
            answer(exchange, 201, "{\"" + idField + "\":\"" + id + "\",\"status\":\"received\"}");
        } else if ("GET".equals(exchange.getRequestMethod()) && tail.matches("/[^/]+")) {
            answer(exchange, 200, "{\"" + idField + "\":\"" + tail.substring(1) + "\",\"status\":\"received\"}");
        } else if ("POST".equals(exchange.getRequestMethod()) && tail.endsWith("/cancel")) {
            answer(exchange, 204, null);
        } else {
            answer(exchange, 404, "{\"error\":\"no such thing\"}");
        }
    }

    private static void answer(HttpExchange exchange, int status, String json) throws IOException {
        if (json == null) {
            exchange.sendResponseHeaders(status, -1);
            exchange.close();
            return;
        }
        byte[] bytes = json.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().add("Content-Type", "application/json");
        exchange.sendResponseHeaders(status, bytes.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(bytes);
        }
    }
}
