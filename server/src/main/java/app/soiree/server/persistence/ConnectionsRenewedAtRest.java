package app.soiree.server.persistence;

import app.soiree.server.jvm.ServerResting;
import com.zaxxer.hikari.HikariDataSource;
import com.zaxxer.hikari.HikariPoolMXBean;
import javax.sql.DataSource;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Renews the pool's connections when the server rests after a load, so that PostgreSQL hands back what the load made its
 * backends grow. A backend keeps its catalog and relation caches and the plans of its prepared statements for as long as
 * its connection lives (6–9 MiB each after the benchmark's load against about 1 MiB fresh, twenty of them: more than a
 * tenth of the server's memory target), and the pool keeps a connection for half an hour ({@code maxLifetime}). Evicted,
 * an idle connection is closed at once and one in use when it is returned; the pool opens fresh ones straight away, as it
 * keeps its size, so the next burst finds them ready and pays only for preparing its statements again.
 */
@Component
@ConditionalOnBooleanProperty(name = "soiree.persistence.renew-connections-at-rest", matchIfMissing = true)
class ConnectionsRenewedAtRest {

    private static final Logger log = LoggerFactory.getLogger(ConnectionsRenewedAtRest.class);

    private final @Nullable HikariDataSource pool;

    ConnectionsRenewedAtRest(DataSource dataSource) {
        this.pool = dataSource instanceof HikariDataSource hikari ? hikari : null;
    }

    @EventListener
    void renew(ServerResting resting) {
        HikariPoolMXBean running = pool == null ? null : pool.getHikariPoolMXBean();
        if (running == null) {
            return; // not a Hikari pool, or not started yet: nothing has grown
        }
        int connections = running.getTotalConnections();
        running.softEvictConnections();
        log.debug("Resting: the pool's {} connections renewed, so that their database backends give back what the load grew", connections);
    }
}
