package io.amends.system;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonValue;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * Customer accounts over HTTP: opening, reading, changing, searching and paging; contacts; the lifetime value from
 * the CRM and from CSV with its history and "the value at time T"; the derived tier; and who may do what.
 *
 * <p>Every test opens its own accounts under a unique name, so the tests run in any order against one server.
 */
class AccountsIT {

    private static final String ACCOUNTS = "/api/v1/accounts";
    private static final String CSV = "text/csv";

    // --- small builders ---------------------------------------------------------------------------------------------

    static String unique(String prefix) {
        return prefix + " " + UUID.randomUUID().toString().substring(0, 8);
    }

    static JsonObject open(String name, String currency) {
        Api.Answer answer = Api.as("alice").post(ACCOUNTS, Json.createObjectBuilder().add("name", name).add("segment", "B2B")
                .add("currency", currency).add("language", "en").build());
        assertThat(answer.status()).as(answer.toString()).isEqualTo(201);
        return answer.json();
    }

    static long openAccount(String prefix) {
        return open(unique(prefix), "EUR").getJsonNumber("id").longValue();
    }

    static Api.Answer setLtv(long accountId, JsonObjectBuilder body) {
        return Api.as("carol").put(ACCOUNTS + "/" + accountId + "/ltv", body.build().toString());
    }

    static JsonObjectBuilder ltv(long amountMinor, Instant effectiveAt) {
        JsonObjectBuilder body = Json.createObjectBuilder().add("amountMinor", amountMinor);
        return effectiveAt == null ? body : body.add("effectiveAt", effectiveAt.toString());
    }

    static JsonArray history(long accountId) {
        Api.Answer answer = Api.as("carol").get(ACCOUNTS + "/" + accountId + "/ltv/history");
        assertThat(answer.status()).as(answer.toString()).isEqualTo(200);
        return answer.array();
    }

    static long minorOf(JsonObject withLtv) {
        return withLtv.getJsonObject("ltv").getJsonNumber("amountMinor").longValue();
    }

    static List<String> fieldsOf(Api.Answer problem) {
        return problem.json().getJsonArray("errors").stream().map(v -> ((JsonObject) v).getString("field")).toList();
    }

    static Api.Answer importCsv(String user, String csv) {
        return Api.as(user).send("POST", ACCOUNTS + "/ltv/import", CSV, csv);
    }

    static long silverThreshold() {
        Api.Answer tiers = Api.as("carol").get("/api/v1/tiers");
        assertThat(tiers.status()).as(tiers.toString()).isEqualTo(200);
        return tiers.json().getJsonArray("thresholds").stream().map(v -> (JsonObject) v)
                .filter(t -> t.getString("tier").equals("SILVER")).findFirst().orElseThrow()
                .getJsonNumber("minLtvMinor").longValue();
    }

    // --- accounts ---------------------------------------------------------------------------------------------------

    @Test
    void anAccountIsOpenedReadAndChangedWithItsVersion() {
        String name = unique("Umbrella Foods");
        JsonObject created = open(name, "EUR");
        long id = created.getJsonNumber("id").longValue();
        assertThat(created.getString("manager")).as("an account manager opening an account manages it").isEqualTo("alice");
        assertThat(created.getString("tier")).isEqualTo("BRONZE");
        assertThat(created.getJsonObject("ltv").getString("formatted")).isEqualTo("EUR 0.00");
        assertThat(created.containsKey("ltvEffectiveAt")).isFalse();

        Api.Answer read = Api.as("dave").get(ACCOUNTS + "/" + id);
        assertThat(read.status()).isEqualTo(200);
        assertThat(read.json().getString("name")).isEqualTo(name);
        long version = read.json().getJsonNumber("version").longValue();

        Api.Answer changed = Api.as("bob").put(ACCOUNTS + "/" + id, Json.createObjectBuilder().add("name", name + " AG")
                .add("segment", "B2B").add("manager", "bob").add("language", "de").add("version", version).build().toString());
        assertThat(changed.status()).as(changed.toString()).isEqualTo(200);
        assertThat(changed.json().getString("name")).isEqualTo(name + " AG");
        assertThat(changed.json().getString("manager")).isEqualTo("bob");
        assertThat(changed.json().getString("language")).isEqualTo("de");
        assertThat(changed.json().getJsonNumber("version").longValue()).isGreaterThan(version);
        assertThat(Api.as("alice").get(ACCOUNTS + "/" + id).json().getString("manager")).isEqualTo("bob");
    }

    @Test
    void aChangeBasedOnAStaleVersionIs409() {
        String name = unique("Stale Works");
        JsonObject created = open(name, "EUR");
        long id = created.getJsonNumber("id").longValue();
        long version = created.getJsonNumber("version").longValue();
        String first = Json.createObjectBuilder().add("name", name + " first").add("segment", "B2B").add("version", version)
                .build().toString();
        assertThat(Api.as("alice").put(ACCOUNTS + "/" + id, first).status()).isEqualTo(200);

        String second = Json.createObjectBuilder().add("name", name + " second").add("segment", "B2C").add("version", version)
                .build().toString();
        Api.Answer conflict = Api.as("bob").put(ACCOUNTS + "/" + id, second);
        assertThat(conflict.status()).as(conflict.toString()).isEqualTo(409);
        assertThat(conflict.isProblem()).isTrue();
        assertThat(conflict.json().getString("detail")).contains("version");
        assertThat(Api.as("alice").get(ACCOUNTS + "/" + id).json().getString("name")).isEqualTo(name + " first");
    }

    @Test
    void theCurrencyNeverChanges() {
        JsonObject created = open(unique("Fixed Currency"), "EUR");
        Api.Answer answer = Api.as("alice").put(ACCOUNTS + "/" + created.getJsonNumber("id"), Json.createObjectBuilder()
                .add("name", created.getString("name")).add("segment", "B2B").add("currency", "USD")
                .add("version", created.getJsonNumber("version")).build().toString());
        assertThat(answer.status()).isEqualTo(400);
        assertThat(fieldsOf(answer)).containsExactly("currency");
    }

    @Test
    void searchFindsByPartOfTheNameAndPages() {
        String token = "Paged" + UUID.randomUUID().toString().substring(0, 8);
        for (String name : new String[] {"Charlie " + token, "alpha " + token, "Bravo " + token}) {
            open(name, "EUR");
        }
        Api.Answer first = Api.as("carol").get(ACCOUNTS + "?q=" + token.toLowerCase() + "&size=2&page=0");
        assertThat(first.status()).as(first.toString()).isEqualTo(200);
        assertThat(first.json().getJsonNumber("total").longValue()).isEqualTo(3);
        assertThat(first.json().getJsonArray("items").stream().map(v -> ((JsonObject) v).getString("name")))
                .containsExactly("alpha " + token, "Bravo " + token);
        Api.Answer second = Api.as("carol").get(ACCOUNTS + "?q=" + token + "&size=2&page=1");
        assertThat(second.json().getJsonArray("items").stream().map(v -> ((JsonObject) v).getString("name")))
                .containsExactly("Charlie " + token);
        assertThat(second.json().getInt("page")).isEqualTo(1);
    }

    @Test
    void aPageLargerThanTheLimitIs400() {
        assertThat(Api.as("alice").get(ACCOUNTS + "?size=500").status()).isEqualTo(400);
    }

    @Test
    void theManagerMustBeAnAccountManager() {
        Api.Answer answer = Api.as("admin").post(ACCOUNTS, Json.createObjectBuilder().add("name", unique("Bad Manager"))
                .add("segment", "B2C").add("currency", "EUR").add("manager", "carol").build());
        assertThat(answer.status()).as(answer.toString()).isEqualTo(400);
        assertThat(fieldsOf(answer)).containsExactly("manager");

        Api.Answer byAdmin = Api.as("admin").post(ACCOUNTS, Json.createObjectBuilder().add("name", unique("Managed by Bob"))
                .add("segment", "B2C").add("currency", "GBP").add("manager", "bob").build());
        assertThat(byAdmin.status()).as(byAdmin.toString()).isEqualTo(201);
        assertThat(byAdmin.json().getString("manager")).isEqualTo("bob");
        assertThat(byAdmin.header("Location")).hasValueSatisfying(l -> assertThat(l).endsWith(ACCOUNTS + "/"
                + byAdmin.json().getJsonNumber("id")));
    }

    @Test
    void validationNamesTheOffendingFields() {
        Api.Answer answer = Api.as("alice").post(ACCOUNTS, "{\"currency\": \"euro\"}");
        assertThat(answer.status()).isEqualTo(400);
        assertThat(answer.isProblem()).isTrue();
        assertThat(fieldsOf(answer)).contains("name", "segment", "currency");

        Api.Answer unknownCurrency = Api.as("alice").post(ACCOUNTS, Json.createObjectBuilder().add("name", unique("Gold Bugs"))
                .add("segment", "B2B").add("currency", "XAU").build());
        assertThat(unknownCurrency.status()).as(unknownCurrency.toString()).isEqualTo(400);
    }

    // --- contacts ---------------------------------------------------------------------------------------------------

    @Test
    void contactsAreAddedListedAndChangedWithTheirVersion() {
        long id = openAccount("Contactable");
        String contacts = ACCOUNTS + "/" + id + "/contacts";
        Api.Answer added = Api.as("alice").post(contacts, Json.createObjectBuilder().add("name", "Grace Hopper")
                .add("roleTitle", "CTO").add("email", "Grace@Example.com").add("phone", "+1 555 0100")
                .add("street", "1 Harbor Road").add("postalCode", "02110").add("city", "Boston").add("country", "US").build());
        assertThat(added.status()).as(added.toString()).isEqualTo(201);
        JsonObject contact = added.json();
        assertThat(contact.getString("email")).isEqualTo("grace@example.com");
        assertThat(contact.getBoolean("hasPostalAddress")).isTrue();

        assertThat(Api.as("dave").get(contacts).array()).hasSize(1);

        String path = contacts + "/" + contact.getJsonNumber("id");
        JsonObject change = Json.createObjectBuilder().add("name", "Grace B. Hopper").add("roleTitle", "Rear Admiral")
                .add("email", "grace@example.com").add("version", contact.getJsonNumber("version")).build();
        Api.Answer changed = Api.as("bob").put(path, change.toString());
        assertThat(changed.status()).as(changed.toString()).isEqualTo(200);
        assertThat(changed.json().getString("roleTitle")).isEqualTo("Rear Admiral");
        assertThat(changed.json().getBoolean("hasPostalAddress")).as("a PUT replaces the address too").isFalse();

        Api.Answer stale = Api.as("alice").put(path, change.toString());
        assertThat(stale.status()).as(stale.toString()).isEqualTo(409);
    }

    @Test
    void halfAnAddressAndABadEmailAreRefused() {
        long id = openAccount("Half Address");
        Api.Answer half = Api.as("alice").post(ACCOUNTS + "/" + id + "/contacts", Json.createObjectBuilder()
                .add("name", "No Street").add("city", "Berlin").build());
        assertThat(half.status()).as(half.toString()).isEqualTo(400);
        assertThat(half.json().getString("detail")).contains("street, city and country");

        Api.Answer email = Api.as("alice").post(ACCOUNTS + "/" + id + "/contacts", Json.createObjectBuilder()
                .add("name", "Bad Mail").add("email", "not-an-address").build());
        assertThat(email.status()).isEqualTo(400);
        assertThat(fieldsOf(email)).containsExactly("email");
    }

    @Test
    void aContactOfAnotherAccountIsNotFoundUnderThisOne() {
        long one = openAccount("Contact One");
        long other = openAccount("Contact Other");
        JsonObject contact = Api.as("alice").post(ACCOUNTS + "/" + one + "/contacts",
                Json.createObjectBuilder().add("name", "Only Here").build()).json();
        Api.Answer answer = Api.as("alice").put(ACCOUNTS + "/" + other + "/contacts/" + contact.getJsonNumber("id"),
                Json.createObjectBuilder().add("name", "Moved").add("version", 0).build().toString());
        assertThat(answer.status()).isEqualTo(404);
    }

    // --- clients ----------------------------------------------------------------------------------------------------

    @Test
    void aClientSeesOnlyTheirOwnAccountAndNeverItsValue() {
        long own = Api.as("acme.client").get("/api/v1/auth/me").json().getJsonNumber("accountId").longValue();
        long other = openAccount("Not Acme");

        Api.Answer list = Api.as("acme.client").get(ACCOUNTS + "?q=not%20acme");
        assertThat(list.status()).as(list.toString()).isEqualTo(200);
        assertThat(list.json().getJsonNumber("total").longValue()).isEqualTo(1);
        JsonObject item = list.json().getJsonArray("items").getJsonObject(0);
        assertThat(item.getJsonNumber("id").longValue()).isEqualTo(own);

        Api.Answer mine = Api.as("acme.client").get(ACCOUNTS + "/" + own);
        assertThat(mine.status()).isEqualTo(200);
        for (JsonObject view : List.of(item, mine.json())) {
            assertThat(view.keySet()).doesNotContain("ltv", "tier", "ltvEffectiveAt", "manager", "version");
            assertThat(view.getString("name")).isEqualTo("Acme Logistics GmbH");
        }
        assertThat(mine.body()).doesNotContain("amountMinor").doesNotContain("PLATINUM");

        Api.Answer foreign = Api.as("acme.client").get(ACCOUNTS + "/" + other);
        assertThat(foreign.status()).isEqualTo(404);
        assertThat(foreign.isProblem()).isTrue();
        assertThat(Api.as("acme.client").get(ACCOUNTS + "/" + other + "/contacts").status()).isEqualTo(404);

        assertThat(Api.as("acme.client").get(ACCOUNTS + "/" + own + "/contacts").status()).isEqualTo(200);
        assertThat(Api.as("acme.client").get(ACCOUNTS + "/" + own + "/ltv").status()).isEqualTo(403);
        assertThat(Api.as("acme.client").get(ACCOUNTS + "/" + own + "/ltv/history").status()).isEqualTo(403);
        assertThat(Api.as("acme.client").get("/api/v1/tiers").status()).isEqualTo(403);
    }

    // --- lifetime value ---------------------------------------------------------------------------------------------

    @Test
    void everyLifetimeValueIsKeptWithItsSourceAndTheValueAtAMomentIsTheOneThenInForce() {
        long id = openAccount("Timeline");
        Instant now = Instant.now().truncatedTo(ChronoUnit.SECONDS);
        Instant tenDaysAgo = now.minus(Duration.ofDays(10));
        Instant oneDayAgo = now.minus(Duration.ofDays(1));

        Api.Answer first = setLtv(id, ltv(10_000, tenDaysAgo).add("source", "CRM_API"));
        assertThat(first.status()).as(first.toString()).isEqualTo(200);
        Api.Answer second = setLtv(id, Json.createObjectBuilder().add("amount", "250.00").add("effectiveAt", oneDayAgo.toString())
                .add("source", "MANUAL"));
        assertThat(second.status()).as(second.toString()).isEqualTo(200);
        assertThat(minorOf(second.json().getJsonObject("current"))).isEqualTo(25_000);

        JsonArray history = history(id);
        assertThat(history).hasSize(2);
        assertThat(history.getJsonObject(0).getString("source")).isEqualTo("CRM_API");
        assertThat(history.getJsonObject(0).getString("recordedBy")).isEqualTo("carol");
        assertThat(Instant.parse(history.getJsonObject(0).getString("effectiveAt"))).isEqualTo(tenDaysAgo);
        assertThat(minorOf(history.getJsonObject(0))).isEqualTo(10_000);
        assertThat(history.getJsonObject(1).getString("source")).isEqualTo("MANUAL");
        assertThat(history.getJsonObject(1).getJsonObject("ltv").getString("formatted")).isEqualTo("EUR 250.00");

        JsonObject fiveDaysAgo = Api.as("alice").get(ACCOUNTS + "/" + id + "/ltv?at=" + now.minus(Duration.ofDays(5))).json();
        assertThat(minorOf(fiveDaysAgo)).as("the older value for an older moment").isEqualTo(10_000);
        assertThat(fiveDaysAgo.getJsonObject("change").getString("source")).isEqualTo("CRM_API");

        JsonObject beforeAll = Api.as("alice").get(ACCOUNTS + "/" + id + "/ltv?at=" + now.minus(Duration.ofDays(20))).json();
        assertThat(minorOf(beforeAll)).isZero();
        assertThat(beforeAll.containsKey("change")).isFalse();

        assertThat(minorOf(Api.as("alice").get(ACCOUNTS + "/" + id + "/ltv").json())).isEqualTo(25_000);
        assertThat(minorOf(Api.as("alice").get(ACCOUNTS + "/" + id).json())).isEqualTo(25_000);

        // A late correction for the past fills the history but does not move the current value.
        Api.Answer backdated = setLtv(id, ltv(5_000, now.minus(Duration.ofDays(30))));
        assertThat(backdated.status()).isEqualTo(200);
        assertThat(backdated.json().getJsonObject("recorded").getString("source")).isEqualTo("CRM_API");
        assertThat(minorOf(backdated.json().getJsonObject("current"))).isEqualTo(25_000);
        assertThat(history(id)).hasSize(3);
        assertThat(minorOf(Api.as("alice").get(ACCOUNTS + "/" + id + "/ltv?at=" + now.minus(Duration.ofDays(20)).toString()
                .substring(0, 10)).json())).isEqualTo(5_000);
    }

    @Test
    void aLifetimeValueIsSentOnceNeverNegativeAndNeverInTheFuture() {
        long id = openAccount("Picky");
        Api.Answer both = setLtv(id, Json.createObjectBuilder().add("amountMinor", 100).add("amount", "1.00"));
        assertThat(both.status()).isEqualTo(400);
        Api.Answer neither = setLtv(id, Json.createObjectBuilder().add("source", "CRM_API"));
        assertThat(neither.status()).isEqualTo(400);
        Api.Answer negative = setLtv(id, Json.createObjectBuilder().add("amountMinor", -1));
        assertThat(negative.status()).isEqualTo(400);
        assertThat(fieldsOf(negative)).containsExactly("amountMinor");
        Api.Answer tooPrecise = setLtv(id, Json.createObjectBuilder().add("amount", "1.001"));
        assertThat(tooPrecise.status()).isEqualTo(400);
        assertThat(fieldsOf(tooPrecise)).containsExactly("amount");
        Api.Answer future = setLtv(id, ltv(100, Api.serverNow().plus(Duration.ofDays(400))));
        assertThat(future.status()).isEqualTo(400);
        assertThat(fieldsOf(future)).containsExactly("effectiveAt");
        Api.Answer imported = setLtv(id, ltv(100, null).add("source", "CSV_IMPORT"));
        assertThat(imported.status()).isEqualTo(400);
        assertThat(Api.as("alice").get(ACCOUNTS + "/" + id + "/ltv?at=yesterday").status()).isEqualTo(400);
        assertThat(history(id)).isEmpty();
    }

    @Test
    void theTierFollowsTheLifetimeValueAcrossAThreshold() {
        long id = openAccount("Climber");
        long silver = silverThreshold();
        Api.Answer below = setLtv(id, ltv(silver - 1, Instant.now().minus(Duration.ofHours(2))));
        assertThat(below.json().getJsonObject("current").getString("tier")).isEqualTo("BRONZE");
        assertThat(Api.as("alice").get(ACCOUNTS + "/" + id).json().getString("tier")).isEqualTo("BRONZE");

        Api.Answer at = setLtv(id, ltv(silver, Instant.now().minus(Duration.ofHours(1))));
        assertThat(at.json().getJsonObject("current").getString("tier")).isEqualTo("SILVER");
        assertThat(Api.as("alice").get(ACCOUNTS + "/" + id).json().getString("tier")).isEqualTo("SILVER");
        assertThat(Api.as("alice").get(ACCOUNTS + "/" + id + "/ltv?at=" + Instant.now().minus(Duration.ofMinutes(90))).json()
                .getString("tier")).isEqualTo("BRONZE");
    }

    // --- tiers ------------------------------------------------------------------------------------------------------

    @Test
    void anAdministratorMovesAThresholdAndTheTiersFollowAtOnce() {
        long id = openAccount("Re-tiered");
        Api.Answer current = Api.as("admin").get("/api/v1/tiers");
        JsonObject original = current.json();
        long silver = silverThreshold();
        setLtv(id, ltv(silver, null));
        assertThat(Api.as("alice").get(ACCOUNTS + "/" + id).json().getString("tier")).isEqualTo("SILVER");
        try {
            Api.Answer raised = Api.as("admin").put("/api/v1/tiers", withThreshold(original, "SILVER", silver + 1).toString());
            assertThat(raised.status()).as(raised.toString()).isEqualTo(200);
            assertThat(Api.as("alice").get(ACCOUNTS + "/" + id).json().getString("tier")).isEqualTo("BRONZE");
        } finally {
            Api.Answer restored = Api.as("admin").put("/api/v1/tiers", original.toString());
            assertThat(restored.status()).as(restored.toString()).isEqualTo(200);
        }
        assertThat(Api.as("alice").get(ACCOUNTS + "/" + id).json().getString("tier")).isEqualTo("SILVER");
    }

    @Test
    void aLadderThatDoesNotFallStrictlyOrLeavesBronzeAboveZeroIsRefused() {
        JsonObject original = Api.as("admin").get("/api/v1/tiers").json();
        long silver = silverThreshold();
        Api.Answer flat = Api.as("admin").put("/api/v1/tiers", withThreshold(original, "GOLD", silver).toString());
        assertThat(flat.status()).as(flat.toString()).isEqualTo(400);
        assertThat(flat.json().getString("detail")).contains("GOLD");
        Api.Answer bronze = Api.as("admin").put("/api/v1/tiers", withThreshold(original, "BRONZE", 1).toString());
        assertThat(bronze.status()).isEqualTo(400);
        assertThat(bronze.json().getString("detail")).contains("BRONZE starts at 0");
        assertThat(Api.as("admin").put("/api/v1/tiers", "{\"thresholds\": []}").status()).isEqualTo(400);
        assertThat(Api.as("admin").get("/api/v1/tiers").json()).isEqualTo(original);
    }

    static JsonObject withThreshold(JsonObject tiers, String tier, long minLtvMinor) {
        var thresholds = Json.createArrayBuilder();
        for (JsonValue value : tiers.getJsonArray("thresholds")) {
            JsonObject threshold = (JsonObject) value;
            thresholds.add(threshold.getString("tier").equals(tier)
                    ? Json.createObjectBuilder(threshold).add("minLtvMinor", minLtvMinor).build() : threshold);
        }
        return Json.createObjectBuilder().add("thresholds", thresholds).build();
    }

    // --- CSV import -------------------------------------------------------------------------------------------------

    @Test
    void aCsvImportRecordsEveryRowWithItsSource() {
        long byId = openAccount("Imported By Id");
        String quotedName = unique("Smith, Jones & \"Partners\"");
        long byName = open(quotedName, "GBP").getJsonNumber("id").longValue();
        String csv = "\uFEFFaccount_id,account_name,ltv,effective_at\r\n"
                + byId + ",,1200.50,2026-01-15\r\n"
                + ",\"" + quotedName.replace("\"", "\"\"") + "\",99.99,\r\n"
                + byId + ",,1300.00,2026-02-15T10:00:00Z\r\n";

        Api.Answer answer = importCsv("dave", csv);
        assertThat(answer.status()).as(answer.toString()).isEqualTo(200);
        assertThat(answer.json().getInt("rows")).isEqualTo(3);
        assertThat(answer.json().getInt("accounts")).isEqualTo(2);
        assertThat(answer.json().getString("sha256")).hasSize(64);

        JsonArray idHistory = history(byId);
        assertThat(idHistory.stream().map(v -> ((JsonObject) v).getString("source"))).containsOnly("CSV_IMPORT");
        assertThat(idHistory.stream().map(v -> minorOf((JsonObject) v))).containsExactly(120_050L, 130_000L);
        assertThat(idHistory.getJsonObject(0).getString("recordedBy")).isEqualTo("dave");
        assertThat(minorOf(Api.as("alice").get(ACCOUNTS + "/" + byId).json())).isEqualTo(130_000);
        JsonObject named = Api.as("alice").get(ACCOUNTS + "/" + byName).json();
        assertThat(named.getJsonObject("ltv").getString("formatted")).isEqualTo("GBP 99.99");
    }

    @Test
    void aCsvImportWithAnyBadRowWritesNothingAndNamesEveryRow() {
        long good = openAccount("Import Good Row");
        long other = openAccount("Import Other Row");
        String csv = "account_id,ltv\n"
                + good + ",500.00\n"
                + other + ",-3.00\n"
                + "987654321,1.00\n"
                + other + ",12,5\n";

        Api.Answer answer = importCsv("carol", csv);
        assertThat(answer.status()).as(answer.toString()).isEqualTo(400);
        assertThat(answer.isProblem()).isTrue();
        assertThat(fieldsOf(answer)).containsExactly("row 3: ltv", "row 4: account_id", "row 5");
        assertThat(answer.json().getString("detail")).contains("not imported");
        assertThat(history(good)).as("all or nothing").isEmpty();
        assertThat(minorOf(Api.as("alice").get(ACCOUNTS + "/" + good).json())).isZero();
    }

    @Test
    void anImportTooLargeIs413() {
        String big = "account_id,ltv\n" + "1,1.00\n".repeat(2 * 1024 * 1024 / 7 + 10);
        Api.Answer bytes = importCsv("carol", big);
        assertThat(bytes.status()).as(bytes.toString()).isEqualTo(413);
        assertThat(bytes.isProblem()).isTrue();

        String manyRows = "account_id,ltv\n" + "1,1\n".repeat(10_001);
        Api.Answer rows = importCsv("carol", manyRows);
        assertThat(rows.status()).as(rows.toString()).isEqualTo(413);
        assertThat(rows.json().getString("detail")).contains("10,000");
    }

    @Test
    void anImportMustBeCsvButTheRoleIsCheckedFirst() {
        Api.Answer answer = Api.as("carol").post(ACCOUNTS + "/ltv/import", "{\"account_id\": 1}");
        assertThat(answer.status()).isEqualTo(415);
        assertThat(answer.isProblem()).isTrue();
        assertThat(answer.json().getString("detail")).contains("text/csv");
        assertThat(Api.as("carol").send("POST", ACCOUNTS + "/ltv/import", null, "account_id,ltv\n").status()).isEqualTo(415);
        assertThat(Api.as("alice").post(ACCOUNTS + "/ltv/import", "{}").status()).isEqualTo(403);
        assertThat(Api.anonymous().post(ACCOUNTS + "/ltv/import", "{}").status()).isEqualTo(401);
    }

    // --- who may do what --------------------------------------------------------------------------------------------

    @Test
    void rolesAreEnforced() {
        long id = openAccount("Guarded");
        String newAccount = Json.createObjectBuilder().add("name", unique("Finance Made")).add("segment", "B2B")
                .add("currency", "EUR").build().toString();
        assertThat(Api.as("carol").post(ACCOUNTS, newAccount).status()).as("finance cannot open accounts").isEqualTo(403);
        assertThat(Api.as("acme.client").post(ACCOUNTS, newAccount).status()).isEqualTo(403);
        Api.Answer anonymous = Api.anonymous().get(ACCOUNTS);
        assertThat(anonymous.status()).isEqualTo(401);
        assertThat(anonymous.isProblem()).isTrue();
        assertThat(Api.anonymous().get(ACCOUNTS + "/" + id).status()).isEqualTo(401);
        assertThat(Api.anonymous().send("POST", ACCOUNTS + "/ltv/import", CSV, "account_id,ltv\n").status()).isEqualTo(401);

        assertThat(Api.as("alice").put(ACCOUNTS + "/" + id + "/ltv", "{\"amountMinor\": 1}").status())
                .as("account managers do not set lifetime values").isEqualTo(403);
        assertThat(importCsv("alice", "account_id,ltv\n" + id + ",1\n").status()).isEqualTo(403);
        assertThat(Api.as("alice").put("/api/v1/tiers", Api.as("alice").get("/api/v1/tiers").body()).status()).isEqualTo(403);
        assertThat(Api.as("carol").put("/api/v1/tiers", Api.as("carol").get("/api/v1/tiers").body()).status()).isEqualTo(403);
        assertThat(Api.as("carol").put(ACCOUNTS + "/" + id, "{\"name\": \"x\", \"segment\": \"B2B\", \"version\": 0}").status())
                .isEqualTo(403);
        assertThat(Api.as("acme.client").post(ACCOUNTS + "/" + id + "/contacts", "{\"name\": \"x\"}").status()).isEqualTo(403);
        assertThat(history(id)).isEmpty();
    }
}
