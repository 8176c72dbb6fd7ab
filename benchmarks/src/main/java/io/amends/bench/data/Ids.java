package io.amends.bench.data;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.EnumMap;
import java.util.Map;

/**
 * The ids the generated rows take, and moving the sequences past them afterwards.
 *
 * <p>The entities draw ids from sequences with {@code INCREMENT BY 50} and EclipseLink's {@code allocationSize = 50}:
 * a value V from {@code nextval} lets the application use the ids V-49 .. V. So the generator takes one value V of
 * each sequence, numbers its rows from V+1 on, and at the end sets each sequence so that the next value is at least
 * the highest generated id + 50: the next block the application takes starts after every generated id.
 * {@code case_number_seq} counts by one and is used directly: generated case numbers start at its next value.
 */
final class Ids {

    private final boolean postgres;
    private final Map<Table, Long> first = new EnumMap<>(Table.class);
    private final Map<Table, Long> next = new EnumMap<>(Table.class);
    private long firstCaseNumber;

    Ids(Connection c, boolean postgres) throws SQLException {
        this.postgres = postgres;
        for (Table table : Table.values()) {
            if (table.sequence != null) {
                long value = Math.max(nextValue(c, table.sequence), max(c, table)) + 1;
                first.put(table, value);
                next.put(table, value);
            }
        }
        firstCaseNumber = nextValue(c, "case_number_seq");
    }

    long next(Table table) {
        long id = next.get(table);
        next.put(table, id + 1);
        return id;
    }

    long firstCaseNumber() {
        return firstCaseNumber;
    }

    /** Moves every sequence past what was generated; {@code lastCaseNumber} is the highest case number used. */
    void moveSequences(Connection c, long lastCaseNumber) throws SQLException {
        for (Map.Entry<Table, Long> e : next.entrySet()) {
            long highest = e.getValue() - 1;
            if (highest >= first.get(e.getKey())) {
                set(c, e.getKey().sequence, highest + 50);
            }
        }
        if (lastCaseNumber >= firstCaseNumber) {
            set(c, "case_number_seq", lastCaseNumber + 1);
        }
    }

    /** Makes {@code nextValue} the value the sequence answers next. */
    private void set(Connection c, String sequence, long nextValue) throws SQLException {
        try (Statement s = c.createStatement()) {
            if (postgres) {
                s.executeQuery("SELECT setval('" + sequence + "', " + nextValue + ", false)").close();
            } else {
                s.executeUpdate("ALTER SEQUENCE " + sequence + " RESTART WITH " + nextValue);
            }
        }
    }

    private long nextValue(Connection c, String sequence) throws SQLException {
        try (Statement s = c.createStatement();
             var rs = s.executeQuery(postgres ? "SELECT nextval('" + sequence + "')" : "SELECT NEXT VALUE FOR " + sequence)) {
            rs.next();
            return rs.getLong(1);
        }
    }

    private static long max(Connection c, Table table) throws SQLException {
        try (Statement s = c.createStatement(); var rs = s.executeQuery("SELECT MAX(" + table.columns[0] + ") FROM " + table.sqlName())) {
            rs.next();
            return rs.getLong(1);
        }
    }
}
