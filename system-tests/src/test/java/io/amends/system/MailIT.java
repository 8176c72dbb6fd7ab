package io.amends.system;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Mail through the outbox to a real SMTP server (GreenMail in the test JVM): the apology letter in the account's
 * language, the request to confirm a resolution, progress on a commitment, the confirmation of a conversation, an SLA
 * escalation; and a mail server outage that delays a mail but neither loses nor duplicates it.
 */
class MailIT {

    private static final Duration WAIT = Duration.ofSeconds(40);
    private final TestMailServer mail = AmendsServer.mail();

    @Test
    void theApologyLetterReachesTheContactInTheAccountsLanguageWithARecognisableMessageId() {
        PortalData.Tenant tenant = PortalData.tenant("de");
        JsonObject opened = PortalData.openCase(tenant, "Rechnung zu früh", "MEDIUM");
        long caseId = opened.getJsonNumber("id").longValue();
        PortalData.logContact(caseId, tenant.contactId(), "Erika explained the early invoice");
        PortalData.sendApology(caseId, tenant.contactId(), PortalData.LETTER);

        List<TestMailServer.Mail> letters = mail.await(TestMailServer.to(tenant.contactEmail())
                .and(TestMailServer.subjectContains(opened.getString("key"))), 1, WAIT);
        TestMailServer.Mail letter = letters.get(0);
        assertThat(letter.subject()).startsWith("Unsere Entschuldigung: Rechnung zu früh");
        assertThat(letter.body()).contains("we billed you two weeks early because our billing run used the wrong date")
                .contains("/portal/case.xhtml?id=" + caseId).contains("Kundenportal");
        assertThat(letter.messageId()).matches("<amends\\.\\d+\\.\\d+@amends\\.test>");
        assertThat(letter.messageId()).contains("amends." + letter.outboxId() + ".");
    }

    @Test
    void resolvingACaseAsksItsContactsToConfirmWithALinkToThePortal() {
        PortalData.Tenant tenant = PortalData.tenant("en");
        long caseId = PortalData.resolvedCase(tenant, "Wrong delivery address");
        String key = Api.as("alice").get("/api/v1/cases/" + caseId).json().getString("key");
        TestMailServer.Mail request = mail.await(TestMailServer.to(tenant.contactEmail())
                .and(TestMailServer.subjectContains("Is it resolved for you?")).and(TestMailServer.subjectContains(key)), 1, WAIT).get(0);
        assertThat(request.body()).contains("Dear Erika Muster").contains("/portal/case.xhtml?id=" + caseId);
    }

    @Test
    void progressForTheClientIsMailedAndInternalNotesAreNot() {
        PortalData.Tenant tenant = PortalData.tenant("en");
        long caseId = PortalData.openCase(tenant, "Checks missing", "LOW").getJsonNumber("id").longValue();
        String key = Api.as("alice").get("/api/v1/cases/" + caseId).json().getString("key");
        long commitment = PortalData.commit(caseId, "Add a second check to the billing run", 14);
        PortalData.note(caseId, commitment, "INTERNAL the vendor is slow", false);
        PortalData.note(caseId, commitment, "The second check runs in test", true);
        TestMailServer.Mail progress = mail.await(TestMailServer.to(tenant.contactEmail())
                .and(TestMailServer.subjectContains("Progress on our commitment")).and(TestMailServer.subjectContains(key)), 1, WAIT).get(0);
        assertThat(progress.body()).contains("Add a second check to the billing run").contains("The second check runs in test");
        assertThat(mail.settled(m -> m.body().contains("INTERNAL the vendor is slow"), Duration.ofSeconds(4))).isEmpty();
    }

    @Test
    void theConfirmationOfAConversationGoesOutAsEditedAndOnlyOnce() {
        PortalData.Tenant tenant = PortalData.tenant("en");
        long caseId = PortalData.openCase(tenant, "Pallets late", "MEDIUM").getJsonNumber("id").longValue();
        long logId = PortalData.logContact(caseId, tenant.contactId(), "Erika told me the pallets came three days late");
        String confirmation = "/api/v1/cases/" + caseId + "/contacts/" + logId + "/confirmation";
        assertThat(Api.as("alice").post(confirmation, "{\"to\":\"someone@elsewhere.example\"}").status())
                .as("only to a contact of the account").isEqualTo(400);
        assertThat(tenant.api().post(confirmation, "{}").status()).isEqualTo(403);
        Api.Answer sent = Api.as("alice").post(confirmation, Json.createObjectBuilder()
                .add("subject", "Our call today about the late pallets").add("body", "Dear Erika,\n\nthank you for the call. EDITED-BY-ALICE\n")
                .build());
        assertThat(sent.status()).as(sent.toString()).isEqualTo(200);
        assertThat(sent.json().getBoolean("confirmedBack")).isTrue();
        assertThat(Api.as("alice").post(confirmation, "{}").status()).as("confirmed once").isEqualTo(409);

        TestMailServer.Mail mailed = mail.await(TestMailServer.to(tenant.contactEmail())
                .and(TestMailServer.subjectContains("Our call today about the late pallets")), 1, WAIT).get(0);
        assertThat(mailed.body()).contains("EDITED-BY-ALICE");
        assertThat(tenant.api().get("/api/v1/cases/" + caseId + "/timeline").body()).contains("We confirmed our conversation");
    }

    @Test
    void aGiftOnItsWayIsMailedToItsContactOnceWhenTheVendorShipsIt() {
        PortalData.Tenant tenant = PortalData.tenant("en");
        long caseId = PortalData.openCase(tenant, "Roses for the late pallets", "MEDIUM").getJsonNumber("id").longValue();
        String key = Api.as("alice").get("/api/v1/cases/" + caseId).json().getString("key");
        Api.Answer proposed = Api.as("alice").post("/api/v1/cases/" + caseId + "/proposals", Json.createObjectBuilder()
                .add("contactId", tenant.contactId()).add("kind", "FLOWERS").add("catalogItemId", 1)
                .add("cardMessage", "We are sorry the pallets came late.").build());
        assertThat(proposed.status()).as(proposed.toString()).isEqualTo(201);
        assertThat(proposed.json().getString("verdict")).isEqualTo("AUTO_APPROVED");
        long giftId = proposed.json().getJsonNumber("id").longValue();
        long orderId = tenant.api().get("/api/v1/portal/gifts/" + giftId).json().getJsonNumber("orderId").longValue();

        Api admin = Api.as("admin");
        long deadline = System.nanoTime() + Duration.ofSeconds(90).toNanos();
        String status = "";
        while (System.nanoTime() < deadline && !List.of("SHIPPED", "DELIVERED").contains(status)) {
            admin.post("/api/v1/clock/advance", "{\"by\":\"PT31S\"}");
            sleep(1000);
            status = admin.get("/api/v1/orders/" + orderId).json().getString("status");
        }
        assertThat(status).as("the simulated vendor shipped the roses").isIn("SHIPPED", "DELIVERED");
        TestMailServer.Mail onItsWay = mail.await(TestMailServer.to(tenant.contactEmail())
                .and(TestMailServer.subjectContains("Something is on its way to you (" + key + ")")), 1, WAIT).get(0);
        assertThat(onItsWay.body()).contains("Flowers").contains("/portal/case.xhtml?id=" + caseId);
        assertThat(mail.settled(TestMailServer.subjectContains("Something is on its way to you (" + key + ")"), Duration.ofSeconds(5)))
                .as("shipped once, mailed once").hasSize(1);
    }

    @Test
    void anSlaBreachEscalatesByMailToTheOwnersManager() {
        PortalData.Tenant tenant = PortalData.tenant("en");
        JsonObject opened = PortalData.openCase(tenant, "Outage on invoicing", "CRITICAL");
        Api admin = Api.as("admin");
        assertThat(admin.post("/api/v1/clock/advance", "{\"by\":\"PT12H\"}").status()).isEqualTo(200);
        String deadlines = "/api/v1/cases/" + opened.getJsonNumber("id") + "/deadlines";
        for (int sweep = 0; sweep < 50 && !Api.as("alice").get(deadlines).body().contains("BREACHED"); sweep++) {
            // a sweep takes a batch of the oldest due deadlines; other tests may have left many
            assertThat(admin.post("/api/v1/sla/sweep", "{}").status()).isEqualTo(200);
        }
        TestMailServer.Mail escalation = mail.await(TestMailServer.to("maria@amends.example")
                .and(TestMailServer.subjectContains(opened.getString("key"))), 1, WAIT).get(0);
        assertThat(escalation.subject()).startsWith("Overdue: first contact for " + opened.getString("key"));
        assertThat(escalation.body()).contains("Outage on invoicing").contains("alice");
    }

    @Test
    void aMailServerOutageDelaysAMailButNeitherLosesNorDuplicatesIt() {
        PortalData.Tenant tenant = PortalData.tenant("en");
        long caseId = PortalData.openCase(tenant, "Sent while the mail server was down", "LOW").getJsonNumber("id").longValue();
        String key = Api.as("alice").get("/api/v1/cases/" + caseId).json().getString("key");
        Api admin = Api.as("admin");
        mail.stop();
        try {
            Api.Answer message = Api.as("alice").post("/api/v1/cases/" + caseId + "/messages", "{\"text\":\"OUTAGE-MESSAGE\"}");
            assertThat(message.status()).as("the action does not wait for the mail server").isEqualTo(201);
            long deadline = System.nanoTime() + WAIT.toNanos();
            JsonObject row = null;
            while (System.nanoTime() < deadline) {
                row = admin.get("/api/v1/mail/outbox?case=" + caseId).array().stream().map(v -> (JsonObject) v)
                        .filter(m -> m.getString("kind").equals("staff_message")).findFirst().orElse(null);
                if (row != null && row.getInt("attempts") >= 2) {
                    break;
                }
                sleep(300);
            }
            assertThat(row).as("the outbox keeps the mail").isNotNull();
            assertThat(row.getString("status")).isEqualTo("PENDING");
            assertThat(row.getInt("attempts")).as("it was tried, and will be again").isGreaterThanOrEqualTo(2);
            assertThat(row.getString("lastError")).isNotBlank();
        } finally {
            mail.restart();
        }
        List<TestMailServer.Mail> arrived = mail.await(TestMailServer.to(tenant.contactEmail()).and(TestMailServer.subjectContains(key))
                .and(m -> m.body().contains("OUTAGE-MESSAGE")), 1, WAIT);
        assertThat(arrived).hasSize(1);
        assertThat(mail.settled(m -> m.body().contains("OUTAGE-MESSAGE"), Duration.ofSeconds(10))).as("exactly once").hasSize(1);
        assertThat(admin.get("/api/v1/mail/outbox?case=" + caseId).array().stream().map(v -> (JsonObject) v)
                .filter(m -> m.getString("kind").equals("staff_message")).findFirst().orElseThrow().getString("status")).isEqualTo("SENT");
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
