package app.soiree.server.persistence;

import static org.assertj.core.api.Assertions.assertThat;

import app.soiree.server.support.IntegrationTest;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The pool's connections send a JDBC batch of inserts as one multi-row statement ({@code reWriteBatchedInserts}): a unit
 * of work's events and an event's timeline entries cost PostgreSQL one statement, not one each. A statement-level
 * trigger counts what arrives.
 */
@IntegrationTest
class BatchedInsertsTest {

    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    TransactionTemplate transactions;

    @Test
    void aBatchOfInsertsArrivesAsOneStatement() {
        transactions.executeWithoutResult(status -> {
            jdbc.execute("create temp table batched_rows (n int) on commit drop");
            jdbc.execute("create temp table statements_seen (at timestamptz) on commit drop");
            jdbc.execute("""
                    create function pg_temp.statement_seen() returns trigger language plpgsql as
                    $$ begin insert into statements_seen values (clock_timestamp()); return null; end $$""");
            jdbc.execute("create trigger counted after insert on batched_rows for each statement execute function pg_temp.statement_seen()");

            // The driver sends a batch in chunks of powers of two (at most 128 rows): eight rows are one chunk.
            List<Object[]> rows = IntStream.rangeClosed(1, 8).mapToObj(n -> new Object[] {n}).toList();
            jdbc.batchUpdate("insert into batched_rows (n) values (?)", rows);

            assertThat(jdbc.queryForObject("select count(*) from batched_rows", Integer.class)).isEqualTo(8);
            assertThat(jdbc.queryForObject("select count(*) from statements_seen", Integer.class))
                    .as("statements PostgreSQL ran for the batch of eight").isEqualTo(1);
            status.setRollbackOnly();
        });
    }
}
