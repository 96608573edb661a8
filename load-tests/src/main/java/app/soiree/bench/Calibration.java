package app.soiree.bench;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * What this PostgreSQL, on this machine, right now, can do at the most for the shapes of work the
 * server's hot paths are made of, with as many concurrent clients as the server's connection pool:
 * <ul>
 *   <li>R_ins: single-row INSERT + COMMIT per transaction (an event append is at least this);</li>
 *   <li>R_hot: {@code UPDATE … SET sold = sold + 1 WHERE id = 1 AND sold < cap} + COMMIT, all clients on
 *       one row (the ceiling for selling seats of one tier when every sale is a durable write);</li>
 *   <li>R_read: primary-key SELECT (the floor of any read).</li>
 * </ul>
 * Plain JDBC, prepared statements, its own scratch tables in schema {@code bench_calibration}.
 */
final class Calibration {

    static final String SCHEMA = "bench_calibration";
    private static final int READ_ROWS = 10_000;

    /** Operations per second and per-operation latency, in microseconds. */
    record Rate(double perSecond, long p50Micros, long p99Micros, long operations) {
    }

    /** One kind of operation; each client thread gets its own connection and prepared statement. */
    private interface Operation {
        PreparedStatement prepare(Connection connection) throws SQLException;

        void run(Connection connection, PreparedStatement statement) throws SQLException;
    }

    private final Database database;
    private final int clients;
    private final Duration duration;

    Calibration(Database database, int clients, Duration duration) {
        this.database = database;
        this.clients = clients;
        this.duration = duration;
    }

    void createScratchTables() throws SQLException {
        try (Connection connection = database.connect(); Statement sql = connection.createStatement()) {
            sql.execute("drop schema if exists " + SCHEMA + " cascade");
            sql.execute("create schema " + SCHEMA);
            // Rows about the size of a small event entry.
            sql.execute("create table " + SCHEMA + ".inserts (id bigserial primary key, client int not null, payload text not null,"
                    + " created_at timestamptz not null default now())");
            sql.execute("create table " + SCHEMA + ".hot (id int primary key, sold bigint not null, cap bigint not null)");
            sql.execute("insert into " + SCHEMA + ".hot values (1, 0, " + Long.MAX_VALUE + ")");
            sql.execute("create table " + SCHEMA + ".reads (id int primary key, payload text not null)");
            sql.execute("insert into " + SCHEMA + ".reads select i, repeat(md5(i::text), 8) from generate_series(1, " + READ_ROWS + ") i");
            sql.execute("analyze " + SCHEMA + ".reads");
        }
    }

    void dropScratchTables() throws SQLException {
        try (Connection connection = database.connect(); Statement sql = connection.createStatement()) {
            sql.execute("drop schema if exists " + SCHEMA + " cascade");
        }
    }

    Rate inserts() throws Exception {
        String payload = "x".repeat(400);
        return measure(false, new Operation() {
            public PreparedStatement prepare(Connection connection) throws SQLException {
                return connection.prepareStatement("insert into " + SCHEMA + ".inserts (client, payload) values (?, ?)");
            }

            public void run(Connection connection, PreparedStatement insert) throws SQLException {
                insert.setInt(1, (int) Thread.currentThread().threadId());
                insert.setString(2, payload);
                insert.executeUpdate();
                connection.commit();
            }
        });
    }

    Rate hotRow() throws Exception {
        return measure(false, new Operation() {
            public PreparedStatement prepare(Connection connection) throws SQLException {
                return connection.prepareStatement("update " + SCHEMA + ".hot set sold = sold + 1 where id = 1 and sold < cap");
            }

            public void run(Connection connection, PreparedStatement update) throws SQLException {
                if (update.executeUpdate() != 1) {
                    throw new IllegalStateException("the hot row reached its cap");
                }
                connection.commit();
            }
        });
    }

    Rate primaryKeyReads() throws Exception {
        return measure(true, new Operation() {
            public PreparedStatement prepare(Connection connection) throws SQLException {
                return connection.prepareStatement("select payload from " + SCHEMA + ".reads where id = ?");
            }

            public void run(Connection connection, PreparedStatement select) throws SQLException {
                select.setInt(1, ThreadLocalRandom.current().nextInt(1, READ_ROWS + 1));
                try (ResultSet row = select.executeQuery()) {
                    if (!row.next()) {
                        throw new IllegalStateException("missing row");
                    }
                }
            }
        });
    }

    /**
     * Runs the operation on every client for a second unmeasured (connections warm, statements
     * server-prepared), then for {@link #duration}, and counts what completed.
     */
    private Rate measure(boolean autoCommit, Operation operation) throws Exception {
        AtomicBoolean measuring = new AtomicBoolean(false);
        AtomicBoolean stop = new AtomicBoolean(false);
        CountDownLatch ready = new CountDownLatch(clients);
        List<long[]> latencies = new ArrayList<>();
        List<Thread> threads = new ArrayList<>();
        List<Throwable> failures = java.util.Collections.synchronizedList(new ArrayList<>());
        for (int i = 0; i < clients; i++) {
            long[][] mine = new long[1][];
            Thread thread = Thread.ofPlatform().name("calibration-" + i).start(() -> {
                LongList recorded = new LongList();
                try (Connection connection = database.connect()) {
                    connection.setAutoCommit(autoCommit);
                    try (PreparedStatement statement = operation.prepare(connection)) {
                        ready.countDown();
                        while (!stop.get()) {
                            long started = System.nanoTime();
                            operation.run(connection, statement);
                            if (measuring.get()) {
                                recorded.add((System.nanoTime() - started) / 1_000);
                            }
                        }
                    }
                } catch (Throwable e) {
                    failures.add(e);
                    ready.countDown();
                }
                mine[0] = recorded.toArray();
                synchronized (latencies) {
                    latencies.add(mine[0]);
                }
            });
            threads.add(thread);
        }
        ready.await();
        Thread.sleep(1_000);
        long started = System.nanoTime();
        measuring.set(true);
        Thread.sleep(duration.toMillis());
        measuring.set(false);
        long elapsed = System.nanoTime() - started;
        stop.set(true);
        for (Thread thread : threads) {
            thread.join();
        }
        if (!failures.isEmpty()) {
            throw new IllegalStateException("calibration failed", failures.getFirst());
        }
        long[] all = latencies.stream().flatMapToLong(java.util.Arrays::stream).sorted().toArray();
        return new Rate(all.length / (elapsed / 1e9), Samples.percentile(all, 50), Samples.percentile(all, 99), all.length);
    }

    /** A growable array of longs: a calibration client records tens of thousands of latencies. */
    private static final class LongList {
        private long[] values = new long[4096];
        private int size;

        void add(long value) {
            if (size == values.length) {
                values = java.util.Arrays.copyOf(values, size * 2);
            }
            values[size++] = value;
        }

        long[] toArray() {
            return java.util.Arrays.copyOf(values, size);
        }
    }
}
