package io.amends.system;

import java.io.IOException;
import java.net.CookieManager;
import java.net.CookiePolicy;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * A browser without a browser: signs in through the Faces login form (view state, field names and the session
 * cookie, as a browser would) and fetches pages, so that page-level tenant isolation is checked over plain HTTP.
 */
final class PortalSession {

    private static final Pattern VIEW_STATE = Pattern.compile("name=\"jakarta\\.faces\\.ViewState\"[^>]*value=\"([^\"]+)\"");
    private static final Pattern FORM = Pattern.compile("<form[^>]*id=\"([^\"]+)\"[^>]*action=\"([^\"]+)\"");

    private final URI base;
    private final HttpClient client;

    /** A page: its status, the URL it ended at and its HTML. */
    record Page(int status, URI uri, String html) {
    }

    private PortalSession(URI base) {
        this.base = base;
        CookieManager cookies = new CookieManager(null, CookiePolicy.ACCEPT_ALL);
        this.client = HttpClient.newBuilder().cookieHandler(cookies).followRedirects(HttpClient.Redirect.NORMAL)
                .connectTimeout(Duration.ofSeconds(5)).build();
    }

    /** Signs in as a user (password {@code <user>-demo-2026}) through the login form. */
    static PortalSession signIn(String username) {
        PortalSession session = new PortalSession(AmendsServer.get().base());
        Page login = session.get("/login.xhtml");
        Matcher state = VIEW_STATE.matcher(login.html());
        Matcher form = FORM.matcher(login.html());
        if (!state.find() || !form.find()) {
            throw new IllegalStateException("No login form in " + login.html());
        }
        String id = form.group(1);
        Map<String, String> fields = new LinkedHashMap<>();
        fields.put(id, id);
        fields.put(id + ":username", username);
        fields.put(id + ":password", username + "-demo-2026");
        fields.put(id + ":submit", "Sign in");
        fields.put("jakarta.faces.ViewState", unescape(state.group(1)));
        Page after = session.post(unescape(form.group(2)), fields);
        if (after.uri().getPath().startsWith("/login")) {
            throw new IllegalStateException("Signing in as " + username + " failed: " + after.status());
        }
        return session;
    }

    Page get(String path) {
        return send(HttpRequest.newBuilder(base.resolve(path)).GET());
    }

    Page post(String path, Map<String, String> fields) {
        String form = fields.entrySet().stream().map(e -> URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8) + "="
                + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8)).collect(Collectors.joining("&"));
        return send(HttpRequest.newBuilder(base.resolve(path)).header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form)));
    }

    private Page send(HttpRequest.Builder request) {
        try {
            HttpResponse<String> response = client.send(request.timeout(Duration.ofSeconds(60)).build(), HttpResponse.BodyHandlers.ofString());
            return new Page(response.statusCode(), response.uri(), response.body());
        } catch (IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static String unescape(String html) {
        return html.replace("&amp;", "&").replace("&#58;", ":").replace("&quot;", "\"");
    }
}
