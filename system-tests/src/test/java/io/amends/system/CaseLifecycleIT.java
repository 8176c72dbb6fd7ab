package io.amends.system;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;

/**
 * A case from intake to closed through the API alone, with every guard refusing first, then SLA breaches and an
 * overdue commitment escalating on a controllable clock, and a recurrence linked on the second case.
 */
class CaseLifecycleIT {

    private final Api alice = Api.as("alice");

    /** A fresh account of alice's with one contact, so the test owns its data. */
    static long[] accountWithContact(Api api) {
        String name = "Lifecycle " + UUID.randomUUID();
        Api.Answer account = Api.as("admin").post("/api/v1/accounts", Json.createObjectBuilder()
                .add("name", name).add("segment", "B2B").add("currency", "EUR").add("language", "en").add("manager", "alice").build());
        assertThat(account.status()).as(account.toString()).isEqualTo(201);
        long accountId = account.json().getJsonNumber("id").longValue();
        Api.Answer contact = Api.as("admin").post("/api/v1/accounts/" + accountId + "/contacts", Json.createObjectBuilder()
                .add("name", "Erika Muster").add("email", "erika@" + UUID.randomUUID() + ".example")
                .add("street", "Hauptstraße 1").add("postalCode", "10115").add("city", "Berlin").add("country", "DE").build());
        assertThat(contact.status()).as(contact.toString()).isEqualTo(201);
        return new long[] {accountId, contact.json().getJsonNumber("id").longValue()};
    }

    static JsonObject open(Api api, long accountId, long contactId, String rootCause, String severity) {
        Api.Answer opened = api.post("/api/v1/cases", Json.createObjectBuilder()
                .add("accountId", accountId).add("contactIds", Json.createArrayBuilder().add(contactId))
                .add("title", "Billed two weeks early").add("description", "The November invoice went out on 17 October.")
                .add("severity", severity).add("channel", "PHONE").add("rootCause", rootCause).build());
        assertThat(opened.status()).as(opened.toString()).isEqualTo(201);
        return opened.json();
    }

    @Test
    void aCaseGoesFromIntakeToClosedWithEveryGuardEnforced() {
        long[] ids = accountWithContact(alice);
        JsonObject opened = open(alice, ids[0], ids[1], "BILLING", "HIGH");
        long caseId = opened.getJsonNumber("id").longValue();
        String base = "/api/v1/cases/" + caseId;
        assertThat(opened.getString("status")).isEqualTo("OPEN");
        assertThat(opened.getString("key")).matches("AMD-\\d{4}-\\d{6}");
        assertThat(Instant.parse(opened.getString("firstContactDue"))).isAfter(Instant.parse(opened.getString("openedAt")));

        // RESOLVED is refused before anything happened: the move does not exist from OPEN
        Api.Answer early = alice.post(base + "/resolve", "{}");
        assertThat(early.status()).isEqualTo(409);
        assertThat(early.json().getString("detail")).contains("OPEN").contains("RESOLVED");

        // a contact moves it to CONTACTED and stops the first-contact clock
        Api.Answer logged = alice.post(base + "/contacts", Json.createObjectBuilder().add("contactId", ids[1]).add("channel", "CALL")
                .add("summary", "Erika explained the payment run had to be reversed").add("customerAsked", "A corrected invoice")
                .build());
        assertThat(logged.status()).as(logged.toString()).isEqualTo(201);
        assertThat(alice.get(base).json().getString("status")).isEqualTo("CONTACTED");
        Api.Answer draft = alice.get(base + "/contacts/" + logged.json().getJsonNumber("id") + "/confirmation-draft");
        assertThat(draft.json().getString("body")).contains("payment run").contains("corrected invoice");
        assertThat(alice.get(base + "/deadlines").array().stream().map(v -> (JsonObject) v)
                .filter(d -> d.getString("kind").equals("FIRST_CONTACT")).findFirst().orElseThrow().getString("state")).isEqualTo("MET");

        // a letter that blames someone else is refused by the coach
        Api.Answer blame = alice.post(base + "/apologies", Json.createObjectBuilder().add("contactId", ids[1])
                .add("body", "Dear Erika, this was not our fault; the courier lost the invoice. Sorry if you were offended.").build());
        assertThat(blame.status()).isEqualTo(201);
        assertThat(blame.json().getJsonObject("coaching").getBoolean("blocking")).isTrue();
        Api.Answer refusedSend = alice.post(base + "/apologies/" + blame.json().getJsonNumber("id") + "/send", "{}");
        assertThat(refusedSend.status()).isEqualTo(409);
        assertThat(alice.get(base).json().getString("status")).isEqualTo("CONTACTED");

        // a proper apology is sent and moves the case to APOLOGIZED
        Api.Answer good = alice.post(base + "/apologies", Json.createObjectBuilder().add("contactId", ids[1]).add("body",
                "Dear Erika,\n\nI am sorry: we billed you two weeks early because our billing run used the wrong date. "
                        + "That was our mistake, and it cost your team a reversed payment run. "
                        + "We have corrected the schedule, and by 15 December 2026 every invoice will be checked before it goes out.\n\n"
                        + "Alice").build());
        assertThat(good.json().getJsonObject("coaching").getBoolean("blocking")).as(good.toString()).isFalse();
        Api.Answer sent = alice.post(base + "/apologies/" + good.json().getJsonNumber("id") + "/send", "{}");
        assertThat(sent.status()).as(sent.toString()).isEqualTo(200);
        assertThat(alice.get(base).json().getString("status")).isEqualTo("APOLOGIZED");

        // an open commitment blocks resolution until it is done
        Api.Answer commitment = alice.post(base + "/commitments", Json.createObjectBuilder()
                .add("description", "Check every invoice date before the billing run")
                .add("dueAt", Api.serverNow().plus(20, ChronoUnit.DAYS).toString()).build());
        assertThat(commitment.status()).as(commitment.toString()).isEqualTo(201);
        Api.Answer blocked = alice.post(base + "/resolve", "{}");
        assertThat(blocked.status()).isEqualTo(409);
        assertThat(blocked.json().getString("detail")).contains("commitment");
        long commitmentId = commitment.json().getJsonNumber("id").longValue();
        assertThat(alice.post(base + "/commitments/" + commitmentId + "/notes", "{\"note\":\"Check added to the run\",\"visibleToClient\":true}")
                .status()).isEqualTo(201);
        assertThat(alice.post(base + "/commitments/" + commitmentId + "/done", "{}").status()).isEqualTo(200);

        Api.Answer resolved = alice.post(base + "/resolve", "{\"summary\":\"Corrected invoice sent\"}");
        assertThat(resolved.status()).as(resolved.toString()).isEqualTo(200);
        assertThat(resolved.json().getString("status")).isEqualTo("RESOLVED");

        // CLOSED needs the customer's confirmation or the quiet period
        Api.Answer tooSoon = alice.post(base + "/close", "{}");
        assertThat(tooSoon.status()).isEqualTo(409);
        assertThat(tooSoon.json().getString("detail")).contains("quiet period");
        Api.Answer closed = alice.post(base + "/close", "{\"confirmedByCustomer\":true}");
        assertThat(closed.json().getString("status")).isEqualTo("CLOSED");
        // a closed case has left the work list, not the account's history
        assertThat(total(alice.get("/api/v1/cases?mine=true&active=true&account=" + ids[0]))).isZero();
        assertThat(total(alice.get("/api/v1/cases?mine=true&account=" + ids[0]))).isEqualTo(1);

        // reopening needs a reason, and puts the case back to work
        assertThat(alice.post(base + "/reopen", "{}").status()).isEqualTo(409);
        Api.Answer reopened = alice.post(base + "/reopen", "{\"reason\":\"The December invoice was early too\"}");
        assertThat(reopened.json().getString("status")).isEqualTo("REOPENED");

        // the timeline tells the story, and the audit trail has an entry for each step
        List<String> kinds = alice.get(base + "/timeline").array().stream().map(v -> ((JsonObject) v).getString("kind")).toList();
        assertThat(kinds).containsSubsequence("OPENED", "CONTACT_LOGGED", "CONTACTED", "APOLOGY_SENT", "APOLOGIZED",
                "COMMITMENT_MADE", "COMMITMENT_DONE", "RESOLVED", "CLOSED", "REOPENED");

        // the case page's data in one request is exactly what the seven separate requests answer
        JsonObject overview = alice.get(base + "/overview").json();
        assertThat(overview.getJsonObject("apologyCase")).isEqualTo(alice.get(base).json());
        for (String part : List.of("timeline", "deadlines", "contacts", "apologies", "commitments", "proposals")) {
            assertThat(overview.getJsonArray(part)).as(part).isEqualTo(alice.get(base + "/" + part).array());
        }
        assertThat(overview.getJsonArray("apologies")).isNotEmpty();
        assertThat(overview.getJsonArray("commitments")).isNotEmpty();
    }

    @Test
    void theWorkListShowsTheOwnersActiveCasesNearestDeadlineFirstAPageAtATime() {
        long[] ids = accountWithContact(alice);
        List<Long> opened = new ArrayList<>();
        for (String severity : List.of("LOW", "CRITICAL", "MEDIUM", "HIGH")) {
            opened.add(open(alice, ids[0], ids[1], "BILLING", severity).getJsonNumber("id").longValue());
        }
        // one case contacted: its next deadline becomes the resolution, and it is no longer OPEN
        assertThat(alice.post("/api/v1/cases/" + opened.get(1) + "/contacts", Json.createObjectBuilder().add("contactId", ids[1])
                .add("channel", "CALL").add("summary", "Called back").build()).status()).isEqualTo(201);

        String workList = "/api/v1/cases?mine=true&active=true&account=" + ids[0];
        Api.Answer all = alice.get(workList + "&size=20");
        assertThat(total(all)).isEqualTo(4);
        List<JsonObject> items = all.json().getJsonArray("items").stream().map(v -> (JsonObject) v).toList();
        assertThat(items).extracting(c -> c.getJsonNumber("id").longValue()).containsExactlyInAnyOrderElementsOf(opened);
        List<Instant> due = items.stream().map(c -> Instant.parse(c.getString("nextDue"))).toList();
        assertThat(due).isSorted();
        // the pages of one case each are the same list, in the same order
        for (int page = 0; page < 4; page++) {
            Api.Answer one = alice.get(workList + "&size=1&page=" + page);
            assertThat(total(one)).isEqualTo(4);
            assertThat(one.json().getJsonArray("items").getJsonObject(0).getJsonNumber("id").longValue())
                    .isEqualTo(items.get(page).getJsonNumber("id").longValue());
        }
        assertThat(alice.get(workList + "&size=1&page=4").json().getJsonArray("items")).isEmpty();
        // some of the active statuses: only those
        Api.Answer open = alice.get(workList + "&status=OPEN");
        assertThat(total(open)).isEqualTo(3);
        assertThat(open.json().getJsonArray("items").stream().map(v -> ((JsonObject) v).getString("status"))).containsOnly("OPEN");
        assertThat(total(alice.get(workList + "&status=CONTACTED"))).isEqualTo(1);
        // another manager's work list does not have them
        Api.Answer others = Api.as("bob").get("/api/v1/cases?mine=true&active=true&account=" + ids[0]);
        assertThat(others.status()).as(others.toString()).isEqualTo(200);
        assertThat(total(others)).isZero();
    }

    private static long total(Api.Answer answer) {
        assertThat(answer.status()).as(answer.toString()).isEqualTo(200);
        return answer.json().getJsonNumber("total").longValue();
    }

    @Test
    void aStaleVersionIsAConflictNotALostUpdate() {
        long[] ids = accountWithContact(alice);
        JsonObject opened = open(alice, ids[0], ids[1], "SERVICE", "LOW");
        long caseId = opened.getJsonNumber("id").longValue();
        long version = opened.getJsonNumber("version").longValue();
        assertThat(alice.put("/api/v1/cases/" + caseId + "/owner", "{\"version\":" + version + ",\"owner\":\"bob\"}").status()).isEqualTo(200);
        Api.Answer stale = alice.put("/api/v1/cases/" + caseId + "/owner", "{\"version\":" + version + ",\"owner\":\"alice\"}");
        assertThat(stale.status()).isEqualTo(409);
        assertThat(stale.isProblem()).isTrue();
    }

    @Test
    void concurrentChangesToOneCaseNeverBothWin() {
        long[] ids = accountWithContact(alice);
        JsonObject opened = open(alice, ids[0], ids[1], "SERVICE", "LOW");
        long caseId = opened.getJsonNumber("id").longValue();
        long version = opened.getJsonNumber("version").longValue();
        List<CompletableFuture<Integer>> attempts = List.of("alice", "bob", "alice", "bob").stream()
                .map(owner -> CompletableFuture.supplyAsync(() -> alice.put("/api/v1/cases/" + caseId + "/owner",
                        "{\"version\":" + version + ",\"owner\":\"" + owner + "\"}").status()))
                .toList();
        List<Integer> statuses = attempts.stream().map(CompletableFuture::join).toList();
        assertThat(statuses).containsOnly(200, 409);
        assertThat(statuses.stream().filter(s -> s == 200).count()).isEqualTo(1);
    }

    @Test
    void breachesAndOverdueCommitmentsEscalateOnTheControllableClock() {
        long[] ids = accountWithContact(alice);
        JsonObject opened = open(alice, ids[0], ids[1], "OUTAGE", "CRITICAL");
        long caseId = opened.getJsonNumber("id").longValue();
        String base = "/api/v1/cases/" + caseId;
        Api.Answer commitment = alice.post(base + "/commitments", Json.createObjectBuilder()
                .add("description", "Add a second data centre").add("dueAt", Api.serverNow().plus(3, ChronoUnit.DAYS).toString()).build());
        assertThat(commitment.status()).as(commitment.toString()).isEqualTo(201);

        Api admin = Api.as("admin");
        assertThat(admin.post("/api/v1/clock/advance", "{\"by\":\"P4D\"}").status()).isEqualTo(200);
        Api.Answer sweep = admin.post("/api/v1/sla/sweep", "{}");
        assertThat(sweep.status()).isEqualTo(200);

        JsonObject after = alice.get(base).json();
        assertThat(after.getBoolean("breached")).isTrue();
        List<JsonObject> deadlines = alice.get(base + "/deadlines").array().stream().map(v -> (JsonObject) v).toList();
        assertThat(deadlines).filteredOn(d -> d.getString("kind").equals("FIRST_CONTACT"))
                .allSatisfy(d -> assertThat(d.getString("state")).isEqualTo("BREACHED"))
                .allSatisfy(d -> assertThat(d.getString("escalatedTo")).isEqualTo("maria"));
        assertThat(deadlines).filteredOn(d -> d.getString("kind").equals("COMMITMENT"))
                .allSatisfy(d -> assertThat(d.getString("state")).isEqualTo("BREACHED"));
        assertThat(alice.get(base + "/commitments").array().getJsonObject(0).getString("status")).isEqualTo("MISSED");

        // a second sweep escalates nothing twice
        admin.post("/api/v1/sla/sweep", "{}");
        long breachLines = alice.get(base + "/timeline").array().stream()
                .filter(v -> ((JsonObject) v).getString("kind").equals("SLA_BREACHED")).count();
        assertThat(breachLines).isEqualTo(deadlines.stream().filter(d -> d.getString("state").equals("BREACHED")).count());
    }

    @Test
    void aSecondCaseWithTheSameRootCauseIsLinkedAsARecurrence() {
        long[] ids = accountWithContact(alice);
        JsonObject first = open(alice, ids[0], ids[1], "LATE_DELIVERY", "LOW");
        JsonObject second = open(alice, ids[0], ids[1], "LATE_DELIVERY", "LOW");
        assertThat(!first.containsKey("recurrenceOf") || first.isNull("recurrenceOf")).isTrue();
        assertThat(second.getJsonNumber("recurrenceOf").longValue()).isEqualTo(first.getJsonNumber("id").longValue());
        assertThat(second.getString("severity")).isEqualTo("MEDIUM");
        Api.Answer report = alice.get("/api/v1/reports/root-causes");
        assertThat(report.status()).isEqualTo(200);
        assertThat(report.array().stream().map(v -> (JsonObject) v).filter(l -> l.getString("code").equals("LATE_DELIVERY"))
                .mapToLong(l -> l.getJsonNumber("recurrences").longValue()).sum()).isGreaterThanOrEqualTo(1);
    }

    @Test
    void aClientCannotWorkACaseAndCannotSeeAnotherAccountsCase() {
        Api.Answer acmeCases = Api.as("acme.client").get("/api/v1/cases?size=100");
        assertThat(acmeCases.status()).isEqualTo(200);
        long acmeAccount = Api.as("acme.client").get("/api/v1/auth/me").json().getJsonNumber("accountId").longValue();
        assertThat(acmeCases.json().getJsonArray("items").stream().map(v -> ((JsonObject) v).getJsonNumber("accountId").longValue()))
                .isNotEmpty().containsOnly(acmeAccount);
        long globexCase = Api.as("globex.client").get("/api/v1/cases").json().getJsonArray("items").getJsonObject(0)
                .getJsonNumber("id").longValue();
        assertThat(Api.as("acme.client").get("/api/v1/cases/" + globexCase).status()).isEqualTo(404);
        assertThat(Api.as("acme.client").get("/api/v1/cases/" + globexCase + "/timeline").status()).isEqualTo(404);
        assertThat(Api.as("acme.client").post("/api/v1/cases/" + globexCase + "/resolve", "{}").status()).isEqualTo(403);
        // the case page's overview is for staff: a client is refused, and staff get 404 for a case that does not exist
        assertThat(Api.as("acme.client").get("/api/v1/cases/" + globexCase + "/overview").status()).isEqualTo(403);
        Api.Answer none = Api.as("alice").get("/api/v1/cases/987654321/overview");
        assertThat(none.status()).isEqualTo(404);
        assertThat(none.isProblem()).isTrue();
    }

    @Test
    void anAdministratorMaintainsTheSlaPolicyAndTheRootCauseTaxonomy() {
        Api admin = Api.as("admin");
        Api.Answer changed = admin.put("/api/v1/sla/policies/LOW/BRONZE", "{\"firstContactMinutes\":2000,\"resolutionMinutes\":20000}");
        assertThat(changed.status()).as(changed.toString()).isEqualTo(200);
        assertThat(changed.json().getInt("firstContactMinutes")).isEqualTo(2000);
        assertThat(admin.put("/api/v1/sla/policies/LOW/BRONZE", "{\"firstContactMinutes\":3000,\"resolutionMinutes\":20}").status())
                .isEqualTo(400);
        assertThat(alice.put("/api/v1/sla/policies/LOW/BRONZE", "{\"firstContactMinutes\":1,\"resolutionMinutes\":2}").status())
                .isEqualTo(403);

        String code = "GHOST_" + (System.nanoTime() % 100000);
        long[] ids = accountWithContact(alice);
        // asked for before it exists: unknown, and that answer must not be remembered once the code is added
        Api.Answer unknown = alice.post("/api/v1/cases", Json.createObjectBuilder().add("accountId", ids[0])
                .add("title", "Ghost shipment").add("description", "Three parcels that never left the warehouse.")
                .add("severity", "LOW").add("channel", "PHONE").add("rootCause", code).build());
        assertThat(unknown.status()).as(unknown.toString()).isEqualTo(400);
        assertThat(unknown.json().toString()).contains("Unknown root cause " + code);
        assertThat(admin.post("/api/v1/root-causes", "{\"code\":\"" + code + "\",\"label\":\"Ghost shipments\"}").status()).isEqualTo(201);
        assertThat(admin.post("/api/v1/root-causes", "{\"code\":\"" + code + "\",\"label\":\"Again\"}").status()).isEqualTo(409);
        assertThat(open(alice, ids[0], ids[1], code, "LOW").getString("status")).isEqualTo("OPEN");
        assertThat(admin.put("/api/v1/root-causes/" + code, "{\"label\":\"Ghost shipments (retired)\",\"active\":false}").status())
                .isEqualTo(200);
    }
}
