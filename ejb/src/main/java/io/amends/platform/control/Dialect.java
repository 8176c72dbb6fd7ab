package io.amends.platform.control;

import io.amends.platform.boundary.Migrations;
import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.Locale;
import javax.sql.DataSource;

/**
 * The few SQL phrases where H2 and PostgreSQL differ, chosen once from the connected database.
 */
@ApplicationScoped
public class Dialect {

    @Resource(lookup = Migrations.DATA_SOURCE)
    DataSource dataSource;

    private volatile Boolean postgres;

    public boolean isPostgres() {
        Boolean known = postgres;
        if (known == null) {
            try (Connection connection = dataSource.getConnection()) {
                known = connection.getMetaData().getDatabaseProductName().toLowerCase(Locale.ROOT).contains("postgres");
            } catch (SQLException e) {
                throw new IllegalStateException("Cannot reach the database", e);
            }
            postgres = known;
        }
        return known;
    }

    public String nextValue(String sequence) {
        if (!sequence.matches("[a-z_]+")) {
            throw new IllegalArgumentException("Not a sequence name: " + sequence);
        }
        return isPostgres() ? "SELECT nextval('" + sequence + "')" : "SELECT NEXT VALUE FOR " + sequence;
    }

    /**
     * A table of a FROM clause ({@code "compensation_proposal p"}), on H2 with the index that answers the query. At a
     * million cases H2's optimizer chose a foreign key's index for some lookups and read every row of the account
     * through it; PostgreSQL picks the right index unaided and has no such hint.
     */
    public String withIndex(String table, String index) {
        return withIndex(isPostgres(), table, index);
    }

    public static String withIndex(boolean postgres, String table, String index) {
        if (!table.matches("[a-z_]+( [a-z]+)?") || !index.matches("[a-z_]+")) {
            throw new IllegalArgumentException("Not a table and an index: " + table + ", " + index);
        }
        return postgres ? table : table + " USE INDEX (" + index + ")";
    }
}
