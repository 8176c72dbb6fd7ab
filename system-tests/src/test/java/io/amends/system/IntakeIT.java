package io.amends.system;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Helpdesk intake over HTTP with a real API key: a ticket opens one case for the requester's account however often
 * and however concurrently it is sent, an unknown requester goes to triage, and only a helpdesk key gets in.
 */
class IntakeIT {

    private static final String TICKETS = "/api/v1/intake/tickets";
    private static Api helpdesk;
    private static PortalData.Tenant tenant;
    private static final ExecutorService POOL = Executors.newFixedThreadPool(8);

    @BeforeAll
    static void keyAndAccount() {
        helpdesk = Api.withHeader("X-Api-Key", TestData.apiKey("intake-" + UUID.randomUUID(), "HELPDESK"));
        tenant = PortalData.tenant("en");
    }

    @AfterAll
    static void pool() {
        POOL.shutdownNow();
    }

    static JsonObjectBuilder ticket(String id, String email, String description) {
        return Json.createObjectBuilder().add("id", id)
                .add("requester", Json.createObjectBuilder().add("email", email).add("name", "Erika Muster"))
                .add("subject", "Pallets damaged in transit").add("description", description).add("priority", "urgent")
                .add("tags", Json.createArrayBuilder().add("late_delivery").add("vip"));
    }

    static String newTicketId() {
        return "ZD-" + UUID.randomUUID().toString().substring(0, 13);
    }

    @Test
    void aTicketSentTwiceOpensOneCaseAndAChangedTicketUpdatesIt() {
        String id = newTicketId();
        Api.Answer first = helpdesk.post(TICKETS, ticket(id, tenant.contactEmail().toUpperCase(), "Three of ten pallets broke.").build());
        assertThat(first.status()).as(first.toString()).isEqualTo(201);
        assertThat(first.json().getString("result")).isEqualTo("OPENED");
        long caseId = first.json().getJsonNumber("caseId").longValue();
        assertThat(first.header("Location")).hasValueSatisfying(l -> assertThat(l).endsWith("/api/v1/cases/" + caseId));

        JsonObject opened = Api.as("alice").get("/api/v1/cases/" + caseId).json();
        assertThat(opened.getJsonNumber("accountId").longValue()).isEqualTo(tenant.accountId());
        assertThat(opened.getString("externalRef")).isEqualTo(id);
        assertThat(opened.getString("channel")).isEqualTo("HELPDESK");
        assertThat(opened.getString("severity")).as("urgent is critical").isEqualTo("CRITICAL");

        Api.Answer again = helpdesk.post(TICKETS, ticket(id, tenant.contactEmail(), "Three of ten pallets broke.").build());
        assertThat(again.status()).as(again.toString()).isEqualTo(200);
        assertThat(again.json().getString("result")).isEqualTo("UNCHANGED");
        assertThat(again.json().getJsonNumber("caseId").longValue()).isEqualTo(caseId);

        Api.Answer updated = helpdesk.post(TICKETS, ticket(id, tenant.contactEmail(), "Now four pallets: one more broke on unloading.")
                .build());
        assertThat(updated.status()).as(updated.toString()).isEqualTo(200);
        assertThat(updated.json().getString("result")).isEqualTo("UPDATED");
        assertThat(updated.json().getJsonNumber("caseId").longValue()).isEqualTo(caseId);
        assertThat(Api.as("alice").get("/api/v1/cases/" + caseId + "/timeline").body()).contains("one more broke on unloading");
        assertThat(casesWithRef(id)).isEqualTo(1);
    }

    @Test
    void concurrentResendsOfOneTicketOpenExactlyOneCase() throws Exception {
        String id = newTicketId();
        String body = ticket(id, tenant.contactEmail(), "Sent by an impatient webhook.").build().toString();
        CountDownLatch start = new CountDownLatch(1);
        List<CompletableFuture<Api.Answer>> sends = java.util.stream.IntStream.range(0, 8)
                .mapToObj(i -> CompletableFuture.supplyAsync(() -> {
                    try {
                        start.await(10, TimeUnit.SECONDS);
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                    }
                    return helpdesk.post(TICKETS, body);
                }, POOL)).toList();
        start.countDown();
        List<Api.Answer> answers = sends.stream().map(CompletableFuture::join).toList();
        assertThat(answers).allSatisfy(a -> assertThat(a.status()).as(a.toString()).isIn(200, 201));
        assertThat(answers.stream().filter(a -> a.status() == 201)).hasSize(1);
        assertThat(answers.stream().map(a -> a.json().getJsonNumber("caseId").longValue()).distinct()).hasSize(1);
        assertThat(casesWithRef(id)).isEqualTo(1);
    }

    @Test
    void anUnknownRequesterGoesToTriageAndAnAccountManagerAssignsIt() {
        String id = newTicketId();
        String stranger = "new.person." + UUID.randomUUID().toString().substring(0, 8) + "@client.example";
        Api.Answer triaged = helpdesk.post(TICKETS, ticket(id, stranger, "Who am I to you?").add("priority", "low").build());
        assertThat(triaged.status()).as(triaged.toString()).isEqualTo(202);
        assertThat(triaged.json().getString("result")).isEqualTo("TRIAGED");
        long triageId = triaged.json().getJsonNumber("triageId").longValue();
        Api.Answer again = helpdesk.post(TICKETS, ticket(id, stranger, "Who am I to you? (resent)").add("priority", "low").build());
        assertThat(again.status()).isEqualTo(202);
        assertThat(again.json().getJsonNumber("triageId").longValue()).as("one triage item per ticket").isEqualTo(triageId);

        Api alice = Api.as("alice");
        List<JsonObject> queue = alice.get("/api/v1/intake/triage").array().stream().map(v -> (JsonObject) v).toList();
        JsonObject item = queue.stream().filter(t -> t.getJsonNumber("id").longValue() == triageId).findFirst().orElseThrow();
        assertThat(item.getString("requesterEmail")).isEqualTo(stranger);
        assertThat(item.getString("description")).isEqualTo("Who am I to you? (resent)");
        assertThat(item.getString("severity")).isEqualTo("LOW");
        assertThat(tenant.api().get("/api/v1/intake/triage").status()).isEqualTo(403);
        assertThat(Api.as("carol").get("/api/v1/intake/triage").status()).isEqualTo(403);

        String assign = "/api/v1/intake/triage/" + triageId + "/assign";
        Api.Answer assigned = alice.post(assign, Json.createObjectBuilder().add("accountId", tenant.accountId())
                .add("addRequesterAsContact", true).build());
        assertThat(assigned.status()).as(assigned.toString()).isEqualTo(201);
        long caseId = assigned.json().getJsonNumber("caseId").longValue();
        JsonObject opened = alice.get("/api/v1/cases/" + caseId).json();
        assertThat(opened.getJsonNumber("accountId").longValue()).isEqualTo(tenant.accountId());
        assertThat(opened.getString("externalRef")).isEqualTo(id);
        assertThat(Api.as("bob").post(assign, Json.createObjectBuilder().add("accountId", tenant.accountId()).build()).status())
                .as("assigned once").isEqualTo(409);
        assertThat(alice.get("/api/v1/intake/triage").body()).doesNotContain("\"id\":" + triageId + ",");

        Api.Answer resent = helpdesk.post(TICKETS, ticket(id, stranger, "Who am I to you? (resent)").add("priority", "low").build());
        assertThat(resent.json().getJsonNumber("caseId").longValue()).as("the ticket stays with its case").isEqualTo(caseId);
        Api.Answer next = helpdesk.post(TICKETS, ticket(newTicketId(), stranger, "Now you know me.").build());
        assertThat(next.status()).as("the requester is a contact now: " + next).isEqualTo(201);
        assertThat(casesWithRef(id)).isEqualTo(1);
    }

    @Test
    void aTicketForACaseOpenedByHandWithItsReferenceJoinsThatCase() {
        String id = newTicketId();
        Api.Answer byHand = Api.as("alice").post("/api/v1/cases", Json.createObjectBuilder()
                .add("accountId", tenant.accountId()).add("title", "Called in before the ticket came").add("description", "By phone")
                .add("severity", "MEDIUM").add("channel", "PHONE").add("externalRef", id).build());
        assertThat(byHand.status()).as(byHand.toString()).isEqualTo(201);
        Api.Answer received = helpdesk.post(TICKETS, ticket(id, tenant.contactEmail(), "The ticket about the call.").build());
        assertThat(received.status()).as(received.toString()).isEqualTo(200);
        assertThat(received.json().getJsonNumber("caseId").longValue()).isEqualTo(byHand.json().getJsonNumber("id").longValue());
        assertThat(casesWithRef(id)).isEqualTo(1);
    }

    @Test
    void onlyAHelpdeskKeyGetsIn() {
        String body = ticket(newTicketId(), tenant.contactEmail(), "Knock knock").build().toString();
        Api.Answer none = Api.anonymous().post(TICKETS, body);
        assertThat(none.status()).isEqualTo(401);
        assertThat(none.isProblem()).isTrue();
        assertThat(Api.withHeader("X-Api-Key", "amk_nosuchkey_" + "x".repeat(32)).post(TICKETS, body).status()).isEqualTo(401);
        assertThat(Api.withHeader("X-Api-Key", "rubbish").post(TICKETS, body).status()).isEqualTo(401);
        Api storefront = Api.withHeader("X-Api-Key", TestData.apiKey("store-" + UUID.randomUUID(), "STOREFRONT"));
        assertThat(storefront.post(TICKETS, body).status()).isEqualTo(403);
        assertThat(tenant.api().post(TICKETS, body).status()).isEqualTo(403);
        assertThat(Api.as("alice").post(TICKETS, body).status()).isEqualTo(403);
    }

    @Test
    void aRevokedKeyIsRefusedAtOnceThoughItWasJustVerified() {
        Api.Answer issued = Api.as("admin").post("/api/v1/admin/api-keys",
                Json.createObjectBuilder().add("name", "revoked-" + UUID.randomUUID()).add("role", "HELPDESK").build());
        Api revoked = Api.withHeader("X-Api-Key", issued.json().getString("secret"));
        String body = ticket(newTicketId(), tenant.contactEmail(), "Before the revocation").build().toString();
        assertThat(revoked.post(TICKETS, body).status()).isEqualTo(201); // verified, and remembered for a few seconds

        long id = issued.json().getJsonObject("key").getJsonNumber("id").longValue();
        assertThat(Api.as("admin").delete("/api/v1/admin/api-keys/" + id).status()).isEqualTo(200);

        String after = ticket(newTicketId(), tenant.contactEmail(), "After the revocation").build().toString();
        Api.Answer refused = revoked.post(TICKETS, after);
        assertThat(refused.status()).as(refused.toString()).isEqualTo(401);
        assertThat(refused.isProblem()).isTrue();
    }

    @Test
    void aMalformedTicketIsABadRequestAndOpensNothing() {
        String id = newTicketId();
        for (String body : List.of("{}", ticket(id, "not-an-email", "x").build().toString(),
                ticket(id, tenant.contactEmail(), "x").add("priority", "blocker").build().toString(),
                ticket(id, tenant.contactEmail(), "x").add("id", "has spaces in it").build().toString(),
                ticket(id, tenant.contactEmail(), " ").build().toString(), "{\"id\":{},\"subject\":1}", "[]")) {
            Api.Answer answer = helpdesk.post(TICKETS, body);
            assertThat(answer.status()).as(body + " -> " + answer).isEqualTo(400);
            assertThat(answer.isProblem()).isTrue();
        }
        assertThat(casesWithRef(id)).isZero();
        Api.Answer zendesk = helpdesk.post(TICKETS, "{\"id\":" + (System.nanoTime() % 1_000_000_000L) + ",\"requester\":{\"email\":\""
                + tenant.contactEmail() + "\"},\"subject\":\"From Zendesk\",\"description\":\"Tags as one string\","
                + "\"priority\":\"Normal\",\"tags\":\"service vip\"}");
        assertThat(zendesk.status()).as("a numeric id and tags as one string: " + zendesk).isEqualTo(201);
        JsonObject opened = Api.as("alice").get("/api/v1/cases/" + zendesk.json().getJsonNumber("caseId")).json();
        assertThat(opened.getString("severity")).isEqualTo("MEDIUM");
    }

    @Test
    void aHelpdeskThatSendsTooFastIsToldToWait() {
        Api flood = Api.withHeader("X-Api-Key", TestData.apiKey("flood-" + UUID.randomUUID(), "HELPDESK"));
        Api.Answer last = null;
        for (int i = 0; i < 1300; i++) {
            last = flood.post(TICKETS, "{}");
            if (last.status() == 429) {
                break;
            }
            assertThat(last.status()).as(last.toString()).isEqualTo(400);
        }
        assertThat(last.status()).isEqualTo(429);
        assertThat(last.isProblem()).isTrue();
        assertThat(last.header("Retry-After")).hasValueSatisfying(v -> assertThat(Long.parseLong(v)).isBetween(1L, 60L));
        assertThat(helpdesk.post(TICKETS, "{}").status()).as("the limit is per key").isEqualTo(400);
    }

    private static long casesWithRef(String ref) {
        return Api.as("alice").get("/api/v1/cases?size=200&account=" + tenant.accountId()).json().getJsonArray("items").stream()
                .map(v -> (JsonObject) v).filter(c -> !c.isNull("externalRef") && c.getString("externalRef").equals(ref)).count();
    }
}
