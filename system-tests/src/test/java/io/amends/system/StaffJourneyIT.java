package io.amends.system;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;

/**
 * The staff web UI in a real browser: an account manager takes a case from open to resolved with a compensation that
 * finance approves in the queue; the finance pages; pages refused to roles that may not see them; a helpdesk ticket
 * placed from the triage queue; and a case resolved once its gift was delivered. Each main page
 * is saved as a screenshot under {@code target/screenshots/}.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class StaffJourneyIT {

    private static Browser browser;
    private static URI base;

    private static long caseId;
    private static String caseKey;
    private static long bigCaseId;
    private static String bigCaseKey;
    private static String both;

    @BeforeAll
    static void start() throws Exception {
        base = AmendsServer.get().base();
        browser = Browser.open(base);
        // Its own cases, on the demo accounts alice manages (Acme: EUR, platinum; Globex: GBP, gold).
        Api alice = Api.as("alice");
        JsonObject acme = openCase(alice, demoAccount(alice, "Invoice sent two weeks early"), "MEDIUM", "BILLING",
                "Second invoice sent early", "The December invoice went out on 20 November, again before the agreed date.");
        caseId = acme.getJsonNumber("id").longValue();
        caseKey = acme.getString("key");
        JsonObject globex = openCase(alice, demoAccount(alice, "Checkout outage during the sale"), "CRITICAL", "OUTAGE",
                "Checkout down again", "The storefront API failed for 20 minutes during the Cyber Monday sale.");
        bigCaseId = globex.getJsonNumber("id").longValue();
        bigCaseKey = globex.getString("key");
        // Someone who is both account manager and finance: the four-eyes rules keep them from approving their own proposal.
        both = "erin" + System.nanoTime();
        Api.Answer created = Api.as("admin").post("/api/v1/admin/users", "{\"username\":\"" + both + "\",\"displayName\":\"Erin Both\","
                + "\"password\":\"" + both + "-demo-2026\",\"roles\":[\"ACCOUNT_MANAGER\",\"FINANCE\"]}");
        assertThat(created.status()).as(created.toString()).isEqualTo(201);
    }

    /** The account of one of alice's demo cases. */
    private static long demoAccount(Api api, String caseTitle) {
        return api.get("/api/v1/cases?size=200").json().getJsonArray("items").stream().map(v -> (JsonObject) v)
                .filter(c -> c.getString("title").equals(caseTitle)).findFirst().orElseThrow()
                .getJsonNumber("accountId").longValue();
    }

    private static JsonObject openCase(Api api, long accountId, String severity, String rootCause, String title, String description) {
        Api.Answer opened = api.post("/api/v1/cases", jakarta.json.Json.createObjectBuilder().add("accountId", accountId)
                .add("title", title).add("description", description).add("severity", severity).add("channel", "PHONE")
                .add("rootCause", rootCause).build());
        assertThat(opened.status()).as(opened.toString()).isEqualTo(201);
        return opened.json();
    }

    @AfterAll
    static void stop() {
        if (browser != null) {
            browser.close();
        }
    }

    @Test
    @Order(1)
    void anAccountManagerFindsTheNewCaseInMyWorkWithItsCountdown() throws Exception {
        browser.signIn("alice");
        assertThat(browser.url()).contains("/staff/index.xhtml");
        assertThat(browser.pageText()).contains("My work").contains(caseKey);
        List<WebElement> clocks = browser.all(By.cssSelector("#work\\:cases .sla[data-due]"));
        assertThat(clocks).isNotEmpty();
        assertThat(clocks.get(0).getText()).matches(".*(left|ago).*");
        browser.screenshot("01-my-work");
    }

    @Test
    @Order(2)
    void theCasePageTellsTheStoryAndWhyItCannotBeResolvedYet() throws Exception {
        browser.go("/staff/case.xhtml?id=" + caseId);
        assertThat(browser.text("caseStatus")).isEqualTo("Open");
        assertThat(browser.text("resolveForm:resolveReason")).contains("Not a step from Open");
        assertThat(browser.byId("resolveForm:resolve").isEnabled()).isFalse();
        assertThat(browser.text("customer")).contains("Acme Logistics").contains("Platinum").contains("EUR 850,000.00");
        assertThat(browser.text("otherCases")).contains("Invoice sent two weeks early").contains("recurrence");
        assertThat(browser.text("story")).contains("Recurrence of");
        assertThat(browser.text("timeline")).contains("OPENED").contains("RECURRENCE");
    }

    @Test
    @Order(3)
    void loggingAContactMovesTheCaseToContactedAndDraftsTheConfirmation() {
        browser.go("/staff/case.xhtml?id=" + caseId).click("logContact").waitForUrl("/staff/contact.xhtml");
        browser.click("contact:save");
        assertThat(browser.pageText()).contains("Write down what you understood");
        browser.type("contact:summary", "Hans explained the invoice arrived early and their finance team had to stop the payment run again.")
                .type("contact:customerAsked", "A corrected invoice dated 1 December.")
                .click("contact:save");
        assertThat(browser.text("confirmationBody")).contains("What I understood: Hans explained the invoice arrived early");
        browser.click("contact:back").waitForUrl("/staff/case.xhtml");
        assertThat(browser.text("caseStatus")).isEqualTo("Contacted");
    }

    @Test
    @Order(4)
    void theCoachReadsAlongAndTheApologyIsSent() throws Exception {
        browser.go("/staff/case.xhtml?id=" + caseId).click("composeApology").waitForUrl("/staff/apology.xhtml");
        browser.type("apology:body", "Dear Hans, we are sorry if you were upset, but the billing provider sent it early.");
        browser.waitForText("apology:coach", "Not ready to send");
        assertThat(browser.text("apology:coach")).contains("Try:");
        browser.screenshot("03-apology-coach");

        browser.type("apology:issue", "Your December invoice was sent three weeks early")
                .type("apology:reason", "our billing run still used the old invoice date for your account")
                .type("apology:fix", "send a corrected invoice dated 1 December and fix the date in the billing run")
                .type("apology:fixDate", "Friday 12 December")
                .click("apology:useTemplate");
        browser.waitForText("apology:coach", "Nothing to flag");
        assertThat(browser.byId("apology:body").getAttribute("value")).contains("that was our mistake");
        browser.click("apology:send").waitForUrl("/staff/case.xhtml");
        assertThat(browser.text("caseStatus")).isEqualTo("Apologized");
        assertThat(browser.text("letters")).contains("Sent");
    }

    @Test
    @Order(5)
    void aCommitmentIsMadeAndKept() {
        browser.go("/staff/case.xhtml?id=" + caseId).click("addCommitment").waitForUrl("/staff/commitment.xhtml");
        browser.type("commitment:description", "Check every Acme invoice date before the billing run").click("commitment:save")
                .waitForUrl("/staff/case.xhtml");
        assertThat(browser.text("commitments")).contains("Check every Acme invoice date").contains("Open");
        assertThat(browser.text("resolveForm:resolveReason")).contains("1 commitment is still open");
        browser.click(By.cssSelector("#commitments button[id$=':done']")).waitForUrl("/staff/case.xhtml");
        assertThat(browser.text("commitments")).contains("Done");
    }

    @Test
    @Order(6)
    void compensationIsProposedAfterSeeingThePolicysVerdict() throws Exception {
        browser.go("/staff/case.xhtml?id=" + caseId).click("proposeCompensation").waitForUrl("/staff/proposal.xhtml");
        assertThat(browser.byId("proposal:submit").isEnabled()).isFalse();
        browser.typeAndLeave("proposal:discountValue", "300.00");
        browser.waitForText("proposal:verdict", "Needs finance");
        assertThat(browser.text("proposal:verdict")).contains("EUR 300.00").contains("auto-approval limit").contains("per-case cap");
        browser.type("proposal:cardMessage", "Dear Hans, we are sorry the invoice came early again. This is on us. Alice");
        browser.screenshot("04-proposal-verdict");
        browser.click("proposal:submit").waitForUrl("/staff/case.xhtml");
        assertThat(browser.text("compensation")).contains("EUR 300.00").contains("Waiting for finance");
        assertThat(browser.text("resolveForm:resolveReason")).contains("1 compensation is not settled yet");
        browser.screenshot("02-case-page");

    }

    @Test
    @Order(7)
    void nobodyApprovesTheirOwnProposalAndTheQueueSaysWhy() throws Exception {
        // Erin proposes above the finance limit on another case, then finds the approval refused to her in the queue.
        browser.signOut().signIn(both).go("/staff/proposal.xhtml?case=" + bigCaseId).typeAndLeave("proposal:discountValue", "1200.00");
        browser.waitForText("proposal:verdict", "Needs two finance approvers");
        browser.click("proposal:submit").waitForUrl("/staff/case.xhtml");
        assertThat(browser.text("compensation")).contains("GBP 1,200.00").contains("Waiting for finance");
        browser.go("/finance/queue.xhtml");
        WebElement own = findQueueRow(bigCaseKey);
        assertThat(own.getText()).contains("Needs two finance approvers").contains("You proposed it; someone else must approve (four eyes)");
        assertThat(own.findElement(By.cssSelector("button[id$=':approve']")).isEnabled()).isFalse();
        assertThat(own.findElement(By.cssSelector("button[id$=':reject']")).isEnabled()).isFalse();
        browser.screenshot("05b-approval-queue-four-eyes");
    }

    @Test
    @Order(8)
    void financeApprovesInTheQueue() throws Exception {
        browser.signOut().signIn("carol");
        assertThat(browser.url()).contains("/finance/queue.xhtml");
        assertThat(findQueueRow(bigCaseKey).findElement(By.cssSelector("button[id$=':approve']")).isEnabled()).isTrue();

        WebElement ours = findQueueRow(caseKey);
        assertThat(ours.getText()).contains("Needs finance").contains("EUR 300.00").contains("Platinum");
        browser.screenshot("05-approval-queue");

        WebElement comment = ours.findElement(By.cssSelector("textarea[id$=':comment']"));
        comment.sendKeys("Fair for a second billing error at a platinum customer");
        ours.findElement(By.cssSelector("button[id$=':approve']")).click();
        browser.settle();
        assertThat(browser.pageText()).containsPattern("Proposal \\d+ approved");
        assertThat(browser.pageText()).doesNotContain(caseKey);
    }

    @Test
    @Order(9)
    void theDashboardShowsChartsWithTheirNumbersAsCsv() throws Exception {
        browser.go("/finance/dashboard.xhtml");
        assertThat(browser.all(By.cssSelector("canvas"))).hasSize(4);
        assertThat(browser.text("granted")).startsWith("EUR");
        assertThat(browser.all(By.cssSelector("a.download"))).hasSize(4);
        browser.screenshot("06-finance-dashboard");
        java.net.http.HttpResponse<String> csv = browser.download("/finance/dashboard.csv?chart=spend-by-month");
        assertThat(csv.statusCode()).isEqualTo(200);
        assertThat(csv.headers().firstValue("Content-Type").orElse("")).startsWith("text/csv");
        assertThat(csv.body()).startsWith("month,kind,currency,proposals,cost_minor").contains("DISCOUNT_CODE,EUR");
    }

    @Test
    @Order(10)
    void theAuditTrailIsSearchedAndVerifiedWithOneClick() throws Exception {
        browser.go("/finance/audit.xhtml");
        browser.type("search:caseKey", caseKey).click("search:go");
        assertThat(browser.text("search:entries")).contains("COMPENSATION_APPROVED").contains("COMPENSATION_PROPOSED");
        browser.click("verifyForm:verify");
        browser.waitForText("verifyResult", "Intact");
        browser.screenshot("07-audit");
        java.net.http.HttpResponse<String> export = browser.download("/finance/audit-export.csv");
        assertThat(export.statusCode()).isEqualTo(200);
        assertThat(export.body()).startsWith("seq,recorded_at,actor").contains(caseKey);
    }

    @Test
    @Order(11)
    void theAccountManagerResolvesOnceTheCompensationIsSettled() throws Exception {
        browser.signOut().signIn("alice").go("/staff/case.xhtml?id=" + caseId);
        assertThat(browser.text("compensation")).doesNotContain("Waiting for finance");
        if (browser.byId("resolveForm:resolve").isEnabled()) {
            browser.type("resolveForm:summary", "Corrected invoice sent, billing date fixed, discount granted").click("resolveForm:resolve")
                    .waitForUrl("/staff/case.xhtml");
            assertThat(browser.text("caseStatus")).isEqualTo("Resolved");
        } else {
            // Fulfillment has not delivered the approved compensation (yet): the page says so instead of offering the move.
            assertThat(browser.text("resolveForm:resolveReason")).contains("1 compensation is not settled yet");
            assertThat(browser.text("caseStatus")).isEqualTo("Apologized");
        }
        browser.screenshot("08-case-after-approval");
    }

    @Test
    @Order(12)
    void pagesAreRefusedToRolesThatMayNotSeeThem() {
        browser.signOut().go("/staff/index.xhtml");
        assertThat(browser.url()).contains("/login.xhtml");
        browser.signIn("acme.client").go("/staff/index.xhtml");
        assertThat(browser.pageText()).contains("You may not open this page");
        browser.go("/finance/queue.xhtml");
        assertThat(browser.pageText()).contains("You may not open this page");
        browser.signOut().signIn("carol").go("/admin/users.xhtml");
        assertThat(browser.pageText()).contains("You may not open this page");
        browser.go("/staff/proposal.xhtml?case=" + caseId);
        assertThat(browser.pageText()).contains("You may not open this page");
        browser.go("/staff/triage.xhtml");
        assertThat(browser.pageText()).as("finance reads cases, it does not place tickets").contains("You may not open this page");
    }

    @Test
    @Order(13)
    void aTicketFromSomeoneNoAccountKnowsIsPlacedFromTriageAndItsCaseOpens() throws Exception {
        String ticketId = "ZD-" + UUID.randomUUID().toString().substring(0, 13);
        String subject = "Invoice PDF cannot be opened " + ticketId;
        Api helpdesk = Api.withHeader("X-Api-Key", TestData.apiKey("journey-" + UUID.randomUUID(), "HELPDESK"));
        Api.Answer triaged = helpdesk.post("/api/v1/intake/tickets", Json.createObjectBuilder().add("id", ticketId)
                .add("requester", Json.createObjectBuilder().add("email", "new.buyer." + ticketId.toLowerCase() + "@acme.example")
                        .add("name", "Nora Newman"))
                .add("subject", subject).add("description", "The PDF of the December invoice is empty.").add("priority", "high").build());
        assertThat(triaged.json().getString("result")).as(triaged.toString()).isEqualTo("TRIAGED");

        browser.signOut().signIn("alice").click(By.linkText("Triage")).waitForUrl("/staff/triage.xhtml");
        browser.clickIn(browser.row("list:tickets", subject), "open");
        assertThat(browser.text("ticketDescription")).isEqualTo("The PDF of the December invoice is empty.");
        browser.screenshot("09-triage");
        browser.click("assign:go");
        assertThat(browser.fieldMessages("assign")).containsExactly("Pick the account the ticket belongs to.");
        browser.choose("assign:accountId", "Acme Logistics GmbH");
        browser.click("assign:go").waitForUrl("/staff/case.xhtml");

        assertThat(browser.pageText()).contains("Ticket " + ticketId + " is now case");
        assertThat(browser.pageText()).contains(subject);
        assertThat(browser.text("customer")).contains("Acme Logistics");
        assertThat(browser.text("timeline")).contains("TRIAGE_ASSIGNED");
        assertThat(Api.as("alice").get("/api/v1/intake/triage").array().stream()
                .map(v -> ((JsonObject) v).getString("ticketId"))).doesNotContain(ticketId);
        browser.go("/staff/triage.xhtml");
        assertThat(browser.text("list:tickets")).doesNotContain(subject);
    }

    @Test
    @Order(14)
    void theAccountManagerResolvesOnceTheGiftWasDelivered() throws Exception {
        Api alice = Api.as("alice");
        TestData.AccountWithContact account = TestData.account("alice", "EUR", 10_000_00L);
        long giftCaseId = TestData.openCase(alice, account, "HIGH", "LATE_DELIVERY").getJsonNumber("id").longValue();
        TestData.contactAndApologize(alice, giftCaseId);

        browser.signOut().signIn("alice").go("/staff/proposal.xhtml?case=" + giftCaseId);
        browser.click(By.xpath("//*[@id='proposal:kind']//*[contains(@class, 'ui-button')][normalize-space() = 'Flowers']"));
        browser.waitForText("proposal:verdict", "Auto-approved");
        browser.type("proposal:cardMessage", "Dear Erika, we are sorry the pallets were late. Alice");
        browser.click("proposal:submit").waitForUrl("/staff/case.xhtml");
        assertThat(browser.text("compensation")).contains("EUR 45.00").contains("Auto-approved");
        assertThat(browser.text("resolveForm:resolveReason")).contains("1 compensation is not settled yet");

        // The simulated vendor accepts, ships and delivers a step every 2 seconds; the page tells once it has.
        for (int i = 0; i < 90 && !browser.byId("resolveForm:resolve").isEnabled(); i++) {
            Thread.sleep(1000);
            browser.go("/staff/case.xhtml?id=" + giftCaseId);
        }
        assertThat(browser.text("compensation")).contains("Fulfilled");
        assertThat(browser.text("timeline")).contains("GIFT_DELIVERED");
        browser.type("resolveForm:summary", "Flowers delivered, carrier slot booking fixed").click("resolveForm:resolve")
                .waitForUrl("/staff/case.xhtml");
        assertThat(browser.text("caseStatus")).isEqualTo("Resolved");
        assertThat(alice.get("/api/v1/cases/" + giftCaseId).json().getString("status")).isEqualTo("RESOLVED");
        browser.screenshot("10-resolved-after-delivery");
    }

    @Test
    @Order(15)
    void everyMainPageWasSavedAsAScreenshot() {
        for (String name : List.of("01-my-work", "02-case-page", "04-proposal-verdict", "05-approval-queue", "06-finance-dashboard",
                "07-audit", "09-triage", "10-resolved-after-delivery")) {
            assertThat(Path.of("target", "screenshots", name + ".png")).exists();
        }
        assertThat(Files.isDirectory(Path.of("target", "screenshots"))).isTrue();
    }

    /** The queue row containing all the texts, paging forward through the queue until it turns up. */
    private static WebElement findQueueRow(String... texts) {
        for (int page = 0; page < 50; page++) {
            for (WebElement row : browser.all(By.cssSelector("#queue\\:items tbody tr"))) {
                String text = row.getText();
                boolean all = true;
                for (String t : texts) {
                    all &= text.contains(t);
                }
                if (all) {
                    return row;
                }
            }
            List<WebElement> next = browser.all(By.cssSelector("#queue\\:items .ui-paginator-next:not(.ui-state-disabled)"));
            if (next.isEmpty()) {
                break;
            }
            next.get(0).click();
            browser.settle();
        }
        throw new AssertionError("No queue row with " + String.join(" and ", texts) + " on " + browser.url() + ":\n" + browser.pageText());
    }
}
