package io.amends.system;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Predicate;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * Mail across a crash (issue #7): a server of its own, killed with {@code kill -9} and started again on the same
 * database. A mail that went out before the kill does not go out again, and a mail still waiting in the outbox goes out
 * once. A mail the SMTP server had accepted while the outbox had not yet marked it sent goes out a second time, with
 * the same Message-ID: the at-least-once window of docs/operations.md ("Mail and crashes"), pinned down here so that
 * a change to it is seen.
 */
class MailRestartIT {

    private static final Duration WAIT = Duration.ofSeconds(90);
    private static final int BEFORE = 5;

    @Test
    void afterAKillNoSentMailGoesOutAgainAWaitingOneGoesOutOnceAndOneInFlightTwiceUnderItsMessageId() throws Exception {
        TestMailServer mail = TestMailServer.start();
        try (SmtpRelay relay = SmtpRelay.inFrontOf(mail.port())) {
            // A long SMTP timeout: the sender held after the message data must still be waiting when the kill comes.
            AmendsServer server = AmendsServer.startOwn(relay.port(), Map.of("AMENDS_MAIL_TIMEOUT", "PT5M"));
            try {
                Api admin = server.api("admin");
                String contact = "erika." + UUID.randomUUID().toString().substring(0, 8) + "@client.example";
                long caseId = caseWithContact(server, contact);
                String messages = "/api/v1/cases/" + caseId + "/messages";
                for (int i = 1; i <= BEFORE; i++) {
                    assertThat(server.api("alice").post(messages, "{\"text\":\"SENT-BEFORE-" + i + "\"}").status()).isEqualTo(201);
                }
                mail.await(TestMailServer.to(contact).and(body("SENT-BEFORE-")), BEFORE, WAIT);
                List<JsonObject> sentBefore = awaitRows(admin, caseId, rows -> rows.size() == BEFORE
                        && rows.stream().allMatch(r -> r.getString("status").equals("SENT")));

                // The mail server takes the next mail, but the sender never hears that it did.
                relay.holdAnswersToData(true);
                assertThat(server.api("alice").post(messages, "{\"text\":\"IN-FLIGHT-AT-THE-KILL\"}").status()).isEqualTo(201);
                mail.await(TestMailServer.to(contact).and(body("IN-FLIGHT-AT-THE-KILL")), 1, WAIT);
                // The outbox's one sender is held, so this one waits, untried.
                assertThat(server.api("alice").post(messages, "{\"text\":\"WAITING-AT-THE-KILL\"}").status()).isEqualTo(201);
                List<JsonObject> atTheKill = awaitRows(admin, caseId, rows -> rows.size() == BEFORE + 2);
                JsonObject inFlight = atTheKill.get(BEFORE);
                JsonObject waiting = atTheKill.get(BEFORE + 1);
                assertThat(inFlight.getString("status")).as("accepted by the mail server, not yet marked").isEqualTo("PENDING");
                assertThat(waiting.getString("status")).isEqualTo("PENDING");
                assertThat(waiting.getInt("attempts")).as("not tried before the kill").isZero();

                server.kill();
                relay.holdAnswersToData(false);
                server.startAgain();

                mail.await(TestMailServer.to(contact).and(body("WAITING-AT-THE-KILL")), 1, WAIT);
                mail.await(TestMailServer.to(contact).and(body("IN-FLIGHT-AT-THE-KILL")), 2, WAIT);
                List<TestMailServer.Mail> received = mail.settled(m -> true, Duration.ofSeconds(10));
                String inFlightId = received.stream().filter(body("IN-FLIGHT-AT-THE-KILL")).findFirst().orElseThrow().messageId();
                assertThat(received.stream().filter(body("IN-FLIGHT-AT-THE-KILL"))).as("sent again, recognisably the same mail")
                        .hasSize(2).allSatisfy(m -> assertThat(m.messageId()).isEqualTo(inFlightId));
                Map<String, Long> perMessageId = received.stream().filter(m -> !m.messageId().equals(inFlightId))
                        .collect(Collectors.groupingBy(TestMailServer.Mail::messageId, Collectors.counting()));
                assertThat(perMessageId).as("every other mail the server ever sent, by Message-ID").allSatisfy((id, times) ->
                        assertThat(times).as(id).isEqualTo(1L));
                assertThat(received.stream().filter(body("SENT-BEFORE-"))).hasSize(BEFORE);
                assertThat(received.stream().filter(body("WAITING-AT-THE-KILL"))).hasSize(1)
                        .allSatisfy(m -> assertThat(m.outboxId()).isEqualTo(String.valueOf(waiting.getJsonNumber("id").longValue())));

                List<JsonObject> after = awaitRows(server.api("admin"), caseId, rows -> rows.size() == BEFORE + 2
                        && rows.stream().allMatch(r -> r.getString("status").equals("SENT")));
                for (JsonObject before : sentBefore) {
                    JsonObject now = after.stream().filter(r -> r.getJsonNumber("id").equals(before.getJsonNumber("id"))).findFirst()
                            .orElseThrow();
                    assertThat(now.getInt("attempts")).as("mail %s was not taken again after the restart", now.getJsonNumber("id"))
                            .isEqualTo(before.getInt("attempts"));
                }
            } finally {
                server.stop();
            }
        } finally {
            mail.stop();
        }
    }

    /** An account of alice's with one contact at {@code email}, and an open case of it with that contact. */
    private static long caseWithContact(AmendsServer server, String email) {
        Api admin = server.api("admin");
        Api.Answer account = admin.post("/api/v1/accounts", Json.createObjectBuilder().add("name", "Restart " + email)
                .add("segment", "B2B").add("currency", "EUR").add("language", "en").add("manager", "alice").build());
        assertThat(account.status()).as(account.toString()).isEqualTo(201);
        long accountId = account.json().getJsonNumber("id").longValue();
        Api.Answer contact = admin.post("/api/v1/accounts/" + accountId + "/contacts", Json.createObjectBuilder()
                .add("name", "Erika Muster").add("email", email).add("street", "Hauptstraße 1").add("postalCode", "10115")
                .add("city", "Berlin").add("country", "DE").build());
        assertThat(contact.status()).as(contact.toString()).isEqualTo(201);
        Api.Answer opened = server.api("alice").post("/api/v1/cases", Json.createObjectBuilder()
                .add("accountId", accountId).add("contactIds", Json.createArrayBuilder().add(contact.json().getJsonNumber("id")))
                .add("title", "Mail across a restart").add("description", "Messages to the client around a crash")
                .add("severity", "LOW").add("channel", "PHONE").add("rootCause", "BILLING").build());
        assertThat(opened.status()).as(opened.toString()).isEqualTo(201);
        return opened.json().getJsonNumber("id").longValue();
    }

    /** The case's staff messages in the outbox, oldest first. */
    private static List<JsonObject> rows(Api admin, long caseId) {
        return admin.get("/api/v1/mail/outbox?case=" + caseId).array().stream().map(v -> (JsonObject) v)
                .filter(m -> m.getString("kind").equals("staff_message")).toList();
    }

    private static List<JsonObject> awaitRows(Api admin, long caseId, Predicate<List<JsonObject>> done) throws InterruptedException {
        long deadline = System.nanoTime() + WAIT.toNanos();
        List<JsonObject> rows = rows(admin, caseId);
        while (!done.test(rows)) {
            assertThat(System.nanoTime()).as("the outbox within %s: %s", WAIT, rows).isLessThan(deadline);
            Thread.sleep(300);
            rows = rows(admin, caseId);
        }
        return rows;
    }

    private static Predicate<TestMailServer.Mail> body(String text) {
        return m -> m.body().contains(text);
    }
}
