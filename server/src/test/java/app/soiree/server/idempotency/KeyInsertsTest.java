package app.soiree.server.idempotency;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import app.soiree.server.support.IntegrationTest;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.dao.DataAccessException;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Keys written together, against the test PostgreSQL. The first inserts, one for each writer there may be, are made to
 * wait on row locks the test holds (uncommitted inserts of the same keys), so that the others queue behind them and are
 * written together once they end: rows written by one statement share its transaction id ({@code xmin}).
 */
@IntegrationTest
class KeyInsertsTest {

    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    DataSource dataSource;

    private final ExecutorService requests = Executors.newVirtualThreadPerTaskExecutor();

    @Test
    void aQuietInsertIsWrittenAtOnceAndAKeyAlreadyThereIsNotNew() {
        KeyInserts inserts = new KeyInserts(jdbc, Duration.ZERO);
        String user = UUID.randomUUID().toString();

        assertThat(inserts.insert(row(user, "key-1"))).isTrue();
        assertThat(inserts.insert(row(user, "key-1"))).isFalse();
        assertThat(inserts.insert(row(UUID.randomUUID().toString(), "key-1"))).as("keys are the user's own").isTrue();
        assertThat(jdbc.queryForObject("select state from idempotency_keys where user_id = ? and idempotency_key = 'key-1'",
                String.class, user)).isEqualTo("IN_FLIGHT");
        assertThat(jdbc.queryForObject("""
                select response_status is null and response_type is null and response_body is null
                from idempotency_keys where user_id = ? and idempotency_key = 'key-1'""", Boolean.class, user))
                .as("a claim has no answer yet").isTrue();
    }

    @Test
    void aRefusalIsWrittenWithItsAnswerAndCreatedAtItsMoment() {
        KeyInserts inserts = new KeyInserts(jdbc, Duration.ZERO);
        String user = UUID.randomUUID().toString();
        Instant at = Instant.parse("2026-12-07T11:59:58.123456Z");
        byte[] answer = "{\"code\":\"SOLD_OUT\"}".getBytes(java.nio.charset.StandardCharsets.UTF_8);

        assertThat(inserts.insert(new KeyInserts.Row(user, "refused", "hash", "DONE", at, 422, "application/problem+json", answer)))
                .isTrue();

        var stored = jdbc.queryForMap("""
                select state, created_at, response_status, response_type, response_body
                from idempotency_keys where user_id = ? and idempotency_key = 'refused'""", user);
        assertThat(stored.get("state")).isEqualTo("DONE");
        assertThat(((java.sql.Timestamp) stored.get("created_at")).toInstant()).isEqualTo(at);
        assertThat(stored.get("response_status")).isEqualTo(422);
        assertThat(stored.get("response_type")).isEqualTo("application/problem+json");
        assertThat((byte[]) stored.get("response_body")).isEqualTo(answer);
    }

    @Test
    void insertsThatMeetAreWrittenTogetherEachAnsweredWhetherItsKeyWasNew() throws Exception {
        KeyInserts inserts = new KeyInserts(jdbc, Duration.ZERO);
        String user = UUID.randomUUID().toString();
        try (Connection elsewhere = dataSource.getConnection()) {
            List<CompletableFuture<Boolean>> writers = holdUpTheWriters(inserts, elsewhere, user);
            List<CompletableFuture<Boolean>> queued = new ArrayList<>();
            for (int i = 0; i < 30; i++) {
                queued.add(insertLater(inserts, row(user, "queued-" + i)));
            }
            CompletableFuture<Boolean> twice = insertLater(inserts, row(user, "twice"));
            CompletableFuture<Boolean> twiceAgain = insertLater(inserts, row(user, "twice"));
            await().atMost(Duration.ofSeconds(30)).until(() -> inserts.inLine() == 32);
            elsewhere.commit(); // the held keys are taken now: the first inserts find them there

            for (CompletableFuture<Boolean> writer : writers) {
                assertThat(writer.get()).isFalse();
            }
            for (CompletableFuture<Boolean> answer : queued) {
                assertThat(answer.get()).isTrue();
            }
            assertThat(List.of(twice.get(), twiceAgain.get())).as("one of the two asking for one key gets it")
                    .containsExactlyInAnyOrder(true, false);
        }
        assertThat(jdbc.queryForObject("""
                select count(distinct xmin::text) from idempotency_keys where user_id = ? and idempotency_key not like 'held-%'""",
                Long.class, user)).as("the 31 queued keys' transactions").isLessThanOrEqualTo(KeyInserts.MAX_WRITERS);
        assertThat(jdbc.queryForObject("select count(*) from idempotency_keys where user_id = ?", Long.class, user))
                .isEqualTo(31L + KeyInserts.MAX_WRITERS);
    }

    /**
     * Inserts that come in a burst wait for each other: the first of the burst to write gathers the others (here for long
     * enough that all twenty come meanwhile) and writes them in one or two statements, where without gathering they find
     * writers free and write nearly one statement each (ten for the twenty, tried).
     */
    @Test
    void insertsInABurstAreGatheredIntoFewStatements() throws Exception {
        KeyInserts inserts = new KeyInserts(jdbc, Duration.ofMillis(500));
        String user = UUID.randomUUID().toString();
        assertThat(inserts.insert(row(user, "before"))).isTrue();

        List<CompletableFuture<Boolean>> burst = new ArrayList<>();
        for (int i = 0; i < 20; i++) {
            burst.add(insertLater(inserts, row(user, "burst-" + i)));
        }
        for (CompletableFuture<Boolean> answer : burst) {
            assertThat(answer.get()).isTrue();
        }
        assertThat(jdbc.queryForObject("""
                select count(distinct xmin::text) from idempotency_keys where user_id = ? and idempotency_key like 'burst-%'""",
                Long.class, user)).as("the burst's transactions").isLessThanOrEqualTo(2);
        assertThat(jdbc.queryForObject("select count(*) from idempotency_keys where user_id = ?", Long.class, user)).isEqualTo(21);
    }

    @Test
    void aBatchThatFailsIsWrittenOneInsertAtATimeSoOnlyTheBadOneFails() throws Exception {
        KeyInserts inserts = new KeyInserts(jdbc, Duration.ZERO);
        String user = UUID.randomUUID().toString();
        try (Connection elsewhere = dataSource.getConnection()) {
            List<CompletableFuture<Boolean>> writers = holdUpTheWriters(inserts, elsewhere, user);
            CompletableFuture<Boolean> good = insertLater(inserts, row(user, "good"));
            CompletableFuture<Boolean> tooLong = insertLater(inserts, row(user, "x".repeat(300)));
            CompletableFuture<Boolean> alsoGood = insertLater(inserts, row(user, "also-good"));
            await().atMost(Duration.ofSeconds(30)).until(() -> inserts.inLine() == 3);
            elsewhere.rollback(); // the held keys were never taken: the first inserts take them

            for (CompletableFuture<Boolean> writer : writers) {
                assertThat(writer.get()).isTrue();
            }
            assertThat(good.get()).isTrue();
            assertThat(alsoGood.get()).isTrue();
            assertThatThrownBy(tooLong::join).hasRootCauseInstanceOf(org.postgresql.util.PSQLException.class)
                    .hasCauseInstanceOf(DataAccessException.class);
        }
        assertThat(jdbc.queryForList("select idempotency_key from idempotency_keys where user_id = ? and idempotency_key not like 'held-%' "
                + "order by 1", String.class, user)).containsExactly("also-good", "good");
    }

    /**
     * Inserts a key for each writer there may be on the other connection without committing, then has {@code inserts}
     * insert them too: each of those inserts waits for the other transaction to end, and keeps its writer's turn meanwhile.
     */
    private List<CompletableFuture<Boolean>> holdUpTheWriters(KeyInserts inserts, Connection elsewhere, String user) throws Exception {
        elsewhere.setAutoCommit(false);
        List<CompletableFuture<Boolean>> writers = new ArrayList<>();
        for (int i = 0; i < KeyInserts.MAX_WRITERS; i++) {
            try (PreparedStatement held = elsewhere.prepareStatement("""
                    insert into idempotency_keys (user_id, idempotency_key, request_hash, state, created_at)
                    values (?, ?, 'h', 'IN_FLIGHT', now())""")) {
                held.setString(1, user);
                held.setString(2, "held-" + i);
                held.executeUpdate();
            }
            writers.add(insertLater(inserts, row(user, "held-" + i)));
        }
        await().atMost(Duration.ofSeconds(30)).until(() -> jdbc.queryForObject("""
                select count(*) from pg_stat_activity where wait_event_type = 'Lock' and query like '%insert into idempotency_keys%'""",
                Long.class) >= KeyInserts.MAX_WRITERS);
        return writers;
    }

    private CompletableFuture<Boolean> insertLater(KeyInserts inserts, KeyInserts.Row row) {
        return CompletableFuture.supplyAsync(() -> inserts.insert(row), requests);
    }

    private static KeyInserts.Row row(String user, String key) {
        return new KeyInserts.Row(user, key, "hash", "IN_FLIGHT", Instant.now(), null, null, null);
    }
}
