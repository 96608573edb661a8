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
 * Keys written together, against the test PostgreSQL. The first insert is made to wait on a row lock the test holds (an
 * uncommitted insert of the same key), so that the others queue behind it and are written as one statement once it ends:
 * rows written by one statement share its transaction id ({@code xmin}).
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
        KeyInserts inserts = new KeyInserts(jdbc);
        String user = UUID.randomUUID().toString();

        assertThat(inserts.insert(row(user, "key-1"))).isTrue();
        assertThat(inserts.insert(row(user, "key-1"))).isFalse();
        assertThat(inserts.insert(row(UUID.randomUUID().toString(), "key-1"))).as("keys are the user's own").isTrue();
        assertThat(jdbc.queryForObject("select state from idempotency_keys where user_id = ? and idempotency_key = 'key-1'",
                String.class, user)).isEqualTo("IN_FLIGHT");
    }

    @Test
    void insertsThatMeetAreWrittenAsOneStatementEachAnsweredWhetherItsKeyWasNew() throws Exception {
        KeyInserts inserts = new KeyInserts(jdbc);
        String user = UUID.randomUUID().toString();
        try (Connection elsewhere = dataSource.getConnection()) {
            CompletableFuture<Boolean> first = holdUpTheLineWith(inserts, elsewhere, user, "held");
            List<CompletableFuture<Boolean>> queued = new ArrayList<>();
            for (int i = 0; i < 30; i++) {
                queued.add(insertLater(inserts, row(user, "queued-" + i)));
            }
            CompletableFuture<Boolean> twice = insertLater(inserts, row(user, "twice"));
            CompletableFuture<Boolean> twiceAgain = insertLater(inserts, row(user, "twice"));
            await().atMost(Duration.ofSeconds(30)).until(() -> inserts.inLine() == 32);
            elsewhere.commit(); // the held key is taken now: the first insert finds it there

            assertThat(first.get()).isFalse();
            for (CompletableFuture<Boolean> answer : queued) {
                assertThat(answer.get()).isTrue();
            }
            assertThat(List.of(twice.get(), twiceAgain.get())).as("one of the two asking for one key gets it").containsExactlyInAnyOrder(true, false);
        }
        assertThat(jdbc.queryForObject("""
                select count(distinct xmin::text) from idempotency_keys where user_id = ? and idempotency_key <> 'held'""",
                Long.class, user)).as("the queued keys' transactions").isEqualTo(1L);
        assertThat(jdbc.queryForObject("select count(*) from idempotency_keys where user_id = ?", Long.class, user)).isEqualTo(32L);
    }

    @Test
    void aBatchThatFailsIsWrittenOneInsertAtATimeSoOnlyTheBadOneFails() throws Exception {
        KeyInserts inserts = new KeyInserts(jdbc);
        String user = UUID.randomUUID().toString();
        try (Connection elsewhere = dataSource.getConnection()) {
            CompletableFuture<Boolean> first = holdUpTheLineWith(inserts, elsewhere, user, "held");
            CompletableFuture<Boolean> good = insertLater(inserts, row(user, "good"));
            CompletableFuture<Boolean> tooLong = insertLater(inserts, row(user, "x".repeat(300)));
            CompletableFuture<Boolean> alsoGood = insertLater(inserts, row(user, "also-good"));
            await().atMost(Duration.ofSeconds(30)).until(() -> inserts.inLine() == 3);
            elsewhere.rollback(); // the held key was never taken: the first insert takes it

            assertThat(first.get()).isTrue();
            assertThat(good.get()).isTrue();
            assertThat(alsoGood.get()).isTrue();
            assertThatThrownBy(tooLong::join).hasRootCauseInstanceOf(org.postgresql.util.PSQLException.class)
                    .hasCauseInstanceOf(DataAccessException.class);
        }
        assertThat(jdbc.queryForList("select idempotency_key from idempotency_keys where user_id = ? order by 1", String.class, user))
                .containsExactly("also-good", "good", "held");
    }

    /**
     * Inserts {@code key} on the other connection without committing, then has {@code inserts} insert it too: that insert
     * waits for the other transaction to end, and holds the turn while it waits.
     */
    private CompletableFuture<Boolean> holdUpTheLineWith(KeyInserts inserts, Connection elsewhere, String user, String key) throws Exception {
        elsewhere.setAutoCommit(false);
        try (PreparedStatement held = elsewhere.prepareStatement("""
                insert into idempotency_keys (user_id, idempotency_key, request_hash, state, created_at) values (?, ?, 'h', 'IN_FLIGHT', now())""")) {
            held.setString(1, user);
            held.setString(2, key);
            held.executeUpdate();
        }
        CompletableFuture<Boolean> first = insertLater(inserts, row(user, key));
        await().atMost(Duration.ofSeconds(30)).until(() -> Boolean.TRUE.equals(jdbc.queryForObject("""
                select exists (select 1 from pg_stat_activity where wait_event_type = 'Lock' and query like '%insert into idempotency_keys%')""",
                Boolean.class)));
        return first;
    }

    private CompletableFuture<Boolean> insertLater(KeyInserts inserts, KeyInserts.Row row) {
        return CompletableFuture.supplyAsync(() -> inserts.insert(row), requests);
    }

    private static KeyInserts.Row row(String user, String key) {
        return new KeyInserts.Row(user, key, "hash", "IN_FLIGHT", Instant.now(), null, null, null);
    }
}
