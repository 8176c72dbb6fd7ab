package io.amends.system;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.json.Json;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * What people type is shown as text, never run as markup (issue #8): a case title, an account name and a contact name
 * with HTML in them, stored through the API, come out escaped on the staff case page, the work list, the account page
 * and the client portal's case list and case page, fetched as the signed-in account manager and client would.
 */
class OutputEscapingIT {

    private static final String TITLE = "<script>alert('x')</script>";

    @Test
    void markupStoredInACaseAnAccountAndAContactShowsAsTextOnTheStaffAndPortalPages() {
        String tag = UUID.randomUUID().toString().substring(0, 8);
        String accountName = "<img src=x onerror=alert('account')> Hostile " + tag;
        String contactName = "<b onmouseover=alert('contact')>Erika</b> " + tag;
        Api admin = Api.as("admin");
        // An account manager of its own, so that the work list shows this case on its first page.
        String manager = "am-" + tag;
        Api.Answer user = admin.post("/api/v1/admin/users", Json.createObjectBuilder().add("username", manager)
                .add("displayName", "Escaping " + tag).add("email", manager + "@amends.example").add("password", manager + "-demo-2026")
                .add("roles", Json.createArrayBuilder().add("ACCOUNT_MANAGER")).build());
        assertThat(user.status()).as(user.toString()).isEqualTo(201);
        Api.Answer account = admin.post("/api/v1/accounts", Json.createObjectBuilder().add("name", accountName).add("segment", "B2B")
                .add("currency", "EUR").add("language", "en").add("manager", manager).build());
        assertThat(account.status()).as(account.toString()).isEqualTo(201);
        long accountId = account.json().getJsonNumber("id").longValue();
        String email = "erika." + tag + "@client.example";
        Api.Answer contact = admin.post("/api/v1/accounts/" + accountId + "/contacts", Json.createObjectBuilder()
                .add("name", contactName).add("email", email).build());
        assertThat(contact.status()).as(contact.toString()).isEqualTo(201);
        String client = "client-" + tag;
        Api.Answer clientUser = admin.post("/api/v1/admin/users", Json.createObjectBuilder().add("username", client)
                .add("displayName", "Erika " + tag).add("email", email).add("password", client + "-demo-2026")
                .add("roles", Json.createArrayBuilder().add("CLIENT")).add("accountId", accountId).build());
        assertThat(clientUser.status()).as(clientUser.toString()).isEqualTo(201);
        Api.Answer opened = Api.as(manager).post("/api/v1/cases", Json.createObjectBuilder()
                .add("accountId", accountId).add("contactIds", Json.createArrayBuilder().add(contact.json().getJsonNumber("id")))
                .add("title", TITLE).add("description", "A title with a script in it").add("severity", "LOW")
                .add("channel", "PHONE").add("rootCause", "BILLING").build());
        assertThat(opened.status()).as(opened.toString()).isEqualTo(201);
        long caseId = opened.json().getJsonNumber("id").longValue();

        PortalSession staff = PortalSession.signIn(manager);
        PortalSession.Page casePage = staff.get("/staff/case.xhtml?id=" + caseId);
        assertThat(casePage.status()).isEqualTo(200);
        assertShownAsText(casePage, TITLE);
        assertShownAsText(casePage, accountName);
        assertShownAsText(casePage, contactName);

        PortalSession.Page workList = staff.get("/staff/index.xhtml");
        assertThat(workList.status()).isEqualTo(200);
        assertShownAsText(workList, TITLE);
        assertShownAsText(workList, accountName);

        PortalSession.Page accountPage = staff.get("/staff/account.xhtml?id=" + accountId);
        assertThat(accountPage.status()).isEqualTo(200);
        assertShownAsText(accountPage, accountName);
        assertShownAsText(accountPage, contactName);
        assertShownAsText(accountPage, TITLE);

        PortalSession portal = PortalSession.signIn(client);
        PortalSession.Page portalCase = portal.get("/portal/case.xhtml?id=" + caseId);
        assertThat(portalCase.status()).isEqualTo(200);
        assertShownAsText(portalCase, TITLE);
        PortalSession.Page portalList = portal.get("/portal/index.xhtml");
        assertThat(portalList.status()).isEqualTo(200);
        assertShownAsText(portalList, TITLE);
    }

    /** The text is on the page as text (its markup escaped), and its markup is nowhere on the page as markup. */
    private static void assertShownAsText(PortalSession.Page page, String text) {
        // the first tag and what follows it ("<script>alert"): the page's own <script> elements are not the text's
        String markup = text.substring(0, Math.min(text.length(), text.indexOf('>') + 6));
        int at = page.html().indexOf(markup);
        assertThat(at).as("%s has the markup of \"%s\" as markup: …%s…", page.uri(), text,
                at < 0 ? "" : page.html().substring(Math.max(0, at - 300), Math.min(page.html().length(), at + 100))).isNegative();
        // Apostrophes may or may not be written as a character reference; either is text.
        String html = page.html().replace("&#39;", "'").replace("&#x27;", "'").replace("&apos;", "'");
        assertThat(html).as("%s shows \"%s\" as text", page.uri(), text)
                .contains(text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;"));
    }
}
