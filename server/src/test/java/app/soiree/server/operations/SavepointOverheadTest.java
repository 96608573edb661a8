package app.soiree.server.operations;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import app.soiree.api.identity.Role;
import app.soiree.api.identity.UserId;
import app.soiree.api.identity.UserRegistered;
import app.soiree.server.support.IntegrationTest;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import javax.sql.DataSource;
import org.axonframework.common.transaction.TransactionManager;
import org.axonframework.eventhandling.EventBus;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.junit.jupiter.api.Test;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * What isolating each event costs: the savepoint round trips measured alone (what a batch run again after a failure
 * pays, {@code SavepointsAfterFailure}), and a projection's throughput on the normal path, which takes none. Prints the
 * numbers; asserts only a generous bound, as the build machines are shared.
 */
@IntegrationTest
class SavepointOverheadTest {

    private static final Logger log = LoggerFactory.getLogger(SavepointOverheadTest.class);
    private static final int ROWS = 2_000;

    @Autowired
    DataSource dataSource;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    EventBus eventBus;
    @Autowired
    TransactionManager transactionManager;

    @Test
    void aSavepointPerEventCostsLittleNextToTheWorkItGuards() throws Exception {
        long plain = insertions(false);
        long withSavepoints = insertions(true);
        plain = Math.min(plain, insertions(false));
        withSavepoints = Math.min(withSavepoints, insertions(true));
        log.warn("MEASURED {} inserts in one transaction: {} ms plain, {} ms with a SAVEPOINT before each ({} µs per event)",
                ROWS, plain / 1_000_000, withSavepoints / 1_000_000, (withSavepoints - plain) / 1_000 / ROWS);

        List<EventMessage<?>> registrations = new ArrayList<>();
        String marker = "overhead-" + UUID.randomUUID();
        for (int i = 0; i < ROWS; i++) {
            UUID userId = UUID.randomUUID();
            registrations.add(new GenericDomainEventMessage<>("User", userId.toString(), 0, new UserRegistered(new UserId(userId),
                    marker + "-" + i + "@example.test", "Overhead " + i, null, Set.of(Role.GUEST), Instant.now())));
        }
        long start = System.nanoTime();
        transactionManager.executeInTransaction(() -> eventBus.publish(registrations));
        await().atMost(Duration.ofMinutes(2)).pollInterval(Duration.ofMillis(50)).until(() -> jdbc.queryForObject(
                "select count(*) from user_profiles where email like ?", Integer.class, marker + "%") == ROWS);
        long projected = System.nanoTime() - start;
        log.warn("MEASURED user-profiles projected {} registrations in {} ms ({} events/s), without savepoints",
                ROWS, projected / 1_000_000, ROWS * 1_000_000_000L / projected);

        assertThat(withSavepoints).isLessThan(plain * 4 + 2_000_000_000L);
    }

    private long insertions(boolean savepoints) throws Exception {
        try (Connection connection = dataSource.getConnection()) {
            connection.setAutoCommit(false);
            try (Statement ddl = connection.createStatement()) {
                ddl.execute("create temporary table if not exists overhead_rows (id uuid primary key, name text) on commit delete rows");
            }
            long start = System.nanoTime();
            try (PreparedStatement insert = connection.prepareStatement("insert into overhead_rows (id, name) values (?, ?)")) {
                for (int i = 0; i < ROWS; i++) {
                    if (savepoints) {
                        connection.setSavepoint(); // as SavepointsAfterFailure: never released, the commit releases them all
                    }
                    insert.setObject(1, UUID.randomUUID());
                    insert.setString(2, "row " + i);
                    insert.executeUpdate();
                }
            }
            connection.commit();
            return System.nanoTime() - start;
        }
    }
}
