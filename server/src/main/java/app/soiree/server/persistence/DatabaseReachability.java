package app.soiree.server.persistence;

import com.zaxxer.hikari.HikariDataSource;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.time.Duration;
import java.util.Properties;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import javax.sql.DataSource;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.stereotype.Component;

/**
 * Whether PostgreSQL can be reached right now, known without waiting for the connection pool. The pool
 * waits up to its connection timeout for a connection, which must be long enough for a booking rush
 * to queue for the pool; an unreachable database must instead be answered at once. So a connection of
 * its own, outside the pool, is checked every {@link #CHECK_EVERY}; while it fails, readiness is DOWN
 * and the API answers 503 DATABASE_UNAVAILABLE without touching the pool, and both recover by themselves
 * at the first check that succeeds.
 */
@Component("databaseReachability")
public class DatabaseReachability implements HealthIndicator, DisposableBean {

    private static final Logger log = LoggerFactory.getLogger(DatabaseReachability.class);
    static final Duration CHECK_EVERY = Duration.ofSeconds(1);
    private static final int TIMEOUT_SECONDS = 2;

    private final @Nullable HikariDataSource pool;
    private final ScheduledExecutorService checks = Executors.newSingleThreadScheduledExecutor(
            runnable -> Thread.ofPlatform().name("database-reachability").daemon().unstarted(runnable));
    private @Nullable Connection own;
    private volatile boolean reachable = true;
    private volatile @Nullable String lastError;

    DatabaseReachability(DataSource dataSource) {
        this.pool = dataSource instanceof HikariDataSource hikari ? hikari : null;
        if (pool != null) {
            checks.scheduleWithFixedDelay(this::check, CHECK_EVERY.toMillis(), CHECK_EVERY.toMillis(), TimeUnit.MILLISECONDS);
        }
    }

    /** False while the last check could not reach PostgreSQL. */
    public boolean isReachable() {
        return reachable;
    }

    @Override
    public Health health() {
        return reachable ? Health.up().build() : Health.down().withDetail("error", String.valueOf(lastError)).build();
    }

    private synchronized void check() {
        try {
            if (own == null || !own.isValid(TIMEOUT_SECONDS)) {
                closeOwn();
                own = connect();
            }
            if (!reachable) {
                log.info("PostgreSQL can be reached again");
            }
            reachable = true;
            lastError = null;
        } catch (SQLException | RuntimeException e) {
            closeOwn();
            if (reachable) {
                log.error("PostgreSQL cannot be reached; answering 503 until it can: {}", e.toString());
            }
            lastError = e.toString();
            reachable = false;
        }
    }

    private Connection connect() throws SQLException {
        Properties credentials = new Properties();
        if (pool.getUsername() != null) {
            credentials.setProperty("user", pool.getUsername());
        }
        if (pool.getPassword() != null) {
            credentials.setProperty("password", pool.getPassword());
        }
        credentials.setProperty("connectTimeout", Integer.toString(TIMEOUT_SECONDS));
        credentials.setProperty("socketTimeout", Integer.toString(TIMEOUT_SECONDS * 2));
        credentials.setProperty("ApplicationName", "soiree-reachability");
        return DriverManager.getConnection(pool.getJdbcUrl(), credentials);
    }

    private void closeOwn() {
        if (own != null) {
            try {
                own.close();
            } catch (SQLException ignored) {
                // it is gone either way
            }
            own = null;
        }
    }

    @Override
    public void destroy() {
        checks.shutdownNow();
        synchronized (this) {
            closeOwn();
        }
    }
}
