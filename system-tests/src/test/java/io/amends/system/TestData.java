package io.amends.system;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.util.UUID;

/** Small builders for test data over the API, so each test owns its accounts, contacts and cases. */
final class TestData {

    private TestData() {
    }

    /** A new account managed by {@code manager}, with the given lifetime value (minor units), and one contact with an address. */
    record AccountWithContact(long accountId, long contactId) {
    }

    static AccountWithContact account(String manager, String currency, long ltvMinor) {
        Api admin = Api.as("admin");
        Api.Answer account = admin.post("/api/v1/accounts", Json.createObjectBuilder()
                .add("name", "Test " + UUID.randomUUID()).add("segment", "B2B").add("currency", currency).add("language", "en")
                .add("manager", manager).build());
        assertThat(account.status()).as(account.toString()).isEqualTo(201);
        long accountId = account.json().getJsonNumber("id").longValue();
        if (ltvMinor > 0) {
            Api.Answer ltv = admin.put("/api/v1/accounts/" + accountId + "/ltv", Json.createObjectBuilder()
                    .add("amountMinor", ltvMinor).add("source", "CRM_API").build().toString());
            assertThat(ltv.status()).as(ltv.toString()).isIn(200, 201);
        }
        Api.Answer contact = admin.post("/api/v1/accounts/" + accountId + "/contacts", Json.createObjectBuilder()
                .add("name", "Erika Muster").add("email", "erika@" + UUID.randomUUID() + ".example")
                .add("street", "Hauptstraße 1").add("postalCode", "10115").add("city", "Berlin").add("country", "DE").build());
        assertThat(contact.status()).as(contact.toString()).isEqualTo(201);
        return new AccountWithContact(accountId, contact.json().getJsonNumber("id").longValue());
    }

    static JsonObject openCase(Api api, AccountWithContact account, String severity, String rootCause) {
        Api.Answer opened = api.post("/api/v1/cases", Json.createObjectBuilder()
                .add("accountId", account.accountId()).add("contactIds", Json.createArrayBuilder().add(account.contactId()))
                .add("title", "Shipment lost").add("description", "The pallet never arrived.")
                .add("severity", severity).add("channel", "EMAIL").add("rootCause", rootCause).build());
        assertThat(opened.status()).as(opened.toString()).isEqualTo(201);
        return opened.json();
    }

    /** Takes a case to APOLOGIZED: a call logged, then an apology the coach lets through, sent. */
    static void contactAndApologize(Api api, long caseId) {
        String base = "/api/v1/cases/" + caseId;
        Api.Answer contact = api.post(base + "/contacts", "{\"channel\":\"CALL\",\"summary\":\"Called to say sorry and that flowers are on the way\"}");
        assertThat(contact.status()).as(contact.toString()).isEqualTo(201);
        JsonObject letter = api.post(base + "/apologies", Json.createObjectBuilder().add("body",
                "Dear Erika, I am sorry: your pallets arrived three days late because we booked the wrong carrier slot. "
                        + "That was our mistake. By 1 December 2026 every booking will be checked twice.").build()).json();
        Api.Answer sent = api.post(base + "/apologies/" + letter.getJsonNumber("id") + "/send", "{}");
        assertThat(sent.status()).as(sent.toString()).isEqualTo(200);
    }

    /** An API key for a system (a helpdesk, a storefront), issued by the administrator; the secret. */
    static String apiKey(String name, String role) {
        Api.Answer issued = Api.as("admin").post("/api/v1/admin/api-keys",
                Json.createObjectBuilder().add("name", name).add("role", role).build());
        assertThat(issued.status()).as(issued.toString()).isEqualTo(201);
        return issued.json().getString("secret");
    }

    /** A discount proposal costing {@code amount} (a decimal string in the account's currency). */
    static Api.Answer proposeDiscount(Api api, long caseId, long contactId, String amount) {
        return api.post("/api/v1/cases/" + caseId + "/proposals", proposeBody(contactId, amount));
    }

    static String proposeBody(long contactId, String amount) {
        return Json.createObjectBuilder()
                .add("contactId", contactId).add("kind", "DISCOUNT_CODE").add("discountType", "AMOUNT")
                .add("discountValue", new java.math.BigDecimal(amount).movePointRight(2).longValueExact()).add("amount", amount)
                .add("discountExpiresAt", Api.serverNow().plusSeconds(90L * 24 * 3600).toString()).build().toString();
    }
}
