package io.amends.system;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.time.temporal.ChronoUnit;
import java.util.UUID;

/**
 * Test data for the portal, intake and mail tests over the API: a customer account of its own with a contact and a
 * client user for the portal, and the account manager's steps on a case.
 */
final class PortalData {

    /** An account with one contact, and a portal user of that account whose email is the contact's. */
    record Tenant(long accountId, String accountName, long contactId, String contactEmail, String client) {
        Api api() {
            return Api.as(client);
        }
    }

    /** The good apology the coach lets through. */
    static final String LETTER = "Dear Erika,\n\nI am sorry: we billed you two weeks early because our billing run used the wrong date. "
            + "That was our mistake, and it cost your team a reversed payment run. "
            + "We have corrected the schedule, and by 15 December 2026 every invoice will be checked before it goes out.\n\nAlice";

    private PortalData() {
    }

    static Tenant tenant(String language) {
        String tag = UUID.randomUUID().toString().substring(0, 8);
        Api admin = Api.as("admin");
        String name = "Portal " + tag + " GmbH";
        Api.Answer account = admin.post("/api/v1/accounts", Json.createObjectBuilder().add("name", name).add("segment", "B2B")
                .add("currency", "EUR").add("language", language).add("manager", "alice").build());
        assertThat(account.status()).as(account.toString()).isEqualTo(201);
        long accountId = account.json().getJsonNumber("id").longValue();
        Api.Answer ltv = Api.as("carol").put("/api/v1/accounts/" + accountId + "/ltv",
                Json.createObjectBuilder().add("amountMinor", 120_000_00L).build().toString());
        assertThat(ltv.status()).as(ltv.toString()).isIn(200, 201);
        String email = "erika." + tag + "@client.example";
        Api.Answer contact = admin.post("/api/v1/accounts/" + accountId + "/contacts", Json.createObjectBuilder()
                .add("name", "Erika Muster").add("email", email).add("street", "Hauptstraße 1").add("postalCode", "10115")
                .add("city", "Berlin").add("country", "DE").build());
        assertThat(contact.status()).as(contact.toString()).isEqualTo(201);
        String client = "client-" + tag;
        Api.Answer user = admin.post("/api/v1/admin/users", Json.createObjectBuilder().add("username", client)
                .add("displayName", "Erika Muster (" + tag + ")").add("email", email).add("password", client + "-demo-2026")
                .add("roles", Json.createArrayBuilder().add("CLIENT")).add("accountId", accountId).build());
        assertThat(user.status()).as(user.toString()).isEqualTo(201);
        return new Tenant(accountId, name, contact.json().getJsonNumber("id").longValue(), email, client);
    }

    /** A case of the tenant's account, opened by its account manager, with the contact on it. */
    static JsonObject openCase(Tenant tenant, String title, String severity) {
        Api.Answer opened = Api.as("alice").post("/api/v1/cases", Json.createObjectBuilder()
                .add("accountId", tenant.accountId()).add("contactIds", Json.createArrayBuilder().add(tenant.contactId()))
                .add("title", title).add("description", "What happened to " + title).add("severity", severity)
                .add("channel", "PHONE").add("rootCause", "BILLING").build());
        assertThat(opened.status()).as(opened.toString()).isEqualTo(201);
        return opened.json();
    }

    static long logContact(long caseId, long contactId, String summary) {
        Api.Answer logged = Api.as("alice").post("/api/v1/cases/" + caseId + "/contacts", Json.createObjectBuilder()
                .add("contactId", contactId).add("channel", "CALL").add("summary", summary)
                .add("customerAsked", "A corrected invoice").build());
        assertThat(logged.status()).as(logged.toString()).isEqualTo(201);
        return logged.json().getJsonNumber("id").longValue();
    }

    static void sendApology(long caseId, long contactId, String body) {
        Api alice = Api.as("alice");
        Api.Answer drafted = alice.post("/api/v1/cases/" + caseId + "/apologies",
                Json.createObjectBuilder().add("contactId", contactId).add("body", body).build());
        assertThat(drafted.status()).as(drafted.toString()).isEqualTo(201);
        Api.Answer sent = alice.post("/api/v1/cases/" + caseId + "/apologies/" + drafted.json().getJsonNumber("id") + "/send", "{}");
        assertThat(sent.status()).as(sent.toString()).isEqualTo(200);
    }

    static long commit(long caseId, String description, int days) {
        Api.Answer made = Api.as("alice").post("/api/v1/cases/" + caseId + "/commitments", Json.createObjectBuilder()
                .add("description", description).add("dueAt", Api.serverNow().plus(days, ChronoUnit.DAYS).toString()).build());
        assertThat(made.status()).as(made.toString()).isEqualTo(201);
        return made.json().getJsonNumber("id").longValue();
    }

    static void note(long caseId, long commitmentId, String text, boolean visibleToClient) {
        Api.Answer noted = Api.as("alice").post("/api/v1/cases/" + caseId + "/commitments/" + commitmentId + "/notes",
                Json.createObjectBuilder().add("note", text).add("visibleToClient", visibleToClient).build());
        assertThat(noted.status()).as(noted.toString()).isEqualTo(201);
    }

    static void done(long caseId, long commitmentId) {
        Api.Answer done = Api.as("alice").post("/api/v1/cases/" + caseId + "/commitments/" + commitmentId + "/done", "{}");
        assertThat(done.status()).as(done.toString()).isEqualTo(200);
    }

    static void resolve(long caseId, String summary) {
        Api.Answer resolved = Api.as("alice").post("/api/v1/cases/" + caseId + "/resolve",
                Json.createObjectBuilder().add("summary", summary).build());
        assertThat(resolved.status()).as(resolved.toString()).isEqualTo(200);
    }

    /** A case taken from intake to resolved by its account manager: contact, apology, resolution. */
    static long resolvedCase(Tenant tenant, String title) {
        long caseId = openCase(tenant, title, "MEDIUM").getJsonNumber("id").longValue();
        logContact(caseId, tenant.contactId(), "Erika explained what went wrong");
        sendApology(caseId, tenant.contactId(), LETTER);
        resolve(caseId, "Corrected and checked");
        return caseId;
    }
}
