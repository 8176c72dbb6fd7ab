package io.amends.platform;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.HashMap;
import java.util.Map;
import java.util.Properties;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The embedded H2 database as the shipped default URL opens it: the settings that docs/configuration.md promises
 * and docs/performance.md measured are the ones H2 reports, not merely words in a properties file.
 */
class EmbeddedDatabaseSettingsTest {

    @TempDir
    Path dataDir;

    @Test
    void theDefaultUrlOpensH2WithImmediateWritesItsPageCacheAndAStatementCachePerConnection() throws Exception {
        String url = defaultUrl().replace("${amends.data.dir}", dataDir.toString());

        Map<String, String> settings = settingsOf(url);

        // A commit is in the file before the caller hears of it: a killed server loses no acknowledged write.
        assertThat(settings).containsEntry("WRITE_DELAY", "0");
        // 64 MB of pages in the heap instead of H2's 16 MB (and not the 256 MB whose churn lengthened collections).
        assertThat(settings).containsEntry("CACHE_SIZE", "65536");
        // Each connection keeps 64 parsed statements instead of H2's 8: opening a case alone sends more than 8
        // different statements, so with 8 every one was parsed and planned again (9 % of an opened case's time).
        assertThat(settings).containsEntry("QUERY_CACHE_SIZE", "64");
    }

    private static String defaultUrl() throws IOException {
        Properties defaults = new Properties();
        try (InputStream in = EmbeddedDatabaseSettingsTest.class.getResourceAsStream("/META-INF/microprofile-config.properties")) {
            assertThat(in).as("the shipped configuration").isNotNull();
            defaults.load(in);
        }
        String url = defaults.getProperty("amends.db.url");
        assertThat(url).startsWith("jdbc:h2:file:${amends.data.dir}/");
        return url;
    }

    private static Map<String, String> settingsOf(String url) throws SQLException {
        Map<String, String> settings = new HashMap<>();
        try (Connection c = DriverManager.getConnection(url, "amends", "amends");
                Statement s = c.createStatement();
                ResultSet rows = s.executeQuery("SELECT SETTING_NAME, SETTING_VALUE FROM INFORMATION_SCHEMA.SETTINGS")) {
            while (rows.next()) {
                settings.put(rows.getString(1), rows.getString(2));
            }
            s.execute("SHUTDOWN"); // DB_CLOSE_ON_EXIT=FALSE: the server closes the file itself; so does the test
        }
        return settings;
    }
}
