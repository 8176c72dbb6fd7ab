package io.amends.system;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.security.KeyFactory;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.security.Signature;
import java.security.spec.PKCS8EncodedKeySpec;
import java.sql.Connection;
import java.sql.ResultSet;
import java.time.Instant;
import java.util.Base64;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** The ground: health, API description, metrics closed, sign-in by token, and errors as problem documents. */
class FoundationIT {

    @Test
    void readinessAndLivenessReportTheDatabase() {
        for (String path : new String[] {"/health/ready", "/health/live"}) {
            Api.Answer answer = Api.anonymous().get(path);
            assertThat(answer.status()).as(path).isEqualTo(200);
            JsonObject check = answer.json().getJsonArray("checks").stream().map(v -> (JsonObject) v)
                    .filter(c -> c.getString("name").equals("database")).findFirst().orElseThrow();
            assertThat(check.getString("status")).isEqualTo("UP");
            assertThat(answer.body()).doesNotContain("jdbc:").doesNotContain("password");
        }
    }

    @Test
    void theApiDescriptionIsServed() {
        Api.Answer answer = Api.anonymous().get("/openapi");
        assertThat(answer.status()).isEqualTo(200);
        assertThat(answer.body()).contains("/api/v1/cases").contains("/api/v1/auth/token");
    }

    @Test
    void metricsGiveAnonymousCallersNothing() {
        Api.Answer metrics = Api.anonymous().send("GET", "/metrics", null, null, "Accept", "text/plain");
        assertThat(metrics.status()).as(metrics.toString()).isNotEqualTo(200);
        assertThat(metrics.status() == 302 ? metrics.header("Location").orElse("") : "/login.xhtml").contains("/login.xhtml");
        assertThat(metrics.body()).doesNotContain("amends").doesNotContain("jdbc");
    }

    @Test
    void anAccountManagersTokenListsTheDemoCases() {
        Api.Answer answer = Api.as("alice").get("/api/v1/cases?size=50");
        assertThat(answer.status()).as(answer.toString()).isEqualTo(200);
        assertThat(answer.json().getJsonNumber("total").longValue()).isGreaterThanOrEqualTo(5);
        assertThat(answer.json().getJsonArray("items").getJsonObject(0).getString("key")).matches("AMD-\\d{4}-\\d{6}");
    }

    @Test
    void aWrongPasswordIsRefusedWithAProblemAndNoToken() {
        Api.Answer answer = Api.anonymous().post("/api/v1/auth/token", "{\"username\":\"bob\",\"password\":\"not-bobs-password\"}");
        assertThat(answer.status()).isEqualTo(401);
        assertThat(answer.isProblem()).isTrue();
        assertThat(answer.body()).doesNotContain("access_token");
    }

    @Test
    void repeatedFailuresLockTheAccountEvenForTheRightPassword() {
        // maria is a demo user no other test signs in as
        for (int i = 0; i < 5; i++) {
            assertThat(Api.anonymous().post("/api/v1/auth/token", "{\"username\":\"maria\",\"password\":\"guess-" + i + "-xxxxx\"}")
                    .status()).isEqualTo(401);
        }
        Api.Answer rightPassword = Api.anonymous().post("/api/v1/auth/token",
                "{\"username\":\"maria\",\"password\":\"maria-demo-2026\"}");
        assertThat(rightPassword.status()).isEqualTo(401);
    }

    @Test
    void aForgedTokenIsRefused() {
        // alg "none" with an admin claim: the classic forgery
        Api.Answer answer = Api.withHeader("Authorization", "Bearer eyJhbGciOiJub25lIn0.eyJ1cG4iOiJhZG1pbiIsImdyb3VwcyI6WyJBRE1JTiJdfQ.")
                .get("/api/v1/cases");
        assertThat(answer.status()).isEqualTo(401);
        assertThat(answer.isProblem()).isTrue();
    }

    @Test
    void aTokenWithABadSignatureAForeignIssuerOrPastItsExpiryIsRefused() throws Exception {
        String real = Api.anonymous().post("/api/v1/auth/token", "{\"username\":\"alice\",\"password\":\"alice-demo-2026\"}")
                .json().getString("access_token");
        JsonObject claims = json(real.split("\\.")[1]);
        String issuer = claims.getString("iss");
        PrivateKey serverKey = serverSigningKey();
        long now = Instant.now().getEpochSecond();

        // the control: a token this test signs with the server's own key is accepted, so the refusals below are meaningful
        assertThat(bearer(sign(serverKey, issuer, now - 60, now + 600)).status()).isEqualTo(200);

        KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
        generator.initialize(2048);
        String[] parts = real.split("\\.");
        String adminClaims = B64.encodeToString(Json.createObjectBuilder(claims)
                .add("groups", Json.createArrayBuilder().add("ADMIN")).build().toString().getBytes(StandardCharsets.UTF_8));
        Map<String, String> refused = Map.of(
                "signed with another key", sign(generator.generateKeyPair().getPrivate(), issuer, now - 60, now + 600),
                "claims changed after signing", parts[0] + "." + adminClaims + "." + parts[2],
                "signature cut off", parts[0] + "." + parts[1] + ".",
                "a foreign issuer", sign(serverKey, "https://evil.example", now - 60, now + 600),
                "expired an hour ago", sign(serverKey, issuer, now - 7200, now - 3600));
        refused.forEach((why, token) -> {
            Api.Answer answer = bearer(token);
            assertThat(answer.status()).as(why).isEqualTo(401);
            assertThat(answer.isProblem()).as(why).isTrue();
            assertThat(answer.header("WWW-Authenticate")).as(why).hasValueSatisfying(v -> assertThat(v).startsWith("Bearer"));
        });
    }

    private static final Base64.Encoder B64 = Base64.getUrlEncoder().withoutPadding();

    private static Api.Answer bearer(String token) {
        return Api.withHeader("Authorization", "Bearer " + token).get("/api/v1/auth/me");
    }

    private static JsonObject json(String base64Url) {
        return Json.createReader(new StringReader(new String(Base64.getUrlDecoder().decode(base64Url), StandardCharsets.UTF_8)))
                .readObject();
    }

    private static PrivateKey serverSigningKey() throws Exception {
        try (Connection db = AmendsServer.get().openDatabase();
             ResultSet row = db.createStatement().executeQuery("select private_key from signing_key")) {
            assertThat(row.next()).isTrue();
            return KeyFactory.getInstance("RSA").generatePrivate(new PKCS8EncodedKeySpec(Base64.getDecoder().decode(row.getString(1))));
        }
    }

    /** A token shaped like the server's (MicroProfile JWT claims), for alice, signed by the given key. */
    private static String sign(PrivateKey key, String issuer, long issuedAt, long expires) throws Exception {
        String header = "{\"alg\":\"RS256\",\"typ\":\"JWT\",\"kid\":\"amends-1\"}";
        String claims = Json.createObjectBuilder().add("iss", issuer).add("sub", "alice").add("upn", "alice")
                .add("groups", Json.createArrayBuilder().add("ACCOUNT_MANAGER")).add("iat", issuedAt).add("exp", expires)
                .add("jti", UUID.randomUUID().toString()).build().toString();
        String input = B64.encodeToString(header.getBytes(StandardCharsets.UTF_8)) + "." + B64.encodeToString(claims.getBytes(StandardCharsets.UTF_8));
        Signature signer = Signature.getInstance("SHA256withRSA");
        signer.initSign(key);
        signer.update(input.getBytes(StandardCharsets.US_ASCII));
        return input + "." + B64.encodeToString(signer.sign());
    }

    @Test
    void anonymousCallersAreAskedToSignIn() {
        Api.Answer answer = Api.anonymous().get("/api/v1/cases");
        assertThat(answer.status()).isEqualTo(401);
        assertThat(answer.isProblem()).isTrue();
        assertThat(answer.header("WWW-Authenticate")).hasValueSatisfying(v -> assertThat(v).startsWith("Bearer"));
    }

    @Test
    void aRoleThatMayNotOpenCasesGets403() {
        Api.Answer answer = Api.as("carol").post("/api/v1/cases", "{}");
        assertThat(answer.status()).isEqualTo(403);
        assertThat(answer.json().getString("detail")).contains("ACCOUNT_MANAGER");
    }

    @Test
    void malformedJsonIs400WithAProblem() {
        Api.Answer answer = Api.as("alice").post("/api/v1/cases", "{\"title\": ");
        assertThat(answer.status()).isEqualTo(400);
        assertThat(answer.isProblem()).isTrue();
        assertThat(answer.body()).doesNotContain("Exception").doesNotContain("at io.amends");
    }

    @Test
    void aWrongTypeIs400() {
        Api.Answer answer = Api.as("alice").post("/api/v1/cases", "{\"accountId\": \"twelve\"}");
        assertThat(answer.status()).isEqualTo(400);
        assertThat(answer.isProblem()).isTrue();
    }

    @Test
    void aMissingBodyIs400() {
        Api.Answer answer = Api.as("alice").send("POST", "/api/v1/cases", "application/json", "");
        assertThat(answer.status()).isEqualTo(400);
        assertThat(answer.isProblem()).isTrue();
        // no body and no content type at all is the client's mistake too
        Api.Answer bare = Api.as("alice").send("POST", "/api/v1/cases", null, null);
        assertThat(bare.status()).as(bare.toString()).isEqualTo(400);
        assertThat(bare.isProblem()).isTrue();
        assertThat(bare.json().getString("detail")).isNotBlank();
    }

    @Test
    void validationNamesTheOffendingFields() {
        Api.Answer answer = Api.as("alice").post("/api/v1/cases", "{\"title\": \"\"}");
        assertThat(answer.status()).isEqualTo(400);
        assertThat(answer.json().getJsonArray("errors").stream().map(v -> ((JsonObject) v).getString("field")))
                .contains("title", "accountId", "severity");
    }

    @Test
    void anUnknownIdIs404() {
        Api.Answer answer = Api.as("alice").get("/api/v1/cases/987654321");
        assertThat(answer.status()).isEqualTo(404);
        assertThat(answer.isProblem()).isTrue();
        assertThat(answer.json().getString("detail")).contains("987654321");
    }

    @Test
    void theLoginPageShows() {
        Api.Answer page = Api.anonymous().get("/login.xhtml");
        assertThat(page.status()).isEqualTo(200);
        assertThat(page.body()).contains("Sign in to Amends");
    }

    @Test
    void aProtectedPageSendsAnonymousVisitorsToTheLoginPage() {
        Api.Answer page = Api.anonymous().get("/staff/index.xhtml");
        assertThat(page.status()).isEqualTo(302);
        assertThat(page.header("Location")).hasValueSatisfying(l -> assertThat(l).contains("/login.xhtml"));
    }

    @Test
    void hammeringOneAccountsSignInIsSlowedDownWithRetryAfter() {
        String nobody = "nobody-" + System.nanoTime();
        Api.Answer last = null;
        for (int i = 0; i < 25; i++) {
            last = Api.anonymous().post("/api/v1/auth/token", "{\"username\":\"" + nobody + "\",\"password\":\"guess-guess-" + i + "\"}");
            if (last.status() == 429) {
                break;
            }
        }
        assertThat(last.status()).isEqualTo(429);
        assertThat(last.isProblem()).isTrue();
        assertThat(last.header("Retry-After")).hasValueSatisfying(v -> assertThat(Long.parseLong(v)).isBetween(1L, 60L));
    }

    @Test
    void pagesAndAnswersCarrySecurityHeaders() {
        Api.Answer page = Api.anonymous().get("/login.xhtml");
        assertThat(page.header("Content-Security-Policy")).hasValueSatisfying(v -> assertThat(v).contains("frame-ancestors 'none'"));
        assertThat(page.header("X-Content-Type-Options")).hasValue("nosniff");
        assertThat(page.header("Set-Cookie")).hasValueSatisfying(c -> assertThat(c).containsIgnoringCase("HttpOnly")
                .containsIgnoringCase("SameSite"));
        assertThat(Api.anonymous().get("/api/v1/cases").header("X-Content-Type-Options")).hasValue("nosniff");
    }
}
