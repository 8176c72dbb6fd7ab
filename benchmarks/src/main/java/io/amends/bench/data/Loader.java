package io.amends.bench.data;

import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import org.postgresql.PGConnection;
import org.postgresql.copy.CopyIn;

/**
 * Writes batches on threads and connections of their own, so that the database works while the next batch is
 * generated, table by table in {@link Table} order so that a parent row is committed before its children. On
 * PostgreSQL each table of a batch is one {@code COPY ... FROM STDIN} (CSV), and the audit trail (no foreign keys) has
 * a writer of its own, so that two server processes work; on H2 one writer inserts batches of prepared statements and
 * commits once per batch. Counts rows and time per table.
 */
final class Loader implements AutoCloseable {

    private static final Batch END = new Batch();
    private static final int H2_BATCH = 2_000;
    private static final int COPY_CHUNK = 1 << 20;

    private final boolean postgres;
    private final List<Worker> workers = new ArrayList<>();
    private final long[] rows = new long[Table.values().length];
    private final long[] nanos = new long[Table.values().length];
    private long submitted;

    /** Opens one connection per writer with {@code connect}. */
    Loader(Callable<Connection> connect, boolean postgres) throws Exception {
        this.postgres = postgres;
        if (postgres) {
            workers.add(new Worker(connect.call(), t -> t != Table.AUDIT_ENTRY, "generate-writer-cases"));
            workers.add(new Worker(connect.call(), t -> t == Table.AUDIT_ENTRY, "generate-writer-audit"));
        } else { // H2 commits one transaction at a time: two writers only wait for each other (measured: twice as slow)
            workers.add(new Worker(connect.call(), t -> true, "generate-writer"));
        }
    }

    /** Queues a batch; waits while two are queued already. */
    void submit(Batch batch) {
        if (batch != END) {
            submitted++;
        }
        for (Worker worker : workers) {
            worker.submit(batch);
        }
    }

    /** Waits until every batch queued so far is written. */
    void drain() {
        for (Worker worker : workers) {
            while (worker.done < submitted) {
                worker.check();
                try {
                    Thread.sleep(2);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new IllegalStateException("Interrupted while waiting for the writers", e);
                }
            }
            worker.check();
        }
    }

    /** Waits until everything queued is written, and stops the writers. */
    void finish() {
        submit(END);
        for (Worker worker : workers) {
            try {
                worker.thread.join();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("Interrupted while waiting for the writers", e);
            }
            worker.check();
        }
    }

    long rows(Table table) {
        return rows[table.ordinal()];
    }

    double seconds(Table table) {
        return nanos[table.ordinal()] / 1e9;
    }

    @Override
    public void close() throws SQLException {
        for (Worker worker : workers) {
            worker.close();
        }
    }

    /** One writer: a thread, a connection, a queue, and the tables it writes. */
    private final class Worker {
        private final Connection connection;
        private final Predicate<Table> writes;
        private final BlockingQueue<Batch> queue = new ArrayBlockingQueue<>(2);
        private final Map<Table, PreparedStatement> inserts = new EnumMap<>(Table.class);
        private final Thread thread;
        private volatile Throwable failure;
        private volatile long done;

        Worker(Connection connection, Predicate<Table> writes, String name) throws SQLException {
            this.connection = connection;
            this.writes = writes;
            connection.setAutoCommit(postgres); // each COPY commits by itself; H2 commits once per batch
            thread = new Thread(this::run, name);
            thread.setDaemon(true);
            thread.start();
        }

        void submit(Batch batch) {
            check();
            try {
                while (!queue.offer(batch, 1, TimeUnit.SECONDS)) {
                    check();
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("Interrupted while queueing rows", e);
            }
        }

        void check() {
            if (failure != null) {
                throw new IllegalStateException("Writing rows failed: " + failure, failure);
            }
        }

        private void run() {
            try {
                while (true) {
                    Batch batch = queue.take();
                    if (batch == END) {
                        return;
                    }
                    Table last = null;
                    for (Table table : Table.values()) {
                        List<Object[]> list = batch.rows(table);
                        if (list.isEmpty() || !writes.test(table)) {
                            continue;
                        }
                        long start = System.nanoTime();
                        if (postgres) {
                            copy(table, list);
                        } else {
                            insert(table, list);
                        }
                        nanos[table.ordinal()] += System.nanoTime() - start;
                        rows[table.ordinal()] += list.size();
                        last = table;
                    }
                    if (!postgres && last != null) {
                        long start = System.nanoTime();
                        connection.commit();
                        nanos[last.ordinal()] += System.nanoTime() - start;
                    }
                    done++;
                }
            } catch (Throwable e) {
                failure = e;
                queue.clear();
            }
        }

        void close() throws SQLException {
            for (PreparedStatement insert : inserts.values()) {
                insert.close();
            }
            connection.close();
        }

        // ---------------------------------------------------------------- PostgreSQL: COPY in CSV

        private void copy(Table table, List<Object[]> list) throws SQLException {
            CopyIn in = connection.unwrap(PGConnection.class).getCopyAPI()
                    .copyIn("COPY " + table.sqlName() + " (" + table.columnList() + ") FROM STDIN WITH (FORMAT csv)");
            try {
                StringBuilder text = new StringBuilder(COPY_CHUNK + 64 * 1024);
                for (Object[] row : list) {
                    for (int i = 0; i < row.length; i++) {
                        if (i > 0) {
                            text.append(',');
                        }
                        csv(text, row[i]);
                    }
                    text.append('\n');
                    if (text.length() >= COPY_CHUNK) {
                        byte[] bytes = text.toString().getBytes(StandardCharsets.UTF_8);
                        in.writeToCopy(bytes, 0, bytes.length);
                        text.setLength(0);
                    }
                }
                byte[] bytes = text.toString().getBytes(StandardCharsets.UTF_8);
                in.writeToCopy(bytes, 0, bytes.length);
                in.endCopy();
            } finally {
                if (in.isActive()) {
                    in.cancelCopy();
                }
            }
        }

        // ---------------------------------------------------------------- H2: batches of prepared inserts

        private void insert(Table table, List<Object[]> list) throws SQLException {
            PreparedStatement insert = inserts.get(table);
            if (insert == null) {
                insert = connection.prepareStatement("INSERT INTO " + table.sqlName() + " (" + table.columnList() + ") VALUES ("
                        + "?, ".repeat(table.columns.length - 1) + "?)");
                inserts.put(table, insert);
            }
            int pending = 0;
            for (Object[] row : list) {
                for (int i = 0; i < row.length; i++) {
                    Object value = row[i];
                    if (value instanceof Long l) {
                        insert.setLong(i + 1, l);
                    } else if (value instanceof String s) {
                        insert.setString(i + 1, s);
                    } else if (value instanceof Instant instant) {
                        insert.setObject(i + 1, OffsetDateTime.ofInstant(instant, ZoneOffset.UTC));
                    } else {
                        insert.setObject(i + 1, value);
                    }
                }
                insert.addBatch();
                if (++pending == H2_BATCH) {
                    insert.executeBatch();
                    pending = 0;
                }
            }
            if (pending > 0) {
                insert.executeBatch();
            }
        }
    }

    private static void csv(StringBuilder out, Object value) {
        if (value == null) {
            return; // an unquoted empty field is NULL
        }
        if (value instanceof String s) {
            boolean quote = s.isEmpty() || s.charAt(0) == '\\';
            for (int i = 0; i < s.length() && !quote; i++) {
                char c = s.charAt(i);
                quote = c == ',' || c == '"' || c == '\n' || c == '\r';
            }
            if (!quote) {
                out.append(s);
                return;
            }
            out.append('"');
            for (int i = 0; i < s.length(); i++) {
                char c = s.charAt(i);
                if (c == '"') {
                    out.append('"');
                }
                out.append(c);
            }
            out.append('"');
        } else if (value instanceof Instant instant) {
            timestamp(out, instant);
        } else {
            out.append(value);
        }
    }

    /** {@code 2026-11-25 03:00:00.123456+00}: what PostgreSQL reads back as the same microsecond. */
    static void timestamp(StringBuilder out, Instant instant) {
        LocalDateTime t = LocalDateTime.ofEpochSecond(instant.getEpochSecond(), instant.getNano(), ZoneOffset.UTC);
        int year = t.getYear();
        if (year < 1000 || year > 9999) {
            out.append(OffsetDateTime.ofInstant(instant, ZoneOffset.UTC));
            return;
        }
        out.append(year).append('-');
        two(out, t.getMonthValue());
        out.append('-');
        two(out, t.getDayOfMonth());
        out.append(' ');
        two(out, t.getHour());
        out.append(':');
        two(out, t.getMinute());
        out.append(':');
        two(out, t.getSecond());
        int micros = t.getNano() / 1000;
        out.append('.');
        for (int div = 100_000; div > 0; div /= 10) {
            out.append((char) ('0' + micros / div % 10));
        }
        out.append("+00");
    }

    private static void two(StringBuilder out, int value) {
        out.append((char) ('0' + value / 10)).append((char) ('0' + value % 10));
    }
}
