package io.amends.web.platform;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * The curated API description ({@code META-INF/openapi.yaml}) lists every endpoint the code has, and nothing else,
 * and every endpoint says who may call it.
 */
class ApiDescriptionTest {

    @Test
    void everyEndpointIsDescribedAndNothingElse() throws IOException {
        Map<String, Set<String>> described = describedOperations();
        List<String> missing = new ArrayList<>();
        Set<String> inCode = new LinkedHashSet<>();
        for (Endpoints.Endpoint endpoint : Endpoints.all()) {
            String key = endpoint.httpMethod().toLowerCase(Locale.ROOT) + " " + endpoint.path();
            inCode.add(key);
            if (!described.getOrDefault(endpoint.path(), Set.of()).contains(endpoint.httpMethod().toLowerCase(Locale.ROOT))) {
                missing.add(key);
            }
        }
        List<String> stale = new ArrayList<>();
        described.forEach((path, methods) -> methods.forEach(m -> {
            if (!inCode.contains(m + " " + path)) {
                stale.add(m + " " + path);
            }
        }));
        assertThat(missing).as("endpoints missing from openapi.yaml").isEmpty();
        assertThat(stale).as("operations in openapi.yaml that the code does not have").isEmpty();
    }

    @Test
    void everyEndpointSaysWhoMayCallIt() {
        List<String> unruled = Endpoints.all().stream()
                .filter(e -> !e.rule().open() && e.rule().roles().length == 0)
                .map(e -> e.httpMethod() + " " + e.path())
                .toList();
        assertThat(unruled).as("endpoints without @Allow or @Anyone (they answer 403 to everybody)").isEmpty();
    }

    @Test
    void theDescriptionIsValidYamlWithAnOperationIdEverywhere() throws IOException {
        try (InputStream in = ApiDescriptionTest.class.getResourceAsStream("/META-INF/openapi.yaml")) {
            Map<String, Object> document = new org.yaml.snakeyaml.Yaml().load(in);
            assertThat(document).containsKeys("openapi", "info", "paths", "components");
            @SuppressWarnings("unchecked")
            Map<String, Map<String, Map<String, Object>>> paths = (Map<String, Map<String, Map<String, Object>>>) document.get("paths");
            paths.forEach((path, operations) -> operations.forEach((method, operation) ->
                    assertThat(operation).as(method + " " + path).containsKeys("operationId", "summary", "responses")));
            assertThat(new org.yaml.snakeyaml.Yaml().dump(document)).as("a schema written as a string")
                    .doesNotContain("'{ type").doesNotContain("'{type");
        }
    }

    /** Reads the paths and their operations from the YAML by indentation; enough for a file we write ourselves. */
    static Map<String, Set<String>> describedOperations() throws IOException {
        Map<String, Set<String>> operations = new LinkedHashMap<>();
        try (InputStream in = ApiDescriptionTest.class.getResourceAsStream("/META-INF/openapi.yaml")) {
            assertThat(in).as("META-INF/openapi.yaml").isNotNull();
            String currentPath = null;
            boolean inPaths = false;
            for (String line : new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\n")) {
                if (line.startsWith("paths:")) {
                    inPaths = true;
                    continue;
                }
                if (inPaths && !line.isBlank() && !line.startsWith(" ")) {
                    break;
                }
                if (!inPaths) {
                    continue;
                }
                if (line.matches("  /\\S*:\\s*")) {
                    currentPath = line.trim().replaceAll(":$", "");
                    operations.put(currentPath, new LinkedHashSet<>());
                } else if (currentPath != null && line.matches("    (get|post|put|delete|patch):\\s*")) {
                    operations.get(currentPath).add(line.trim().replaceAll(":$", ""));
                }
            }
        }
        return operations;
    }
}
