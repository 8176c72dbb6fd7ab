package io.amends.system;

import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.json.JsonStructure;
import jakarta.json.JsonValue;
import java.io.IOException;
import java.io.StringReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A small HTTP client for the system tests: signs in once per user and speaks JSON to the running server.
 */
public final class Api {

    private static final HttpClient CLIENT = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5))
            .followRedirects(HttpClient.Redirect.NEVER).build();
    private static final Map<String, String> TOKENS = new HashMap<>();
    private static final Map<String, Long> TOKEN_TIMES = new HashMap<>();

    private final URI base;
    private final Map<String, String> headers;

    private Api(URI base, Map<String, String> headers) {
        this.base = base;
        this.headers = headers;
    }

    public static Api anonymous() {
        return new Api(AmendsServer.get().base(), Map.of());
    }

    /** Signed in to the shared server as a demo user (password {@code <user>-demo-2026}), with a token cached per user. */
    public static Api as(String username) {
        return as(AmendsServer.get().base(), username);
    }

    /** Signed in to the server at {@code base} (a test's own, see {@link AmendsServer#api}). */
    static Api as(URI base, String username) {
        String key = base + " " + username;
        String token;
        synchronized (TOKENS) {
            token = TOKENS.get(key);
            if (token != null && System.nanoTime() - TOKEN_TIMES.get(key) > java.util.concurrent.TimeUnit.MINUTES.toNanos(10)) {
                token = null; // tokens live 15 minutes
            }
            if (token == null) {
                Answer answer = new Api(base, Map.of()).post("/api/v1/auth/token",
                        "{\"username\":\"" + username + "\",\"password\":\"" + username + "-demo-2026\"}");
                if (answer.status() != 200) {
                    throw new IllegalStateException("Cannot sign in as " + username + ": " + answer);
                }
                token = answer.json().getString("access_token");
                TOKENS.put(key, token);
                TOKEN_TIMES.put(key, System.nanoTime());
            }
        }
        return new Api(base, Map.of("Authorization", "Bearer " + token));
    }

    /** The server's business clock (tests may have moved it forward). */
    public static java.time.Instant serverNow() {
        return java.time.Instant.parse(as("admin").get("/api/v1/clock").json().getString("now"));
    }

    public static Api withHeader(String name, String value) {
        return new Api(AmendsServer.get().base(), Map.of(name, value));
    }

    /** An HTTP answer: status, headers and body, with the body parsed as JSON on demand. */
    public record Answer(int status, Map<String, List<String>> headers, String body) {

        public JsonObject json() {
            return (JsonObject) structure();
        }

        public JsonArray array() {
            return (JsonArray) structure();
        }

        public JsonStructure structure() {
            try (var reader = Json.createReader(new StringReader(body))) {
                return reader.read();
            }
        }

        public Optional<String> header(String name) {
            return headers.entrySet().stream().filter(e -> e.getKey().equalsIgnoreCase(name))
                    .flatMap(e -> e.getValue().stream()).findFirst();
        }

        public String contentType() {
            return header("Content-Type").orElse("");
        }

        public boolean isProblem() {
            return contentType().startsWith("application/problem+json");
        }

        @Override
        public String toString() {
            return status + " " + (body.length() > 600 ? body.substring(0, 600) + "…" : body);
        }
    }

    public Answer get(String path) {
        return send(request(path).GET());
    }

    public Answer post(String path, String json) {
        return send(request(path).header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(json)));
    }

    public Answer post(String path, JsonValue json) {
        return post(path, json.toString());
    }

    public Answer put(String path, String json) {
        return send(request(path).header("Content-Type", "application/json").PUT(HttpRequest.BodyPublishers.ofString(json)));
    }

    public Answer delete(String path) {
        return send(request(path).DELETE());
    }

    public Answer send(String method, String path, String contentType, String body, String... extraHeaders) {
        HttpRequest.Builder builder = request(path);
        for (int i = 0; i + 1 < extraHeaders.length; i += 2) {
            builder.header(extraHeaders[i], extraHeaders[i + 1]);
        }
        if (contentType != null) {
            builder.header("Content-Type", contentType);
        }
        return send(builder.method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body)));
    }

    private HttpRequest.Builder request(String path) {
        HttpRequest.Builder builder = HttpRequest.newBuilder(base.resolve(path)).timeout(Duration.ofSeconds(60))
                .header("Accept", "application/json, application/problem+json");
        headers.forEach(builder::header);
        return builder;
    }

    private static Answer send(HttpRequest.Builder builder) {
        try {
            HttpResponse<String> response = CLIENT.send(builder.build(), HttpResponse.BodyHandlers.ofString());
            return new Answer(response.statusCode(), response.headers().map(), response.body());
        } catch (IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
