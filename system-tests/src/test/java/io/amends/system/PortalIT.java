package io.amends.system;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The client portal over HTTP: a client raises a complaint, reads their cases as they may see them (never internal
 * notes, policy numbers, lifetime value or spend), writes, confirms or disputes a resolution and rates it; and a client
 * of one account gets 404 for another account's case, gift, order and discount code at every endpoint and page, by
 * direct URL and by guessing ids.
 */
class PortalIT {

    private static PortalData.Tenant acme;
    private static PortalData.Tenant other;

    /** The endpoints the isolation test calls with another account's ids (filled by it). */
    private static final java.util.Set<String> ISOLATION_CHECKED = java.util.concurrent.ConcurrentHashMap.newKeySet();

    /** Endpoints a client may call that take no id of anything: lists filtered to their account, and who they are. */
    private static final java.util.Set<String> WITHOUT_IDS = java.util.Set.of("GET /api/v1/cases", "GET /api/v1/portal/cases",
            "GET /api/v1/portal/gifts", "POST /api/v1/portal/complaints", "GET /api/v1/accounts", "GET /api/v1/auth/me",
            "GET /api/v1/clock");

    @BeforeAll
    static void tenants() {
        acme = PortalData.tenant("en");
        other = PortalData.tenant("en");
    }

    @Test
    void aClientRaisesAComplaintOnTheirOwnAccountWithTheSlaClockRunning() {
        Api.Answer raised = acme.api().post("/api/v1/portal/complaints", Json.createObjectBuilder()
                .add("title", "Delivery note missing").add("description", "The pallets came without a delivery note.")
                .add("severity", "HIGH").add("accountId", other.accountId()).build());
        assertThat(raised.status()).as(raised.toString()).isEqualTo(201);
        assertThat(raised.header("Location")).hasValueSatisfying(l -> assertThat(l).contains("/api/v1/portal/cases/"));
        JsonObject detail = raised.json();
        assertThat(detail.getString("channel")).isEqualTo("PORTAL");
        assertThat(detail.getString("status")).isEqualTo("OPEN");
        assertThat(detail.getString("accountName")).isEqualTo(acme.accountName());

        long caseId = detail.getJsonNumber("id").longValue();
        JsonObject staffView = Api.as("alice").get("/api/v1/cases/" + caseId).json();
        assertThat(staffView.getJsonNumber("accountId").longValue()).as("the account is the client's own").isEqualTo(acme.accountId());
        assertThat(staffView.getString("severity")).isEqualTo("HIGH");
        assertThat(Api.as("alice").get("/api/v1/cases/" + caseId + "/deadlines").array().stream().map(v -> (JsonObject) v))
                .anySatisfy(d -> {
                    assertThat(d.getString("kind")).isEqualTo("FIRST_CONTACT");
                    assertThat(d.getString("state")).isEqualTo("RUNNING");
                });
        // the owner hears of it at once
        AmendsServer.mail().await(TestMailServer.to("alice@amends.example").and(TestMailServer.subjectContains(detail.getString("key"))),
                1, Duration.ofSeconds(30));
        assertThat(acme.api().get("/api/v1/portal/cases").array().stream().map(v -> ((JsonObject) v).getJsonNumber("id").longValue()))
                .contains(caseId);
        assertThat(other.api().get("/api/v1/portal/cases").array().stream().map(v -> ((JsonObject) v).getJsonNumber("id").longValue()))
                .doesNotContain(caseId);
    }

    @Test
    void staffCannotRaiseAPortalComplaintAndAnInvalidOneIsA400() {
        assertThat(Api.as("alice").post("/api/v1/portal/complaints", "{\"title\":\"x\",\"description\":\"y\"}").status()).isEqualTo(403);
        Api.Answer blank = acme.api().post("/api/v1/portal/complaints", "{\"title\":\" \",\"description\":\"y\"}");
        assertThat(blank.status()).isEqualTo(400);
        assertThat(blank.isProblem()).isTrue();
    }

    @Test
    void theClientSeesTheApologyCommitmentsAndNotesMeantForThemButNothingInternal() {
        long caseId = PortalData.openCase(acme, "Invoice sent early", "MEDIUM").getJsonNumber("id").longValue();
        PortalData.logContact(caseId, acme.contactId(), "INTERNAL-CALL-NOTE Erika was furious about the finance team");
        PortalData.sendApology(caseId, acme.contactId(), PortalData.LETTER);
        long commitment = PortalData.commit(caseId, "Check every invoice date before the billing run", 20);
        PortalData.note(caseId, commitment, "The check is written and tested", true);
        PortalData.note(caseId, commitment, "INTERNAL-NOTE blame the billing vendor", false);
        Api.Answer proposed = TestData.proposeDiscount(Api.as("alice"), caseId, acme.contactId(), "20.00");
        assertThat(proposed.status()).as(proposed.toString()).isEqualTo(201);

        Api.Answer answer = acme.api().get("/api/v1/portal/cases/" + caseId);
        assertThat(answer.status()).as(answer.toString()).isEqualTo(200);
        JsonObject detail = answer.json();
        assertThat(detail.getJsonArray("apologies")).hasSize(1);
        assertThat(detail.getJsonArray("apologies").getJsonObject(0).getString("body")).contains("we billed you two weeks early");
        JsonObject promise = detail.getJsonArray("commitments").getJsonObject(0);
        assertThat(promise.getString("description")).isEqualTo("Check every invoice date before the billing run");
        assertThat(promise.getString("dueAt")).isNotBlank();
        assertThat(promise.getJsonArray("notes")).hasSize(1);
        assertThat(promise.getJsonArray("notes").getJsonObject(0).getString("text")).isEqualTo("The check is written and tested");
        JsonObject gift = detail.getJsonArray("gifts").getJsonObject(0);
        assertThat(gift.getString("kind")).isEqualTo("DISCOUNT_CODE");
        assertThat(gift.getString("statusText")).isNotBlank();
        assertThat(detail.getJsonArray("timeline").stream().map(v -> ((JsonObject) v).getString("kind")))
                .contains("OPENED", "APOLOGY_SENT", "COMMITMENT_MADE").doesNotContain("CONTACT_LOGGED", "SLA_SET", "COMPENSATION_PROPOSED");

        for (String body : List.of(answer.body(), acme.api().get("/api/v1/portal/gifts").body(),
                acme.api().get("/api/v1/portal/gifts/" + gift.getJsonNumber("id")).body(),
                acme.api().get("/api/v1/cases/" + caseId + "/timeline").body())) {
            assertThat(body).doesNotContain("INTERNAL-NOTE", "INTERNAL-CALL-NOTE", "PLATINUM", "GOLD", "SILVER", "BRONZE",
                    "ltv", "LTV", "verdict", "AUTO_APPROVED", "explanation", "costMinor", "spend", "coach");
        }
        PortalSession.Page page = PortalSession.signIn(acme.client()).get("/portal/case.xhtml?id=" + caseId);
        assertThat(page.status()).isEqualTo(200);
        assertThat(page.html()).contains("Invoice sent early", "we billed you two weeks early", "Check every invoice date",
                "The check is written and tested").doesNotContain("INTERNAL-NOTE", "INTERNAL-CALL-NOTE", "GOLD", "PLATINUM");
    }

    @Test
    void messagesGoBothWaysOnTheTimelineAndByMail() {
        long caseId = PortalData.openCase(acme, "Wrong pallets", "LOW").getJsonNumber("id").longValue();
        String key = Api.as("alice").get("/api/v1/cases/" + caseId).json().getString("key");
        Api.Answer fromClient = acme.api().post("/api/v1/cases/" + caseId + "/messages", "{\"text\":\"Any news on the pallets?\"}");
        assertThat(fromClient.status()).as(fromClient.toString()).isEqualTo(201);
        Api.Answer fromStaff = Api.as("alice").post("/api/v1/cases/" + caseId + "/messages", "{\"text\":\"They leave today.\"}");
        assertThat(fromStaff.status()).as(fromStaff.toString()).isEqualTo(201);

        List<String> kinds = acme.api().get("/api/v1/cases/" + caseId + "/timeline").array().stream()
                .map(v -> ((JsonObject) v).getString("kind")).toList();
        assertThat(kinds).contains("CLIENT_MESSAGE", "MESSAGE_TO_CLIENT");
        TestMailServer mail = AmendsServer.mail();
        assertThat(mail.await(TestMailServer.to("alice@amends.example").and(TestMailServer.subjectContains(key))
                .and(m -> m.body().contains("Any news on the pallets?")), 1, Duration.ofSeconds(30))).hasSize(1);
        assertThat(mail.await(TestMailServer.to(acme.contactEmail()).and(TestMailServer.subjectContains(key))
                .and(m -> m.body().contains("They leave today.")), 1, Duration.ofSeconds(30))).hasSize(1);
        assertThat(acme.api().post("/api/v1/cases/" + caseId + "/messages", "{\"text\":\"\"}").status()).isEqualTo(400);
    }

    @Test
    void sayingNotResolvedReopensWithTheReasonAndConfirmingClosesTheCaseWhichTheClientThenRates() {
        long caseId = PortalData.resolvedCase(acme, "Late invoice correction");
        String base = "/api/v1/cases/" + caseId;
        Api client = acme.api();
        assertThat(client.post(base + "/rating", "{\"score\":0}").status()).isEqualTo(400);
        assertThat(client.post(base + "/confirmation", "{\"resolved\":false}").status()).as("no needs a reason").isEqualTo(400);

        Api.Answer disputed = client.post(base + "/confirmation", "{\"resolved\":false,\"reason\":\"The credit note is still missing\"}");
        assertThat(disputed.status()).as(disputed.toString()).isEqualTo(200);
        assertThat(disputed.json().getString("status")).isEqualTo("REOPENED");
        assertThat(client.get(base + "/timeline").body()).contains("The credit note is still missing");
        assertThat(client.post(base + "/confirmation", "{\"resolved\":true}").status()).as("only a resolved case waits").isEqualTo(409);
        assertThat(client.post(base + "/rating", "{\"score\":4}").status()).as("rated once resolved").isEqualTo(409);

        PortalData.resolve(caseId, "Credit note sent");
        long version = Api.as("alice").get(base).json().getJsonNumber("version").longValue();
        assertThat(client.post(base + "/confirmation", "{\"resolved\":true,\"version\":" + (version - 1) + "}").status())
                .as("a stale view is a conflict").isEqualTo(409);
        Api.Answer confirmed = client.post(base + "/confirmation", "{\"resolved\":true,\"version\":" + version + "}");
        assertThat(confirmed.status()).as(confirmed.toString()).isEqualTo(200);
        assertThat(confirmed.json().getString("status")).isEqualTo("CLOSED");
        assertThat(Api.as("alice").get(base + "/timeline").body()).contains("The customer confirmed the resolution");

        assertThat(client.post(base + "/rating", "{\"score\":3,\"comment\":\"Slow, but right in the end\"}").status()).isEqualTo(200);
        Api.Answer changed = client.post(base + "/rating", "{\"score\":5,\"comment\":\"Actually, very good\"}");
        assertThat(changed.status()).as(changed.toString()).isEqualTo(200);
        JsonObject rating = Api.as("alice").get(base + "/rating").json();
        assertThat(rating.getInt("score")).isEqualTo(5);
        assertThat(rating.getString("comment")).isEqualTo("Actually, very good");
        assertThat(Api.as("alice").post(base + "/rating", "{\"score\":1}").status()).as("only the customer rates").isEqualTo(403);
        assertThat(client.post(base + "/messages", "{\"text\":\"One more thing\"}").status()).as("closed: a new complaint").isEqualTo(409);
    }

    @Test
    void csatReportsRatingsByRootCauseAccountManagerCompensationAndTimeToFirstContact() {
        long caseId = PortalData.resolvedCase(acme, "Missing credit note");
        assertThat(acme.api().post("/api/v1/cases/" + caseId + "/rating", "{\"score\":2,\"comment\":\"Too slow\"}").status())
                .isEqualTo(200);
        Api.Answer report = Api.as("carol").get("/api/v1/reports/csat");
        assertThat(report.status()).as(report.toString()).isEqualTo(200);
        JsonObject csat = report.json();
        assertThat(csat.getJsonObject("overall").getJsonNumber("ratings").longValue()).isGreaterThanOrEqualTo(1);
        assertThat(keys(csat, "byRootCause")).contains("BILLING");
        assertThat(keys(csat, "byAccountManager")).contains("alice");
        assertThat(keys(csat, "byCompensationKind")).contains("NONE");
        assertThat(keys(csat, "byTimeToFirstContact")).containsAnyOf("UNDER_1H", "FROM_1H_TO_4H", "FROM_4H_TO_24H", "OVER_24H");
        assertThat(Api.as("alice").get("/api/v1/reports/csat").status()).isEqualTo(200);
        assertThat(Api.as("admin").get("/api/v1/reports/csat").status()).isEqualTo(200);
        assertThat(acme.api().get("/api/v1/reports/csat").status()).isEqualTo(403);
        assertThat(Api.as("carol").get("/api/v1/reports/csat?from=2030-01-01T00:00:00Z&to=2029-01-01T00:00:00Z").status()).isEqualTo(400);
    }

    private static List<String> keys(JsonObject report, String group) {
        return report.getJsonArray(group).stream().map(v -> ((JsonObject) v).getString("key")).toList();
    }

    @Test
    void anotherAccountsCaseGiftOrderAndCodeAre404AtEveryEndpointAClientCanUse() {
        long caseId = PortalData.resolvedCase(acme, "Isolation check");
        long openCase = PortalData.openCase(acme, "Isolation commitment", "LOW").getJsonNumber("id").longValue();
        long commitment = PortalData.commit(openCase, "Never again", 10);
        Api.Answer gift = TestData.proposeDiscount(Api.as("alice"), openCase, acme.contactId(), "15.00");
        assertThat(gift.status()).as(gift.toString()).isEqualTo(201);
        long giftId = gift.json().getJsonNumber("id").longValue();
        JsonObject mine = acme.api().get("/api/v1/portal/gifts/" + giftId).json();
        assertThat(mine.getString("statusText")).as("the owner sees it").isNotBlank();
        long orderId = mine.getJsonNumber("orderId").longValue();
        String code = mine.getString("code");
        assertThat(code).as("the discount code is issued with the approval").matches("AMD(-[0-9A-Z]{4}){3}-[0-9A-Z]{2}");
        assertThat(acme.api().get("/api/v1/portal/orders/" + orderId).json().getJsonNumber("id").longValue()).isEqualTo(giftId);
        assertThat(acme.api().get("/api/v1/portal/codes/" + code.toLowerCase().replace("-", "%20")).json()
                .getJsonNumber("id").longValue()).as("a code typed sloppily").isEqualTo(giftId);

        Api stranger = other.api();
        String c = "/api/v1/cases/" + caseId;
        String o = "/api/v1/cases/" + openCase;
        Map<String, Api.Answer> answers = new java.util.LinkedHashMap<>();
        answers.put("GET /api/v1/portal/cases/{id}", stranger.get("/api/v1/portal/cases/" + caseId));
        answers.put("GET /api/v1/portal/gifts/{id}", stranger.get("/api/v1/portal/gifts/" + giftId));
        answers.put("GET /api/v1/portal/orders/{id}", stranger.get("/api/v1/portal/orders/" + orderId));
        answers.put("GET /api/v1/portal/codes/{code}", stranger.get("/api/v1/portal/codes/" + code));
        answers.put("GET /api/v1/cases/{id}", stranger.get(c));
        answers.put("GET /api/v1/cases/{id}/timeline", stranger.get(c + "/timeline"));
        answers.put("GET /api/v1/cases/{caseId}/commitments", stranger.get(o + "/commitments"));
        answers.put("GET /api/v1/cases/{caseId}/commitments/{commitmentId}/notes", stranger.get(o + "/commitments/" + commitment + "/notes"));
        answers.put("GET /api/v1/cases/{caseId}/apologies", stranger.get(c + "/apologies"));
        answers.put("GET /api/v1/cases/{caseId}/proposals", stranger.get(o + "/proposals"));
        answers.put("GET /api/v1/cases/{caseId}/rating", stranger.get(c + "/rating"));
        answers.put("POST /api/v1/cases/{caseId}/messages", stranger.post(c + "/messages", "{\"text\":\"hello\"}"));
        answers.put("POST /api/v1/cases/{caseId}/confirmation", stranger.post(c + "/confirmation", "{\"resolved\":true}"));
        answers.put("POST /api/v1/cases/{caseId}/confirmation (no)", stranger.post(c + "/confirmation", "{\"resolved\":false,\"reason\":\"no\"}"));
        answers.put("POST /api/v1/cases/{caseId}/rating", stranger.post(c + "/rating", "{\"score\":1}"));
        answers.put("GET /api/v1/accounts/{id}", stranger.get("/api/v1/accounts/" + acme.accountId()));
        answers.put("GET /api/v1/accounts/{id}/contacts", stranger.get("/api/v1/accounts/" + acme.accountId() + "/contacts"));
        answers.forEach((what, answer) -> {
            assertThat(answer.status()).as(what + ": " + answer).isEqualTo(404);
            assertThat(answer.body()).as(what).doesNotContain("Isolation check").doesNotContain(acme.accountName());
        });
        ISOLATION_CHECKED.addAll(answers.keySet().stream().map(k -> k.replace(" (no)", "")).toList());
        assertThat(Api.as("alice").get(c).json().getString("status")).as("nothing changed").isEqualTo("RESOLVED");
        assertThat(stranger.get("/api/v1/portal/cases").body()).doesNotContain("Isolation");
        assertThat(stranger.get("/api/v1/portal/gifts").array().stream()
                .map(v -> ((JsonObject) v).getJsonNumber("id").longValue())).doesNotContain(giftId);
        assertThat(stranger.get("/api/v1/cases?size=200").json().getJsonArray("items").stream()
                .map(v -> ((JsonObject) v).getJsonNumber("accountId").longValue())).allMatch(a -> a == other.accountId());
    }

    /**
     * Every endpoint a client may call is either in the isolation test above or takes no id: a new endpoint open to
     * clients fails here until the isolation test calls it with another account's ids.
     */
    @Test
    void everyEndpointAClientMayCallIsCheckedForIsolation() {
        if (ISOLATION_CHECKED.isEmpty()) {
            anotherAccountsCaseGiftOrderAndCodeAre404AtEveryEndpointAClientCanUse();
        }
        List<String> unchecked = io.amends.web.platform.Endpoints.all().stream()
                .filter(e -> java.util.Arrays.asList(e.rule().roles()).contains("CLIENT"))
                .map(e -> e.httpMethod() + " " + e.path())
                .filter(e -> !ISOLATION_CHECKED.contains(e) && !WITHOUT_IDS.contains(e))
                .toList();
        assertThat(unchecked).as("endpoints open to clients that the isolation test does not call").isEmpty();
    }

    @Test
    void guessingIdsFindsNothingOfAnotherAccountNeitherCasesNorGiftsNorOrders() {
        long caseId = PortalData.openCase(acme, "Guess me", "LOW").getJsonNumber("id").longValue();
        long giftId = TestData.proposeDiscount(Api.as("alice"), caseId, acme.contactId(), "10.00").json().getJsonNumber("id").longValue();
        Api stranger = other.api();
        List<String> leaks = new ArrayList<>();
        for (long id = Math.max(1, caseId - 60); id <= caseId + 5; id++) {
            Api.Answer answer = stranger.get("/api/v1/portal/cases/" + id);
            if (answer.status() == 200 && !answer.json().getString("accountName").equals(other.accountName())) {
                leaks.add("case " + id);
            } else if (answer.status() != 200 && answer.status() != 404) {
                leaks.add("case " + id + " answered " + answer.status());
            }
            Api.Answer staffApi = stranger.get("/api/v1/cases/" + id);
            if (staffApi.status() == 200 && staffApi.json().getJsonNumber("accountId").longValue() != other.accountId()) {
                leaks.add("case " + id + " through /cases");
            }
        }
        for (long id = Math.max(1, giftId - 60); id <= giftId + 5; id++) {
            Api.Answer answer = stranger.get("/api/v1/portal/gifts/" + id);
            assertThat(answer.status()).as("gift " + id).isEqualTo(404);
        }
        long orderId = acme.api().get("/api/v1/portal/gifts/" + giftId).json().getJsonNumber("orderId").longValue();
        for (long id = Math.max(1, orderId - 60); id <= orderId + 5; id++) {
            Api.Answer answer = stranger.get("/api/v1/portal/orders/" + id);
            assertThat(answer.status()).as("order " + id).isEqualTo(404);
        }
        assertThat(stranger.get("/api/v1/portal/codes/AMD-2222-2222-2222-22").status()).isEqualTo(404);
        assertThat(stranger.get("/api/v1/portal/codes/not-a-code").status()).isEqualTo(404);
        assertThat(leaks).isEmpty();
        assertThat(stranger.get("/api/v1/portal/cases/abc").status()).as("not an id at all").isEqualTo(400);
        assertThat(stranger.get("/api/v1/portal/cases/-1").status()).isEqualTo(404);
    }

    @Test
    void anotherAccountsCasePageIs404AndShowsNothingOfIt() {
        long caseId = PortalData.openCase(acme, "Page isolation secret", "LOW").getJsonNumber("id").longValue();
        PortalSession own = PortalSession.signIn(acme.client());
        PortalSession.Page mine = own.get("/portal/case.xhtml?id=" + caseId);
        assertThat(mine.status()).isEqualTo(200);
        assertThat(mine.html()).contains("Page isolation secret");
        assertThat(own.get("/portal/index.xhtml").html()).contains("Page isolation secret");

        PortalSession stranger = PortalSession.signIn(other.client());
        for (long id = caseId - 3; id <= caseId; id++) {
            PortalSession.Page page = stranger.get("/portal/case.xhtml?id=" + id);
            assertThat(page.status()).as("case page " + id).isIn(404);
            assertThat(page.html()).doesNotContain("Page isolation secret").doesNotContain(acme.accountName());
        }
        for (String odd : List.of("", "abc", "-1", "99999999999999999999")) {
            assertThat(stranger.get("/portal/case.xhtml?id=" + odd).status()).as("id=" + odd).isEqualTo(404);
        }
        PortalSession.Page list = stranger.get("/portal/index.xhtml");
        assertThat(list.status()).isEqualTo(200);
        assertThat(list.html()).doesNotContain("Page isolation secret").doesNotContain(acme.accountName());
        assertThat(stranger.get("/staff/index.xhtml").status()).as("the staff area is not the client's").isEqualTo(403);
    }

    @Test
    void theDemoClientsSeeOnlyTheirOwnAccountsCases() {
        JsonValue acmeCases = Api.as("acme.client").get("/api/v1/portal/cases").structure();
        JsonValue globexCases = Api.as("globex.client").get("/api/v1/portal/cases").structure();
        assertThat(acmeCases.toString()).contains("Pallets delivered three days late").doesNotContain("Checkout outage");
        assertThat(globexCases.toString()).contains("Checkout outage").doesNotContain("Pallets delivered three days late");
        long globexCase = Api.as("globex.client").get("/api/v1/portal/cases").array().getJsonObject(0).getJsonNumber("id").longValue();
        assertThat(Api.as("acme.client").get("/api/v1/portal/cases/" + globexCase).status()).isEqualTo(404);
        assertThat(PortalSession.signIn("acme.client").get("/portal/case.xhtml?id=" + globexCase).status()).isEqualTo(404);
    }
}
