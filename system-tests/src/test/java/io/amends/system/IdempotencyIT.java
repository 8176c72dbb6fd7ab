package io.amends.system;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.json.Json;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;

/** POSTs that create things, sent with an Idempotency-Key: a retry gets the first answer, never a second thing. */
class IdempotencyIT {

    private final Api alice = Api.as("alice");

    private String caseBody(TestData.AccountWithContact account, String title) {
        return Json.createObjectBuilder().add("accountId", account.accountId()).add("title", title)
                .add("description", "Retried by a flaky network").add("severity", "LOW").add("channel", "API").build().toString();
    }

    private Api.Answer openWithKey(String key, String body) {
        return alice.send("POST", "/api/v1/cases", "application/json", body, "Idempotency-Key", key);
    }

    @Test
    void aRetriedIntakeReturnsTheFirstCaseAndOpensNoSecond() {
        TestData.AccountWithContact account = TestData.account("alice", "EUR", 0);
        String key = UUID.randomUUID().toString();
        String body = caseBody(account, "Retried intake");
        Api.Answer first = openWithKey(key, body);
        Api.Answer retry = openWithKey(key, body);
        assertThat(first.status()).as(first.toString()).isEqualTo(201);
        assertThat(retry.status()).isEqualTo(201);
        assertThat(retry.header("Idempotent-Replayed")).hasValue("true");
        assertThat(retry.json().getJsonNumber("id")).isEqualTo(first.json().getJsonNumber("id"));
        assertThat(alice.get("/api/v1/cases?account=" + account.accountId()).json().getJsonNumber("total").longValue()).isEqualTo(1);
    }

    @Test
    void theSameKeyWithADifferentBodyIsRefused() {
        TestData.AccountWithContact account = TestData.account("alice", "EUR", 0);
        String key = UUID.randomUUID().toString();
        assertThat(openWithKey(key, caseBody(account, "One")).status()).isEqualTo(201);
        Api.Answer reused = openWithKey(key, caseBody(account, "Another"));
        assertThat(reused.status()).isEqualTo(422);
        assertThat(reused.isProblem()).isTrue();
    }

    @Test
    void concurrentRequestsWithOneKeyCreateOneCase() {
        TestData.AccountWithContact account = TestData.account("alice", "EUR", 0);
        String key = UUID.randomUUID().toString();
        String body = caseBody(account, "Double click");
        List<CompletableFuture<Integer>> clicks = List.of(1, 2, 3).stream()
                .map(i -> CompletableFuture.supplyAsync(() -> openWithKey(key, body).status())).toList();
        assertThat(clicks.stream().map(CompletableFuture::join).toList()).allMatch(s -> s == 201 || s == 409);
        assertThat(alice.get("/api/v1/cases?account=" + account.accountId()).json().getJsonNumber("total").longValue()).isEqualTo(1);
    }
}
