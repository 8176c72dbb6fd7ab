package io.amends.system;

import static org.assertj.core.api.Assertions.assertThat;

import io.amends.web.platform.Endpoints;
import io.amends.web.security.AccessRules;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Every REST endpoint × every kind of caller, generated from the code's own list of endpoints and their access rules:
 * a caller without the role gets 401 (anonymous) or 403, a caller with it never does, and nobody ever gets a 500.
 * A new endpoint is in the matrix the moment it exists; one without a rule answers 403 to everybody (and
 * ApiDescriptionTest fails on it).
 */
class AuthorizationMatrixIT {

    /** Ids in paths: numbers that exist nowhere, so allowed callers get 404 or 400, and nothing is changed. */
    private static final String NO_SUCH_ID = "987654321";

    private static final Map<String, Supplier<Api>> CALLERS = new LinkedHashMap<>();

    @BeforeAll
    static void callers() {
        Api admin = Api.as("admin");
        String helpdesk = admin.post("/api/v1/admin/api-keys", "{\"name\":\"matrix-helpdesk\",\"role\":\"HELPDESK\"}").json().getString("secret");
        String storefront = admin.post("/api/v1/admin/api-keys", "{\"name\":\"matrix-storefront\",\"role\":\"STOREFRONT\"}").json().getString("secret");
        CALLERS.put("anonymous", Api::anonymous);
        CALLERS.put("ACCOUNT_MANAGER", () -> Api.as("alice"));
        CALLERS.put("FINANCE", () -> Api.as("carol"));
        CALLERS.put("ADMIN", () -> Api.as("admin"));
        CALLERS.put("CLIENT", () -> Api.as("acme.client"));
        CALLERS.put("HELPDESK", () -> Api.withHeader("X-Api-Key", helpdesk));
        CALLERS.put("STOREFRONT", () -> Api.withHeader("X-Api-Key", storefront));
    }

    @Test
    void everyEndpointAnswersEveryCallerAsItsRuleSays() {
        List<Endpoints.Endpoint> endpoints = Endpoints.all();
        assertThat(endpoints).hasSizeGreaterThan(40);
        List<String> wrong = new ArrayList<>();
        int checked = 0;
        for (Endpoints.Endpoint endpoint : endpoints) {
            AccessRules.Rule rule = endpoint.rule();
            Set<String> allowed = Set.of(rule.roles());
            String path = endpoint.path().replaceAll("\\{[^}]+}", NO_SUCH_ID);
            for (Map.Entry<String, Supplier<Api>> caller : CALLERS.entrySet()) {
                String body = Set.of("POST", "PUT", "PATCH").contains(endpoint.httpMethod()) ? "{}" : null;
                Api.Answer answer = caller.getValue().get().send(endpoint.httpMethod(), path, body == null ? null : "application/json", body);
                checked++;
                String cell = endpoint.httpMethod() + " " + endpoint.path() + " as " + caller.getKey() + ": " + answer.status();
                if (answer.status() >= 500) {
                    wrong.add(cell + " (a server error)");
                    continue;
                }
                if (rule.open()) {
                    continue; // signed webhooks and sign-in decide for themselves; they must only never fail
                }
                boolean anonymous = caller.getKey().equals("anonymous");
                boolean mayCall = allowed.contains(caller.getKey());
                if (mayCall && (answer.status() == 401 || answer.status() == 403) && !isBusinessRefusal(answer)) {
                    wrong.add(cell + " but the rule allows " + Arrays.toString(rule.roles()) + " " + answer.body());
                } else if (!mayCall && anonymous && answer.status() != 401) {
                    wrong.add(cell + " but anonymous callers must get 401");
                } else if (!mayCall && !anonymous && answer.status() != 403) {
                    wrong.add(cell + " but only " + Arrays.toString(rule.roles()) + " may call it");
                }
                if (answer.status() >= 400 && !answer.isProblem()) {
                    wrong.add(cell + " without a problem document (" + answer.contentType() + ")");
                }
            }
        }
        assertThat(wrong).as("%d cells checked", checked).isEmpty();
    }

    /** A 403 from a business rule (four eyes, a clock that is not controllable) is not an access-rule failure. */
    private static boolean isBusinessRefusal(Api.Answer answer) {
        return answer.status() == 403 && answer.isProblem() && !answer.body().contains("Your role may not do this");
    }
}
