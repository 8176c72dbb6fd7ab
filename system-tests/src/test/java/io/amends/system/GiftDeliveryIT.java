package io.amends.system;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * From approval to the customer's door: an approved proposal for each gift kind is handed to fulfillment in the
 * approving transaction, the simulated vendor accepts, ships and delivers it, and the case hears of it (proposal
 * FULFILLED, a client-visible timeline line), after which the case can be resolved.
 */
class GiftDeliveryIT {

    private final Api alice = Api.as("alice");

    @Test
    void anApprovedProposalForEachGiftKindComesBackDeliveredOnTheCase() throws InterruptedException {
        TestData.AccountWithContact account = TestData.account("alice", "EUR", 10_000_00L);
        JsonObject opened = TestData.openCase(alice, account, "HIGH", "LATE_DELIVERY");
        long caseId = opened.getJsonNumber("id").longValue();
        String base = "/api/v1/cases/" + caseId;
        Map<String, Long> catalog = Map.of("FLOWERS", 1L, "CHOCOLATES", 4L, "HANDWRITTEN_CARD", 5L);
        catalog.forEach((kind, item) -> {
            Api.Answer proposed = alice.post(base + "/proposals", Json.createObjectBuilder().add("contactId", account.contactId())
                    .add("kind", kind).add("catalogItemId", item).add("cardMessage", "We are sorry the pallets were late.").build());
            assertThat(proposed.status()).as(proposed.toString()).isEqualTo(201);
            assertThat(proposed.json().getString("verdict")).isEqualTo("AUTO_APPROVED");
            assertThat(proposed.json().getString("status")).isEqualTo("FULFILLING");
        });

        Map<String, String> statuses = Map.of();
        for (int i = 0; i < 120; i++) {
            statuses = alice.get(base + "/proposals").array().stream().map(v -> (JsonObject) v)
                    .collect(Collectors.toMap(p -> p.getString("kind"), p -> p.getString("status")));
            if (statuses.values().stream().allMatch("FULFILLED"::equals)) {
                break;
            }
            Thread.sleep(1000);
        }
        assertThat(statuses).containsOnly(Map.entry("FLOWERS", "FULFILLED"), Map.entry("CHOCOLATES", "FULFILLED"),
                Map.entry("HANDWRITTEN_CARD", "FULFILLED"));

        List<String> kinds = alice.get(base + "/timeline").array().stream().map(v -> ((JsonObject) v).getString("kind")).toList();
        assertThat(kinds.stream().filter("GIFT_DELIVERED"::equals).count()).isEqualTo(3);
        assertThat(kinds).contains("GIFT_ORDERED", "GIFT_SHIPPED");
        Api.Answer orders = alice.get("/api/v1/orders?reference=proposal:" + alice.get(base + "/proposals").array().getJsonObject(0)
                .getJsonNumber("id"));
        assertThat(orders.status()).isEqualTo(200);

        // every compensation is settled now: the resolution guard lets the case through once contact and apology are done
        TestData.contactAndApologize(alice, caseId);
        Api.Answer resolved = alice.post(base + "/resolve", "{}");
        assertThat(resolved.status()).as(resolved.toString()).isEqualTo(200);
    }
}
