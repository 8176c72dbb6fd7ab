package io.amends.system;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.json.JsonObject;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;

/** Compensation against lifetime value: verdicts, finance approval with four eyes, caps under concurrency, the audit trail. */
class CompensationIT {

    private final Api alice = Api.as("alice");

    @Test
    void aSmallProposalOnAHighValueAccountIsAutoApproved() {
        TestData.AccountWithContact account = TestData.account("alice", "EUR", 100_000_00L);
        long caseId = TestData.openCase(alice, account, "MEDIUM", "BILLING").getJsonNumber("id").longValue();
        Api.Answer proposed = TestData.proposeDiscount(alice, caseId, account.contactId(), "20.00");
        assertThat(proposed.status()).as(proposed.toString()).isEqualTo(201);
        assertThat(proposed.json().getString("verdict")).isEqualTo("AUTO_APPROVED");
        assertThat(proposed.json().getString("status")).isIn("APPROVED", "FULFILLING", "FULFILLED");
    }

    @Test
    void aLargeProposalWaitsForFinanceAndASecondPersonApprovesIt() {
        TestData.AccountWithContact account = TestData.account("alice", "EUR", 100_000_00L);
        JsonObject opened = TestData.openCase(alice, account, "HIGH", "OUTAGE");
        long caseId = opened.getJsonNumber("id").longValue();
        Api.Answer preview = alice.post("/api/v1/cases/" + caseId + "/proposals/preview", TestData.proposeBody(account.contactId(), "300.00"));
        assertThat(preview.json().getJsonObject("decision").getString("verdict")).isEqualTo("NEEDS_FINANCE");
        assertThat(preview.json().getJsonObject("decision").getJsonArray("checks")).hasSize(6);

        JsonObject proposal = TestData.proposeDiscount(alice, caseId, account.contactId(), "300.00").json();
        assertThat(proposal.getString("status")).isEqualTo("PENDING_APPROVAL");
        long id = proposal.getJsonNumber("id").longValue();

        JsonObject queued = Api.as("carol").get("/api/v1/proposals/queue?size=200").json().getJsonArray("items").stream()
                .map(v -> (JsonObject) v).filter(i -> i.getJsonObject("proposal").getJsonNumber("id").longValue() == id)
                .findFirst().orElseThrow();
        assertThat(queued.getBoolean("mayApprove")).isTrue();
        assertThat(queued.getString("caseKey")).isEqualTo(opened.getString("key"));

        assertThat(alice.post("/api/v1/proposals/" + id + "/approve", "{}").status()).isEqualTo(403);
        Api.Answer approved = Api.as("carol").post("/api/v1/proposals/" + id + "/approve", "{\"comment\":\"Fair for a HIGH outage\"}");
        assertThat(approved.status()).as(approved.toString()).isEqualTo(200);
        assertThat(approved.json().getString("status")).isIn("APPROVED", "FULFILLING", "FULFILLED");
        assertThat(approved.json().getJsonArray("approvals").getJsonObject(0).getString("approver")).isEqualTo("carol");
    }

    @Test
    void aProposalAboveTheFinanceLimitNeedsTwoDifferentApprovers() {
        TestData.AccountWithContact account = TestData.account("alice", "EUR", 1_000_000_00L);
        long caseId = TestData.openCase(alice, account, "CRITICAL", "OUTAGE").getJsonNumber("id").longValue();
        JsonObject proposal = TestData.proposeDiscount(alice, caseId, account.contactId(), "1200.00").json();
        assertThat(proposal.getString("verdict")).isEqualTo("NEEDS_TWO_FINANCE");
        long id = proposal.getJsonNumber("id").longValue();
        assertThat(Api.as("carol").post("/api/v1/proposals/" + id + "/approve", "{}").json().getString("status"))
                .isEqualTo("PENDING_APPROVAL");
        Api.Answer twice = Api.as("carol").post("/api/v1/proposals/" + id + "/approve", "{}");
        assertThat(twice.status()).isEqualTo(403);
        assertThat(twice.json().getString("detail")).contains("second");
        assertThat(Api.as("dave").post("/api/v1/proposals/" + id + "/approve", "{}").json().getString("status"))
                .isIn("APPROVED", "FULFILLING", "FULFILLED");
    }

    @Test
    void nobodyApprovesTheirOwnProposal() {
        Api admin = Api.as("admin");
        String name = "frank" + System.nanoTime();
        Api.Answer created = admin.post("/api/v1/admin/users", "{\"username\":\"" + name + "\",\"displayName\":\"Frank Both\","
                + "\"password\":\"" + name + "-demo-2026\",\"roles\":[\"ACCOUNT_MANAGER\",\"FINANCE\"]}");
        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        Api frank = Api.as(name);
        TestData.AccountWithContact account = TestData.account(name, "EUR", 100_000_00L);
        long caseId = TestData.openCase(frank, account, "HIGH", "SERVICE").getJsonNumber("id").longValue();
        long id = TestData.proposeDiscount(frank, caseId, account.contactId(), "300.00").json().getJsonNumber("id").longValue();
        Api.Answer own = frank.post("/api/v1/proposals/" + id + "/approve", "{}");
        assertThat(own.status()).isEqualTo(403);
        assertThat(own.json().getString("detail")).contains("four eyes");
        assertThat(Api.as("carol").post("/api/v1/proposals/" + id + "/reject", "{}").status()).isEqualTo(400);
        assertThat(Api.as("carol").post("/api/v1/proposals/" + id + "/reject", "{\"comment\":\"A card is enough here\"}")
                .json().getString("status")).isEqualTo("REJECTED");
    }

    @Test
    void aProposalBreakingTheTwelveMonthCapIsRefusedWithTheNumbers() {
        TestData.AccountWithContact account = TestData.account("alice", "EUR", 10_000_00L);
        long first = TestData.openCase(alice, account, "LOW", "QUALITY").getJsonNumber("id").longValue();
        long second = TestData.openCase(alice, account, "LOW", "SERVICE").getJsonNumber("id").longValue();
        long third = TestData.openCase(alice, account, "LOW", "BILLING").getJsonNumber("id").longValue();
        assertThat(TestData.proposeDiscount(alice, first, account.contactId(), "200.00").json().getString("verdict")).isEqualTo("NEEDS_FINANCE");
        assertThat(TestData.proposeDiscount(alice, second, account.contactId(), "200.00").json().getString("verdict")).isEqualTo("NEEDS_FINANCE");
        JsonObject refused = TestData.proposeDiscount(alice, third, account.contactId(), "150.00").json();
        assertThat(refused.getString("verdict")).isEqualTo("REFUSED");
        assertThat(refused.getString("status")).isEqualTo("REFUSED");
        assertThat(refused.getString("explanation")).contains("12-month").contains("500.00").contains("550.00");
    }

    @Test
    void concurrentProposalsCannotTogetherSlipUnderTheCap() {
        TestData.AccountWithContact account = TestData.account("alice", "EUR", 10_000_00L);
        // four different root causes: a recurrence would (rightly) raise the caps
        List<Long> cases = List.of("SERVICE", "BILLING", "QUALITY", "MISCOMMUNICATION").stream()
                .map(cause -> TestData.openCase(alice, account, "LOW", cause).getJsonNumber("id").longValue()).toList();
        List<CompletableFuture<JsonObject>> attempts = cases.stream().map(caseId -> CompletableFuture.supplyAsync(() ->
                TestData.proposeDiscount(alice, caseId, account.contactId(), "150.00").json())).toList();
        List<JsonObject> results = attempts.stream().map(CompletableFuture::join).toList();
        long accepted = results.stream().filter(r -> !r.getString("verdict").equals("REFUSED")).count();
        assertThat(accepted).as("12-month cap 5% of EUR 10,000.00 = EUR 500.00 allows three proposals of EUR 150.00").isEqualTo(3);
    }

    @Test
    void twoFinanceUsersApprovingAtOnceMakeExactlyOneWinner() {
        TestData.AccountWithContact account = TestData.account("alice", "EUR", 100_000_00L);
        long caseId = TestData.openCase(alice, account, "HIGH", "OUTAGE").getJsonNumber("id").longValue();
        long id = TestData.proposeDiscount(alice, caseId, account.contactId(), "300.00").json().getJsonNumber("id").longValue();
        List<CompletableFuture<Integer>> race = List.of("carol", "dave").stream().map(user -> CompletableFuture.supplyAsync(() ->
                Api.as(user).post("/api/v1/proposals/" + id + "/approve", "{}").status())).toList();
        List<Integer> statuses = race.stream().map(CompletableFuture::join).toList();
        assertThat(statuses).containsExactlyInAnyOrder(200, 409);
    }

    @Test
    void theAuditTrailHoldsEveryStepWithTheLtvAndTheVerifierCatchesAnEditedRow() throws Exception {
        TestData.AccountWithContact account = TestData.account("alice", "EUR", 100_000_00L);
        JsonObject opened = TestData.openCase(alice, account, "HIGH", "OUTAGE");
        long caseId = opened.getJsonNumber("id").longValue();
        long id = TestData.proposeDiscount(alice, caseId, account.contactId(), "300.00").json().getJsonNumber("id").longValue();
        Api.as("carol").post("/api/v1/proposals/" + id + "/approve", "{}");

        List<JsonObject> entries = Api.as("carol").get("/api/v1/audit?size=100&caseKey=" + opened.getString("key")).json()
                .getJsonArray("items").stream().map(v -> (JsonObject) v).toList();
        assertThat(entries).extracting(e -> e.getString("action")).contains("CASE_OPENED", "COMPENSATION_PROPOSED", "COMPENSATION_APPROVED");
        JsonObject proposed = entries.stream().filter(e -> e.getString("action").equals("COMPENSATION_PROPOSED")).findFirst().orElseThrow();
        assertThat(proposed.getJsonNumber("ltvMinor").longValue()).isEqualTo(100_000_00L);
        assertThat(proposed.getJsonNumber("amountMinor").longValue()).isEqualTo(300_00L);
        assertThat(proposed.getString("verdict")).isEqualTo("NEEDS_FINANCE");
        assertThat(alice.get("/api/v1/audit?caseKey=" + opened.getString("key")).status()).isEqualTo(200);
        assertThat(Api.as("bob").get("/api/v1/audit?caseKey=" + opened.getString("key")).status()).isEqualTo(403);

        Api carol = Api.as("carol");
        assertThat(carol.get("/api/v1/audit/verify").json().getBoolean("ok")).isTrue();
        long seq = proposed.getJsonNumber("seq").longValue();
        try (Connection db = AmendsServer.get().openDatabase()) {
            String original;
            try (PreparedStatement read = db.prepareStatement("SELECT details FROM audit_entry WHERE seq = ?")) {
                read.setLong(1, seq);
                try (ResultSet rs = read.executeQuery()) {
                    rs.next();
                    original = rs.getString(1);
                }
            }
            update(db, seq, original.replace("300", "30"));
            try {
                JsonObject verdict = carol.get("/api/v1/audit/verify").json();
                assertThat(verdict.getBoolean("ok")).isFalse();
                assertThat(verdict.getJsonObject("problem").getString("kind")).isEqualTo("CHANGED");
                assertThat(verdict.getJsonObject("problem").getJsonNumber("sequence").longValue()).isEqualTo(seq);
            } finally {
                update(db, seq, original);
            }
        }
        assertThat(carol.get("/api/v1/audit/verify").json().getBoolean("ok")).isTrue();
        Api.Answer csv = carol.send("GET", "/api/v1/audit/export?format=csv", null, null);
        assertThat(csv.status()).isEqualTo(200);
        assertThat(csv.body()).startsWith("seq,recorded_at").contains("COMPENSATION_PROPOSED");
    }

    private static void update(Connection db, long seq, String details) throws Exception {
        try (PreparedStatement write = db.prepareStatement("UPDATE audit_entry SET details = ? WHERE seq = ?")) {
            write.setString(1, details);
            write.setLong(2, seq);
            assertThat(write.executeUpdate()).isEqualTo(1);
        }
        if (!db.getAutoCommit()) {
            db.commit();
        }
    }
}
