package io.amends.system;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.stream.IntStream;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Fulfillment over HTTP: the catalog, gift orders through the outbox to the simulated vendor (and to a stub florist
 * where the server is pointed at it), signed vendor callbacks, and discount codes validated and redeemed by a storefront
 * with its API key, exactly once under concurrency.
 */
class FulfillmentIT {

    /** The demo defaults of microprofile-config.properties; a demo server accepts callbacks signed with them. */
    static final String SIMULATED_SECRET = "demo-simulated-callback-secret";
    static final String FLORIST_SECRET = "demo-florist-callback-secret";
    static final String BERLIN = "{\"name\":\"Erika Muster\",\"street\":\"Hauptstraße 1\",\"postalCode\":\"10115\",\"city\":\"Berlin\","
            + "\"country\":\"DE\",\"email\":\"erika@example.com\"}";

    private static final Api admin = Api.as("admin");
    private static Api storefront;
    private static ExecutorService pool;

    @BeforeAll
    static void storefrontKey() {
        Api.Answer issued = admin.post("/api/v1/admin/api-keys", "{\"name\":\"shop-" + UUID.randomUUID().toString().substring(0, 8)
                + "\",\"role\":\"STOREFRONT\"}");
        assertThat(issued.status()).as(issued.toString()).isEqualTo(201);
        storefront = Api.withHeader("X-Api-Key", issued.json().getString("secret"));
        pool = Executors.newFixedThreadPool(20);
    }

    @AfterAll
    static void stopPool() {
        pool.shutdownNow();
    }

    // --- the catalog ------------------------------------------------------------------------------------------------

    @Test
    void staffListTheDemoCatalogByKindAndCountry() {
        Api.Answer flowersInGermany = Api.as("alice").get("/api/v1/catalog?kind=FLOWERS&country=de");
        assertThat(flowersInGermany.status()).as(flowersInGermany.toString()).isEqualTo(200);
        List<JsonObject> items = flowersInGermany.array().getValuesAs(JsonObject.class);
        assertThat(items).isNotEmpty().allSatisfy(i -> {
            assertThat(i.getString("kind")).isEqualTo("FLOWERS");
            assertThat(i.getJsonArray("countries").getValuesAs(jakarta.json.JsonString.class).stream().map(jakarta.json.JsonString::getString))
                    .contains("DE");
        });
        assertThat(items).extracting(i -> i.getString("vendor")).contains("simulated", "florist");

        List<JsonObject> everything = Api.as("carol").get("/api/v1/catalog").array().getValuesAs(JsonObject.class);
        assertThat(everything).extracting(i -> i.getString("kind")).contains("FLOWERS", "CHOCOLATES", "HANDWRITTEN_CARD");
        assertThat(everything).extracting(i -> i.getString("currency")).contains("EUR", "GBP", "USD");
        assertThat(Api.as("alice").get("/api/v1/catalog?kind=TULIPS").status()).isEqualTo(400);
    }

    @Test
    void anAdministratorAddsAndRetiresAnItemAndOthersMayNot() {
        String body = "{\"kind\":\"CHOCOLATES\",\"name\":\"Truffles " + UUID.randomUUID() + "\",\"vendor\":\"simulated\",\"sku\":\"SIM-TRUFFLES\","
                + "\"priceMinor\":2900,\"currency\":\"EUR\",\"countries\":[\"DE\",\"at\"]}";
        assertThat(Api.as("alice").post("/api/v1/catalog", body).status()).isEqualTo(403);
        assertThat(admin.post("/api/v1/catalog", body.replace("simulated", "acme-gifts")).status()).isEqualTo(400);

        Api.Answer added = admin.post("/api/v1/catalog", body);
        assertThat(added.status()).as(added.toString()).isEqualTo(201);
        long id = added.json().getJsonNumber("id").longValue();
        assertThat(Api.as("alice").get("/api/v1/catalog?country=AT").body()).contains("\"id\":" + id);

        Api.Answer retired = admin.put("/api/v1/catalog/" + id, body.replace("}", ",\"active\":false}"));
        assertThat(retired.status()).as(retired.toString()).isEqualTo(200);
        assertThat(retired.json().getBoolean("active")).isFalse();
        assertThat(Api.as("alice").get("/api/v1/catalog?country=AT").body()).doesNotContain("\"id\":" + id + ",");
        assertThat(admin.get("/api/v1/audit?action=CATALOG_ITEM_ADDED&actor=admin&size=500").body()).contains("Catalog item " + id);
    }

    // --- gift orders through the outbox -----------------------------------------------------------------------------

    @Test
    void aGiftToTheSimulatedVendorIsSentByTheOutboxAndDeliveredStepByStep() {
        long order = testOrder("simulated", 1, "We are sorry we billed you twice.");
        JsonObject submitted = awaitStatus(order, "SUBMITTED");
        assertThat(submitted.getString("vendorOrderId")).startsWith("SIM-");

        for (String next : List.of("ACCEPTED", "SHIPPED", "DELIVERED")) {
            advanceClock("PT31S");
            awaitStatus(order, next);
        }
        JsonObject delivered = admin.get("/api/v1/orders/" + order).json();
        assertThat(delivered.getJsonArray("history").getValuesAs(JsonObject.class)).extracting(h -> h.getString("to"))
                .containsSubsequence("PENDING", "SUBMITTED", "ACCEPTED", "SHIPPED", "DELIVERED");
        assertThat(delivered.get("nextAttemptAt")).isIn(null, jakarta.json.JsonValue.NULL);
    }

    @Test
    void anOrderTheVendorRejectsFailsAtOnceWithTheReason() {
        long order = testOrder("simulated", 4, "Sorry! [reject]");

        JsonObject failed = awaitStatus(order, "FAILED");

        assertThat(failed.getInt("attempts")).isZero();
        assertThat(failed.getJsonArray("history").getValuesAs(JsonObject.class)).extracting(h -> h.getString("detail"))
                .anySatisfy(d -> assertThat(d).contains("rejected"));
    }

    @Test
    void aLostCallbackIsMadeUpByAskingTheVendor() {
        long order = testOrder("simulated", 5, "Dear Erika, we are sorry. [lost-callback]");
        awaitStatus(order, "SUBMITTED");
        advanceClock("PT31S");
        sleep(Duration.ofSeconds(6)); // the simulated vendor moves on, but its callback is lost
        assertThat(admin.get("/api/v1/orders/" + order).json().getString("status")).isEqualTo("SUBMITTED");

        advanceClock("PT16M"); // past the status query interval
        JsonObject asked = awaitStatusIn(order, List.of("ACCEPTED", "SHIPPED", "DELIVERED"));

        assertThat(asked.getJsonArray("history").getValuesAs(JsonObject.class)).extracting(h -> h.getString("detail"))
                .anySatisfy(d -> assertThat(d).contains("simulated reports"));
    }

    @Test
    void aTestOrderOfAnotherVendorsItemIsRefused() {
        Api.Answer wrong = admin.post("/api/v1/vendors/florist/test-orders", "{\"catalogItemId\":1,\"recipient\":" + BERLIN + "}");
        assertThat(wrong.status()).as(wrong.toString()).isEqualTo(400);
        assertThat(Api.as("alice").post("/api/v1/vendors/simulated/test-orders", "{\"catalogItemId\":1,\"recipient\":" + BERLIN + "}")
                .status()).isEqualTo(403);
    }

    // --- vendor callbacks ---------------------------------------------------------------------------------------------

    @Test
    void signedCallbacksMoveAnOrderOnAndDuplicatesOrBackwardsNewsChangeNothing() {
        long order = testOrder("simulated", 1, "We are sorry.");
        String vendorOrderId = awaitStatus(order, "SUBMITTED").getString("vendorOrderId");

        Api.Answer shipped = callback("simulated", SIMULATED_SECRET, vendorOrderId, "dispatched", Instant.now());
        assertThat(shipped.status()).as(shipped.toString()).isEqualTo(200);
        assertThat(shipped.json().getString("outcome")).isEqualTo("applied");
        assertThat(shipped.json().getString("status")).isEqualTo("SHIPPED");

        Api.Answer again = callback("simulated", SIMULATED_SECRET, vendorOrderId, "dispatched", Instant.now());
        assertThat(again.status()).isEqualTo(200);
        assertThat(again.json().getString("outcome")).isEqualTo("ignored");
        assertThat(again.json().getString("detail")).startsWith("ignored: duplicate");

        Api.Answer backwards = callback("simulated", SIMULATED_SECRET, vendorOrderId, "confirmed", Instant.now());
        assertThat(backwards.json().getString("detail")).startsWith("ignored: backwards");
        assertThat(admin.get("/api/v1/orders/" + order).json().getString("status")).isEqualTo("SHIPPED");

        Api.Answer unknown = callback("simulated", SIMULATED_SECRET, "SIM-999999999", "delivered", Instant.now());
        assertThat(unknown.status()).isEqualTo(404);
        assertThat(unknown.isProblem()).isTrue();
    }

    @Test
    void forgedStaleOrUnsignedCallbacksAreRefused() {
        long order = testOrder("simulated", 1, "We are sorry.");
        String vendorOrderId = awaitStatus(order, "SUBMITTED").getString("vendorOrderId");

        Api.Answer forged = callback("simulated", "guessed-secret", vendorOrderId, "delivered", Instant.now());
        Api.Answer stale = callback("simulated", SIMULATED_SECRET, vendorOrderId, "delivered", Instant.now().minus(Duration.ofMinutes(6)));
        Api.Answer unsigned = Api.anonymous().post("/api/v1/vendors/simulated/callbacks",
                "{\"orderId\":\"" + vendorOrderId + "\",\"status\":\"delivered\"}");
        Api.Answer unknownVendor = callback("acme-gifts", SIMULATED_SECRET, vendorOrderId, "delivered", Instant.now());
        String body = "{\"orderId\":\"" + vendorOrderId + "\",\"status\":\"dispatched\"}";
        String stamp = String.valueOf(Instant.now().getEpochSecond());
        Api.Answer tampered = Api.anonymous().send("POST", "/api/v1/vendors/simulated/callbacks", "application/json",
                body.replace("dispatched", "delivered"), "X-Amends-Timestamp", stamp, "X-Amends-Signature", sign(SIMULATED_SECRET, stamp, body));

        for (Api.Answer refused : List.of(forged, stale, unsigned, unknownVendor, tampered)) {
            assertThat(refused.status()).as(refused.toString()).isEqualTo(401);
            assertThat(refused.isProblem()).isTrue();
        }
        assertThat(admin.get("/api/v1/orders/" + order).json().getString("status")).isEqualTo("SUBMITTED");
    }

    @Test
    void aFloristOrderReachesTheVendorOnceWithItsIdempotencyKeyAndTheFloristsCallbackIsApplied() {
        VendorStub stub = VendorStub.get();
        String floristUrl = admin.get("/api/v1/vendors").array().getValuesAs(JsonObject.class).stream()
                .filter(v -> v.getString("name").equals("florist")).findFirst().orElseThrow().getString("baseUrl");
        assumeTrue(floristUrl.startsWith(stub.base().toString()),
                "the server is not pointed at the vendor stub (AmendsServer puts VendorStub.get().environment() in its environment)");
        int before = stub.received("/florist/api/orders").size();

        long order = testOrder("florist", 7, "With our apologies for the late delivery.");
        String vendorOrderId = awaitStatus(order, "SUBMITTED").getString("vendorOrderId");

        List<VendorStub.Received> sent = stub.received("/florist/api/orders").subList(before, stub.received("/florist/api/orders").size());
        assertThat(sent).singleElement().satisfies(r -> {
            assertThat(r.idempotencyKey()).startsWith("vendor-test:");
            assertThat(r.authorization()).isEqualTo("Bearer demo-florist-token");
            assertThat(r.body()).contains("\"sku\":\"FL-SEASONAL-M\"").contains("\"cardMessage\":\"With our apologies for the late delivery.\"");
        });
        Api.Answer delivered = callback("florist", FLORIST_SECRET, vendorOrderId, "delivered", Instant.now());
        assertThat(delivered.json().getString("status")).as(delivered.toString()).isEqualTo("DELIVERED");
    }

    // --- discount codes -----------------------------------------------------------------------------------------------

    @Test
    void aGoodwillCodeIsIssuedByAnAdministratorAuditedAndValidatedByTheStorefront() {
        JsonObject code = goodwill(1500, 3, Duration.ofDays(30));
        String canonical = code.getString("code");
        assertThat(canonical).matches("AMD-[2-9A-Z]{4}-[2-9A-Z]{4}-[2-9A-Z]{4}-[2-9A-Z]{2}");

        JsonObject valid = storefront.get("/api/v1/discount-codes/validate?code=" + canonical.toLowerCase().replace("-", "%20")).json();
        assertThat(valid.getString("status")).isEqualTo("VALID");
        assertThat(valid.getString("code")).isEqualTo(canonical);
        assertThat(valid.getString("type")).isEqualTo("AMOUNT");
        assertThat(valid.getJsonNumber("value").longValue()).isEqualTo(1500);
        assertThat(valid.getString("currency")).isEqualTo("EUR");
        assertThat(valid.getInt("remaining")).isEqualTo(3);

        JsonObject typo = storefront.post("/api/v1/discount-codes/validate", "{\"code\":\"" + oneSymbolChanged(canonical) + "\"}").json();
        assertThat(typo.getString("status")).isEqualTo("UNKNOWN");
        assertThat(typo.containsKey("value") && !typo.isNull("value")).isFalse();

        assertThat(admin.get("/api/v1/audit?action=GOODWILL_CODE_ISSUED&actor=admin&size=500").body())
                .contains(canonical.substring(0, 8)).doesNotContain(canonical);
    }

    @Test
    void redeemingIsIdempotentPerStorefrontOrder() {
        String code = goodwill(1000, 3, Duration.ofDays(30)).getString("code");

        Api.Answer first = redeem(code, "order-1001");
        Api.Answer again = redeem(code, "order-1001");
        Api.Answer other = redeem(code, "order-1002");

        assertThat(first.status()).as(first.toString()).isEqualTo(201);
        assertThat(first.json().getString("outcome")).isEqualTo("REDEEMED");
        assertThat(again.status()).as(again.toString()).isEqualTo(200);
        assertThat(again.json().getString("outcome")).isEqualTo("ALREADY_REDEEMED");
        assertThat(again.json().getInt("redemptionNumber")).isEqualTo(first.json().getInt("redemptionNumber")).isEqualTo(1);
        assertThat(other.json().getInt("redemptionNumber")).isEqualTo(2);
        assertThat(storefront.get("/api/v1/discount-codes/validate?code=" + code).json().getInt("remaining")).isEqualTo(1);
    }

    @Test
    void twentyConcurrentRedemptionsOfASingleUseCodeSucceedExactlyOnce() {
        String code = goodwill(500, 1, Duration.ofDays(30)).getString("code");

        List<CompletableFuture<Api.Answer>> attempts = IntStream.range(0, 20)
                .mapToObj(i -> CompletableFuture.supplyAsync(() -> redeem(code, "race-" + i), pool)).toList();
        List<Api.Answer> answers = attempts.stream().map(CompletableFuture::join).toList();

        assertThat(answers).filteredOn(a -> a.status() == 201).hasSize(1);
        assertThat(answers).filteredOn(a -> a.status() != 201).hasSize(19).allSatisfy(a -> {
            assertThat(a.status()).as(a.toString()).isEqualTo(409);
            assertThat(a.body()).contains("code-used-up");
        });
        assertThat(storefront.get("/api/v1/discount-codes/validate?code=" + code).json().getString("status")).isEqualTo("USED_UP");
    }

    @Test
    void anExpiredOrUnknownCodeIsNotRedeemed() {
        String code = goodwill(10, 5, Duration.ofMinutes(2)).getString("code");
        advanceClock("PT3M");

        assertThat(storefront.get("/api/v1/discount-codes/validate?code=" + code).json().getString("status")).isEqualTo("EXPIRED");
        Api.Answer expired = redeem(code, "late-order");
        assertThat(expired.status()).isEqualTo(409);
        assertThat(expired.body()).contains("code-expired");
        Api.Answer unknown = redeem(oneSymbolChanged(code), "any-order");
        assertThat(unknown.status()).isEqualTo(404);
        assertThat(unknown.isProblem()).isTrue();
    }

    @Test
    void aStorefrontKeyCannotCallStaffEndpointsAndStaffCannotRedeem() {
        String code = goodwill(500, 1, Duration.ofDays(30)).getString("code");

        assertThat(storefront.get("/api/v1/cases").status()).isEqualTo(403);
        assertThat(storefront.get("/api/v1/catalog").status()).isEqualTo(403);
        assertThat(storefront.post("/api/v1/discount-codes", goodwillBody(500, 1, Instant.now().plusSeconds(3600))).status()).isEqualTo(403);
        assertThat(admin.post("/api/v1/discount-codes/" + code + "/redemptions", "{\"orderReference\":\"staff-order\"}").status()).isEqualTo(403);
        assertThat(Api.as("alice").get("/api/v1/discount-codes/validate?code=" + code).status()).isEqualTo(403);
        assertThat(Api.anonymous().get("/api/v1/discount-codes/validate?code=" + code).status()).isEqualTo(401);
        assertThat(Api.withHeader("X-Api-Key", "amk_not-a-key").get("/api/v1/discount-codes/validate?code=" + code).status()).isEqualTo(401);
        assertThat(storefront.get("/api/v1/discount-codes/validate?code=" + code).json().getInt("remaining")).isEqualTo(1);
    }

    @Test
    void nonsenseIsRefusedWithAProblemAndChangesNothing() {
        String code = goodwill(500, 1, Duration.ofDays(30)).getString("code");

        Api.Answer nul = storefront.post("/api/v1/discount-codes/" + code + "/redemptions",
                Json.createObjectBuilder().add("orderReference", "order-\u0000-1").build());
        Api.Answer forever = admin.post("/api/v1/discount-codes", goodwillBody(500, 1, Instant.parse("+999999999-12-31T00:00:00Z")));
        Api.Answer percentTooHigh = admin.post("/api/v1/discount-codes", "{\"type\":\"PERCENT\",\"value\":120,\"expiresAt\":\""
                + Api.serverNow().plusSeconds(3600) + "\",\"redemptionLimit\":1,\"reason\":\"Too generous\"}");

        for (Api.Answer refused : List.of(nul, forever, percentTooHigh)) {
            assertThat(refused.status()).as(refused.toString()).isEqualTo(400);
            assertThat(refused.isProblem()).isTrue();
        }
        assertThat(storefront.get("/api/v1/discount-codes/validate?code=" + code).json().getInt("remaining")).isEqualTo(1);
    }

    // --- helpers --------------------------------------------------------------------------------------------------------

    private static long testOrder(String vendor, long catalogItemId, String message) {
        Api.Answer placed = admin.post("/api/v1/vendors/" + vendor + "/test-orders",
                "{\"catalogItemId\":" + catalogItemId + ",\"recipient\":" + BERLIN + ",\"message\":" + Json.createValue(message) + "}");
        assertThat(placed.status()).as(placed.toString()).isEqualTo(201);
        assertThat(placed.json().getString("status")).isEqualTo("PENDING");
        return placed.json().getJsonNumber("orderId").longValue();
    }

    private static JsonObject awaitStatus(long order, String status) {
        return awaitStatusIn(order, List.of(status));
    }

    /** Waits for the outbox (every 5 s) and the simulated vendor (every 5 s) to get there; no timing is asserted. */
    private static JsonObject awaitStatusIn(long order, List<String> statuses) {
        long deadline = System.nanoTime() + Duration.ofSeconds(45).toNanos();
        JsonObject last = null;
        while (System.nanoTime() < deadline) {
            last = admin.get("/api/v1/orders/" + order).json();
            if (statuses.contains(last.getString("status"))) {
                return last;
            }
            sleep(Duration.ofMillis(500));
        }
        throw new AssertionError("Order " + order + " did not reach " + statuses + ": " + last);
    }

    private static void advanceClock(String by) {
        assertThat(admin.post("/api/v1/clock/advance", "{\"by\":\"" + by + "\"}").status()).isEqualTo(200);
    }

    private static Api.Answer callback(String vendor, String secret, String vendorOrderId, String status, Instant at) {
        String body = "{\"orderId\":\"" + vendorOrderId + "\",\"status\":\"" + status + "\",\"detail\":\"from the test\"}";
        String stamp = String.valueOf(at.getEpochSecond());
        return Api.anonymous().send("POST", "/api/v1/vendors/" + vendor + "/callbacks", "application/json", body,
                "X-Amends-Timestamp", stamp, "X-Amends-Signature", sign(secret, stamp, body));
    }

    static String sign(String secret, String timestamp, String body) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            return "sha256=" + HexFormat.of().formatHex(mac.doFinal((timestamp + "." + body).getBytes(StandardCharsets.UTF_8)));
        } catch (java.security.GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String goodwillBody(long cents, int limit, Instant expiresAt) {
        return "{\"type\":\"AMOUNT\",\"value\":" + cents + ",\"currency\":\"EUR\",\"expiresAt\":\"" + expiresAt + "\",\"redemptionLimit\":"
                + limit + ",\"reason\":\"Goodwill after the outage of 24 November\",\"reference\":\"it-" + UUID.randomUUID() + "\"}";
    }

    private static JsonObject goodwill(long cents, int limit, Duration validFor) {
        Api.Answer issued = admin.post("/api/v1/discount-codes", goodwillBody(cents, limit, Api.serverNow().plus(validFor)));
        assertThat(issued.status()).as(issued.toString()).isEqualTo(201);
        return issued.json();
    }

    private static Api.Answer redeem(String code, String orderReference) {
        return storefront.post("/api/v1/discount-codes/" + code + "/redemptions", "{\"orderReference\":\"" + orderReference + "\"}");
    }

    /** The code with one random symbol replaced by another: its check symbol no longer matches. */
    private static String oneSymbolChanged(String code) {
        char[] chars = code.toCharArray();
        int position = 5; // the first random symbol
        chars[position] = chars[position] == '7' ? '8' : '7';
        return new String(chars);
    }

    private static void sleep(Duration duration) {
        try {
            Thread.sleep(duration.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
