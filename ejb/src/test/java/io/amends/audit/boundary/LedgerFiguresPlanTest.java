package io.amends.audit.boundary;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** How the embedded database answers the money figures of an audit entry, on the schema the migrations make. */
class LedgerFiguresPlanTest {

    private static final Instant NOW = Instant.parse("2026-11-25T10:00:00Z");
    private static final long ACCOUNT = 7;

    private Connection c;

    @BeforeEach
    void migrate() throws SQLException {
        String url = "jdbc:h2:mem:figures-" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1";
        Flyway.configure().dataSource(url, "sa", "").locations("classpath:db/migration").load().migrate();
        c = DriverManager.getConnection(url, "sa", "");
        try (Statement s = c.createStatement()) {
            s.execute("SET REFERENTIAL_INTEGRITY FALSE"); // proposals without their cases: only the index walk is tested
        }
    }

    @AfterEach
    void close() throws SQLException {
        c.close();
    }

    @Test
    void theYearsSpendIsReadFromTheSpendIndexNotFromEveryProposalTheAccountEverHad() throws SQLException {
        for (int i = 0; i < 300; i++) {
            propose(ACCOUNT, NOW.minusSeconds(400L * 86_400 + i), 1_000); // older than a year: not counted
        }
        propose(ACCOUNT, NOW.minusSeconds(86_400), 2_500);
        propose(ACCOUNT, NOW.minusSeconds(3_600), 4_000);
        propose(ACCOUNT + 1, NOW.minusSeconds(3_600), 9_999); // another account's

        try (PreparedStatement explain = c.prepareStatement("EXPLAIN ANALYZE " + LedgerFigures.figuresSql(false))) {
            bind(explain);
            try (ResultSet plan = explain.executeQuery()) {
                plan.next();
                String text = plan.getString(1);
                // H2 counts the index entries a query walks. At a million cases it chose the foreign key's index on
                // its own and walked every proposal of the account; named, the index is walked over the year only.
                Matcher scanned = Pattern.compile("PROPOSAL_ACCOUNT_SPEND_IX:.*?scanCount: (\\d+)", Pattern.DOTALL).matcher(text);
                assertThat(scanned.find()).as(text).isTrue();
                assertThat(Integer.parseInt(scanned.group(1))).as(text).isLessThan(5);
            }
        }
        try (PreparedStatement figures = c.prepareStatement(LedgerFigures.figuresSql(false))) {
            bind(figures);
            try (ResultSet row = figures.executeQuery()) {
                row.next();
                assertThat(row.getLong(2)).isEqualTo(6_500);
            }
        }
    }

    private static void bind(PreparedStatement statement) throws SQLException {
        statement.setLong(1, ACCOUNT);
        statement.setObject(2, NOW.atOffset(ZoneOffset.UTC));
        statement.setLong(3, ACCOUNT);
        statement.setObject(4, NOW.minus(LedgerFigures.YEAR).atOffset(ZoneOffset.UTC));
    }

    private void propose(long account, Instant at, long costMinor) throws SQLException {
        try (PreparedStatement insert = c.prepareStatement("INSERT INTO compensation_proposal (id, case_id, account_id, contact_id, "
                + "kind, description, cost_minor, currency, verdict, explanation, status, counts_against_caps, approvals_needed, "
                + "proposed_by, proposed_at, version) VALUES (NEXT VALUE FOR proposal_seq, 1, ?, 1, 'FLOWERS', 'Roses', ?, 'EUR', "
                + "'AUTO_APPROVED', 'within every cap', 'APPROVED', TRUE, 0, 'alice', ?, 1)")) {
            insert.setLong(1, account);
            insert.setLong(2, costMinor);
            insert.setObject(3, at.atOffset(ZoneOffset.UTC));
            insert.executeUpdate();
        }
    }
}
