package io.amends.system;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.json.JsonObject;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.junit.jupiter.api.Test;

/**
 * Actions write their audit entries unnumbered and the sealer numbers and chains them after the commit: concurrent
 * actions each get exactly one entry in an intact chain, the sealer drains on its own (nobody reads the trail), and an
 * entry that a crashed node left pending is sealed by the next sweep.
 */
class AuditSealingIT {

    private static final Duration PATIENCE = Duration.ofSeconds(30);

    @Test
    void concurrentActionsEachGetOneEntryAndTheSealerDrainsWithoutAReader() throws Exception {
        TestData.AccountWithContact account = TestData.account("alice", "EUR", 50_000_00L);
        Api alice = Api.as("alice");
        List<String> keys;
        ExecutorService pool = Executors.newFixedThreadPool(8);
        try {
            List<CompletableFuture<String>> opened = new ArrayList<>();
            for (int i = 0; i < 40; i++) {
                opened.add(CompletableFuture.supplyAsync(() -> TestData.openCase(alice, account, "LOW", "BILLING").getString("key"), pool));
            }
            keys = opened.stream().map(CompletableFuture::join).toList();
        } finally {
            pool.shutdown();
        }

        try (Connection db = AmendsServer.get().openDatabase()) {
            awaitNoPending(db);
            for (String key : keys) {
                assertThat(count(db, "SELECT COUNT(*) FROM audit_entry WHERE case_key = ? AND action = 'CASE_OPENED'", key))
                        .as("sealed CASE_OPENED entries of " + key).isEqualTo(1);
            }
            assertThat(count(db, "SELECT COUNT(*) FROM audit_entry", null))
                    .as("entries numbered 1 to the head without gaps")
                    .isEqualTo(count(db, "SELECT last_seq FROM audit_head", null));
        }
        JsonObject verified = Api.as("carol").get("/api/v1/audit/verify").json();
        assertThat(verified.getBoolean("ok")).as(verified.toString()).isTrue();
    }

    @Test
    void anEntryLeftPendingByACrashedNodeIsSealedByTheNextSweep() throws Exception {
        String marker = "left pending " + UUID.randomUUID();
        try (Connection db = AmendsServer.get().openDatabase()) {
            try (PreparedStatement insert = db.prepareStatement("INSERT INTO audit_pending (id, recorded_at, actor, actor_role, "
                    + "action, details) VALUES (?, ?, 'crashed-node', 'SYSTEM', 'TEST_LEFT_PENDING', ?)")) {
                insert.setLong(1, Long.MAX_VALUE - (System.nanoTime() & 0xFFFFFF));
                insert.setTimestamp(2, Timestamp.from(Instant.now()));
                insert.setString(3, marker);
                assertThat(insert.executeUpdate()).isEqualTo(1);
            }
            if (!db.getAutoCommit()) {
                db.commit();
            }
            awaitNoPending(db);
            assertThat(count(db, "SELECT COUNT(*) FROM audit_entry WHERE details = ?", marker)).isEqualTo(1);
        }
        JsonObject verified = Api.as("carol").get("/api/v1/audit/verify").json();
        assertThat(verified.getBoolean("ok")).as(verified.toString()).isTrue();
        JsonObject found = Api.as("carol").get("/api/v1/audit?action=TEST_LEFT_PENDING&size=5").json();
        assertThat(found.getJsonArray("items").getValuesAs(JsonObject.class))
                .anySatisfy(e -> assertThat(e.getString("details")).isEqualTo(marker));
    }

    /** Waits, without reading the trail through the server, until the sealer has emptied audit_pending. */
    private static void awaitNoPending(Connection db) throws Exception {
        Instant giveUp = Instant.now().plus(PATIENCE);
        long pending;
        while ((pending = count(db, "SELECT COUNT(*) FROM audit_pending", null)) > 0 && Instant.now().isBefore(giveUp)) {
            Thread.sleep(200);
        }
        assertThat(pending).as("entries still pending after " + PATIENCE).isZero();
    }

    private static long count(Connection db, String sql, String parameter) throws Exception {
        try (PreparedStatement query = db.prepareStatement(sql)) {
            if (parameter != null) {
                query.setString(1, parameter);
            }
            try (ResultSet rs = query.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        }
    }
}
