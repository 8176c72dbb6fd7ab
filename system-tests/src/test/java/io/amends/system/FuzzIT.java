package io.amends.system;

import static org.assertj.core.api.Assertions.assertThat;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.longs;
import static org.quicktheories.generators.SourceDSL.strings;

import jakarta.json.Json;
import jakarta.json.JsonObjectBuilder;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.quicktheories.core.Gen;
import org.quicktheories.generators.Generate;

/**
 * Hostile input against the API: oversized and odd strings, SQL and script payloads, wrong types, negative and huge
 * amounts, bad currencies, far-away dates. Every answer is a success or a 4xx problem document, never a 500, and a
 * refused request leaves nothing behind.
 */
class FuzzIT {

    private static final List<String> NASTY = List.of("", " ", "'; DROP TABLE apology_case; --", "<script>alert(1)</script>",
            "\u0000", "Ω≈ç√∫˜µ≤≥÷", "🙈🙉🙊", "\uD800", "%00", "../../etc/passwd", "${jndi:ldap://x}", "NaN", "-1",
            "9".repeat(40), "a".repeat(300), "x".repeat(9000), "EUR", "XXX", "null", "{\"a\":1}", "2026-13-45", "+999999999-12-31T00:00:00Z");

    private static Gen<String> text() {
        return Generate.pick(NASTY).mix(strings().allPossible().ofLengthBetween(0, 60), 40);
    }

    private static Gen<Object> anyValue() {
        return Generate.pick(List.<Object>of(0, -1, Long.MAX_VALUE, Long.MIN_VALUE, 1.5e300, true, "LOW", "HIGHEST"))
                .mix(text().map(s -> (Object) s), 60)
                .mix(longs().all().map(l -> (Object) l), 20);
    }

    private static JsonObjectBuilder put(JsonObjectBuilder json, String name, Object value) {
        if (value instanceof String s) {
            return json.add(name, s);
        }
        if (value instanceof Boolean b) {
            return json.add(name, b);
        }
        if (value instanceof Double d) {
            return json.add(name, d);
        }
        return json.add(name, ((Number) value).longValue());
    }

    @Test
    void hostileIntakeNeverFailsTheServerAndRefusedRequestsLeaveNothing() {
        TestData.AccountWithContact account = TestData.account("alice", "EUR", 10_000_00L);
        Api alice = Api.as("alice");
        AtomicInteger created = new AtomicInteger();
        qt().withExamples(120).withShrinkCycles(20)
                .forAll(anyValue(), anyValue(), anyValue(), anyValue())
                .checkAssert((title, description, severity, channel) -> {
                    int shape = Math.floorMod(String.valueOf(title).hashCode(), 4);
                    JsonObjectBuilder json = Json.createObjectBuilder();
                    json.add("accountId", account.accountId());
                    put(json, "title", title);
                    put(json, "description", description);
                    put(json, "severity", shape == 1 ? "MEDIUM" : severity);
                    put(json, "channel", shape == 2 ? "PHONE" : channel);
                    Api.Answer answer = alice.post("/api/v1/cases", json.build());
                    assertThat(answer.status()).as(answer.toString()).isLessThan(500);
                    if (answer.status() == 201) {
                        created.incrementAndGet();
                    } else {
                        assertThat(answer.status()).isBetween(400, 499);
                        assertThat(answer.isProblem()).as(answer.toString()).isTrue();
                        assertThat(answer.body()).doesNotContain("at io.amends").doesNotContain("Exception");
                    }
                });
        long total = alice.get("/api/v1/cases?size=1&account=" + account.accountId()).json().getJsonNumber("total").longValue();
        assertThat(total).as("cases of the account = successful requests").isEqualTo(created.get());
    }

    @Test
    void hostileProposalsNeverFailTheServerAndRefusedOnesLeaveNothing() {
        TestData.AccountWithContact account = TestData.account("alice", "EUR", 10_000_00L);
        Api alice = Api.as("alice");
        long caseId = TestData.openCase(alice, account, "LOW", "SERVICE").getJsonNumber("id").longValue();
        AtomicInteger created = new AtomicInteger();
        qt().withExamples(120).withShrinkCycles(20)
                .forAll(anyValue(), anyValue(), anyValue(), anyValue())
                .checkAssert((kind, amount, discountValue, expiry) -> {
                    JsonObjectBuilder json = Json.createObjectBuilder().add("contactId", account.contactId());
                    put(json, "kind", kind instanceof Long ? "DISCOUNT_CODE" : kind);
                    put(json, "amount", amount);
                    put(json, "discountType", "AMOUNT");
                    put(json, "discountValue", discountValue);
                    put(json, "discountExpiresAt", expiry);
                    Api.Answer answer = alice.post("/api/v1/cases/" + caseId + "/proposals", json.build());
                    assertThat(answer.status()).as(answer.toString()).isLessThan(500);
                    if (answer.status() == 201) {
                        created.incrementAndGet();
                    } else {
                        assertThat(answer.isProblem()).as(answer.toString()).isTrue();
                    }
                });
        int stored = alice.get("/api/v1/cases/" + caseId + "/proposals").array().size();
        assertThat(stored).as("proposals of the case = successful requests").isEqualTo(created.get());
    }

    @Test
    void wrongTypesAndShapesAreBadRequests() {
        Api alice = Api.as("alice");
        for (String body : List.of("[]", "\"text\"", "42", "{\"accountId\":{}}", "{\"accountId\":[1]}", "{\"accountId\":1e400}",
                "{\"title\":null}", "{" + "\"a\":".repeat(2000), "{\"accountId\":1,\"contactIds\":\"nope\"}")) {
            Api.Answer answer = alice.post("/api/v1/cases", body);
            assertThat(answer.status()).as(body.length() > 80 ? body.substring(0, 80) : body).isEqualTo(400);
            assertThat(answer.isProblem()).isTrue();
        }
    }
}
