package io.amends.bench.data;

import java.util.ArrayList;
import java.util.List;

/**
 * Rows for several tables, handed to the {@link Loader} in one piece: it writes them table by table in
 * {@link Table} order, so that a batch may hold parents and their children. Values are {@code Long}, {@code Integer},
 * {@code String}, {@code Boolean}, {@code java.time.Instant} or null.
 */
final class Batch {

    private final List<List<Object[]>> rows = new ArrayList<>();
    private long size;

    Batch() {
        for (int i = 0; i < Table.values().length; i++) {
            rows.add(new ArrayList<>());
        }
    }

    void add(Table table, Object... values) {
        if (values.length != table.columns.length) {
            throw new IllegalArgumentException(table + " has " + table.columns.length + " columns, not " + values.length);
        }
        rows.get(table.ordinal()).add(values);
        size++;
    }

    List<Object[]> rows(Table table) {
        return rows.get(table.ordinal());
    }

    long size() {
        return size;
    }
}
