package io.amends.system;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.json.JsonObject;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

/**
 * The reference data the rules run on, maintained in a real browser: an administrator changes an SLA deadline, adds
 * and retires a root cause, adds a gift to the catalog and changes its price. Each form first refuses what makes no
 * sense, next to the field; each change shows in the table, answers from the API and is in the audit trail. An
 * account manager who types an administration address is refused. Screenshots go to {@code target/screenshots/}.
 *
 * <p>It changes only what it added, and puts the one demo SLA row it changes back, so other tests find the demo data.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class AdminJourneyIT {

    private static Browser browser;
    private static final Api ADMIN = Api.as("admin");
    private static final String SUFFIX = UUID.randomUUID().toString().substring(0, 8).toUpperCase(Locale.ROOT);

    @BeforeAll
    static void start() throws Exception {
        URI base = AmendsServer.get().base();
        browser = Browser.open(base);
        browser.signIn("admin");
    }

    @AfterAll
    static void stop() {
        if (browser != null) {
            browser.close();
        }
    }

    @Test
    @Order(1)
    void anAdministratorChangesAnSlaDeadlineAndNewCasesGetIt() throws Exception {
        browser.go("/admin/index.xhtml").click(org.openqa.selenium.By.partialLinkText("SLA deadlines")).waitForUrl("/admin/sla.xhtml");
        browser.clickIn(browser.row("list:policies", "Low", "Bronze"), "edit");
        assertThat(browser.text("editing")).isEqualTo("Low · Bronze");
        String firstContact = browser.byId("edit:firstContactMinutes").getAttribute("value");
        String resolution = browser.byId("edit:resolutionMinutes").getAttribute("value");
        assertThat(slaPolicy("LOW", "BRONZE").getInt("firstContactMinutes")).isEqualTo(Integer.parseInt(firstContact));

        browser.type("edit:firstContactMinutes", "").click("edit:save");
        assertThat(browser.fieldMessages("edit")).containsExactly("Say how soon the first contact is due.");
        browser.type("edit:firstContactMinutes", String.valueOf(Integer.parseInt(resolution) + 60)).click("edit:save");
        assertThat(browser.fieldMessages("edit")).containsExactly("First contact comes after intake and before resolution");
        assertThat(slaPolicy("LOW", "BRONZE").getInt("firstContactMinutes")).as("a refused change changes nothing")
                .isEqualTo(Integer.parseInt(firstContact));

        browser.type("edit:firstContactMinutes", "123").click("edit:save");
        assertThat(browser.pageText()).contains("The deadlines for Low cases of Bronze customers are saved");
        assertThat(browser.row("list:policies", "Low", "Bronze").getText()).contains("2 h 3 min");
        assertThat(slaPolicy("LOW", "BRONZE").getInt("firstContactMinutes")).isEqualTo(123);
        assertAudited("SLA_POLICY_CHANGED", "LOW/BRONZE: first contact " + firstContact + " → 123 min");
        JsonObject opened = TestData.openCase(Api.as("alice"), TestData.account("alice", "EUR", 0), "LOW", "BILLING");
        assertThat(Duration.between(Instant.parse(opened.getString("openedAt")), Instant.parse(opened.getString("firstContactDue"))))
                .as("a new case of a bronze customer").isEqualTo(Duration.ofMinutes(123));
        browser.screenshot("20-admin-sla");

        browser.clickIn(browser.row("list:policies", "Low", "Bronze"), "edit").type("edit:firstContactMinutes", firstContact)
                .click("edit:save");
        assertThat(slaPolicy("LOW", "BRONZE").getInt("firstContactMinutes")).isEqualTo(Integer.parseInt(firstContact));
    }

    @Test
    @Order(2)
    void anAdministratorAddsARootCauseRenamesItAndRetiresIt() throws Exception {
        String code = "DOORSTEP_" + SUFFIX.replaceAll("[^A-Z0-9]", "X");
        browser.go("/admin/root-causes.xhtml");
        browser.type("add:code", "wrong door").type("add:label", "Parcel left at the wrong door").click("add:save");
        assertThat(browser.fieldMessages("add")).singleElement().asString().contains("upper-case letters");
        browser.type("add:code", code).type("add:label", "").click("add:save");
        assertThat(browser.fieldMessages("add")).containsExactly("A label is needed: how account managers call it.");

        browser.type("add:label", "Parcel left at the wrong door").click("add:save");
        assertThat(browser.pageText()).contains("Root cause " + code + " is added.");
        assertThat(browser.row("list:causes", code).getText()).contains("Parcel left at the wrong door").contains("Offered");
        assertThat(rootCause(code).getBoolean("active")).isTrue();

        browser.clickIn(browser.row("list:causes", code), "edit").type("change:label", "Parcel left with a neighbour")
                .toggle("change:active").click("change:save");
        assertThat(browser.pageText()).contains("Root cause " + code + " is retired");
        assertThat(browser.row("list:causes", code).getText()).contains("Parcel left with a neighbour").contains("Retired");
        JsonObject retired = rootCause(code);
        assertThat(retired.getString("label")).isEqualTo("Parcel left with a neighbour");
        assertThat(retired.getBoolean("active")).isFalse();
        assertAudited("ROOT_CAUSE_ADDED", code + ": Parcel left at the wrong door");
        assertAudited("ROOT_CAUSE_CHANGED", code + ": Parcel left with a neighbour (retired)");
        browser.screenshot("21-admin-root-causes");
    }

    @Test
    @Order(3)
    void anAdministratorAddsAGiftToTheCatalogAndChangesItsPrice() throws Exception {
        String name = "Salted caramels " + SUFFIX;
        browser.go("/admin/catalog.xhtml");
        browser.click("item:save");
        assertThat(browser.fieldMessages("item")).contains("Name the item.", "Pick the vendor that sends it.",
                "The vendor's SKU is needed to order it.", "A price like 39.90.", "Name at least one country, like DE.");

        browser.choose("item:kind", "Chocolates").type("item:name", name).choose("item:vendor", "simulated")
                .type("item:sku", "SIM-CARAMEL-" + SUFFIX).type("item:price", "12.345").type("item:countries", "DE AT")
                .click("item:save");
        assertThat(browser.fieldMessages("item")).singleElement().asString().contains("EUR has 2 decimals");
        browser.type("item:price", "12.50").type("item:countries", "DE Austria").click("item:save");
        assertThat(browser.pageText()).contains("'Austria' is not a two-letter country code");
        browser.type("item:countries", "de at").click("item:save");
        assertThat(browser.pageText()).contains(name + " is in the catalog.");
        assertThat(browser.row("list:items", name).getText()).contains("EUR 12.50").contains("AT DE").contains("Offered");
        JsonObject added = catalogItem(name);
        assertThat(added.getString("kind")).isEqualTo("CHOCOLATES");
        assertThat(added.getJsonNumber("priceMinor").longValue()).isEqualTo(1250);

        browser.clickIn(browser.row("list:items", name), "edit");
        assertThat(browser.byId("item:price").getAttribute("value")).isEqualTo("12.50");
        browser.type("item:price", "14.00").toggle("item:active").click("item:save");
        assertThat(browser.pageText()).contains(name + " is saved.");
        assertThat(browser.row("list:items", name).getText()).contains("EUR 14.00").contains("Retired");
        JsonObject changed = catalogItem(name);
        assertThat(changed.getJsonNumber("priceMinor").longValue()).isEqualTo(1400);
        assertThat(changed.getBoolean("active")).isFalse();
        assertAudited("CATALOG_ITEM_ADDED", name);
        assertAudited("CATALOG_ITEM_CHANGED", name + "\" from simulated (SIM-CARAMEL-" + SUFFIX + ") at 1400 EUR");
        browser.screenshot("22-admin-catalog");
    }

    @Test
    @Order(4)
    void anAccountManagerIsRefusedTheAdministrationPages() {
        browser.signOut().signIn("alice");
        assertThat(browser.all(org.openqa.selenium.By.linkText("Administration"))).isEmpty();
        for (String page : List.of("/admin/index.xhtml", "/admin/sla.xhtml", "/admin/root-causes.xhtml", "/admin/catalog.xhtml")) {
            browser.go(page);
            assertThat(browser.pageText()).as(page).contains("You may not open this page");
        }
    }

    @Test
    @Order(5)
    void everyAdministrationPageWasSavedAsAScreenshot() {
        for (String name : List.of("20-admin-sla", "21-admin-root-causes", "22-admin-catalog")) {
            assertThat(Path.of("target", "screenshots", name + ".png")).exists();
        }
    }

    private static JsonObject slaPolicy(String severity, String tier) {
        return ADMIN.get("/api/v1/sla/policies").array().stream().map(v -> (JsonObject) v)
                .filter(p -> p.getString("severity").equals(severity) && p.getString("tier").equals(tier)).findFirst().orElseThrow();
    }

    private static JsonObject rootCause(String code) {
        return ADMIN.get("/api/v1/root-causes").array().stream().map(v -> (JsonObject) v)
                .filter(r -> r.getString("code").equals(code)).findFirst().orElseThrow();
    }

    private static JsonObject catalogItem(String name) {
        return ADMIN.get("/api/v1/catalog?includeRetired=true").array().stream().map(v -> (JsonObject) v)
                .filter(i -> i.getString("name").equals(name)).findFirst().orElseThrow();
    }

    /** The audit trail has an entry of the action, by the administrator, whose details contain the text. */
    private static void assertAudited(String action, String details) {
        Api.Answer entries = ADMIN.get("/api/v1/audit?action=" + action + "&actor=admin&size=500");
        assertThat(entries.status()).as(entries.toString()).isEqualTo(200);
        assertThat(entries.json().getJsonArray("items").stream().map(v -> ((JsonObject) v).getString("details")))
                .anySatisfy(d -> assertThat(d).contains(details));
    }
}
