package app.soiree.server.persistence;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import app.soiree.server.jvm.ServerResting;
import app.soiree.server.support.IntegrationTest;
import com.zaxxer.hikari.HikariDataSource;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * A rest renews the pool's connections: the database backends that served the load end (and give their memory back),
 * one in use is left to its user until returned, and the pool is at its size again with fresh ones.
 */
@IntegrationTest
class ConnectionsRenewedAtRestTest {

    @Autowired
    DataSource dataSource;
    @Autowired
    ApplicationEventPublisher events;
    @Autowired
    JdbcTemplate jdbc;

    @Test
    void aRestEndsTheBackendsOfPooledConnectionsAndThePoolOpensFreshOnes() throws SQLException {
        HikariDataSource pool = (HikariDataSource) dataSource;
        try (Connection inUse = pool.getConnection()) {
            int inUseBackend = backendOf(inUse);
            int idleBackend;
            try (Connection idle = pool.getConnection()) { // another connection, as the first is still in use
                idleBackend = backendOf(idle);
            }

            events.publishEvent(new ServerResting());

            await().atMost(Duration.ofSeconds(20)).untilAsserted(() ->
                    assertThat(alive(idleBackend)).as("the idle connection's backend ended").isFalse());
            assertThat(backendOf(inUse)).as("a connection in use stays its user's until returned").isEqualTo(inUseBackend);
            inUse.close();
            await().atMost(Duration.ofSeconds(20)).untilAsserted(() ->
                    assertThat(alive(inUseBackend)).as("and ends once it is returned").isFalse());
        }
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> assertThat(pool.getHikariPoolMXBean().getTotalConnections())
                .as("fresh connections, the pool at its size").isEqualTo(pool.getMaximumPoolSize()));
        assertThat(jdbc.queryForObject("select 1", Integer.class)).isEqualTo(1);
    }

    private boolean alive(int backend) {
        return jdbc.queryForObject("select count(*) from pg_stat_activity where pid = ?", Integer.class, backend) > 0;
    }

    private static int backendOf(Connection connection) throws SQLException {
        try (Statement statement = connection.createStatement(); ResultSet pid = statement.executeQuery("select pg_backend_pid()")) {
            pid.next();
            return pid.getInt(1);
        }
    }
}
