package app.soiree.query.social;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.locks.ReentrantLock;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * How many hosts have an upcoming published gathering: with the page's size, what tells the feed which way of finding a
 * reader's page costs less ({@link Feed.Way#cheapest}). Only an estimate is needed (either way gives the same page), so it
 * is counted again at most every {@link #RECOUNT_AFTER}, by the first feed read after that; reads meanwhile use the
 * last count and never wait for the next.
 */
@Component
class PublishingHosts {

    static final Duration RECOUNT_AFTER = Duration.ofMinutes(5);

    private final NamedParameterJdbcTemplate jdbc;
    private final Clock clock;
    private final ReentrantLock counting = new ReentrantLock();
    private volatile @Nullable Counted last;

    PublishingHosts(NamedParameterJdbcTemplate jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    long count() {
        Counted seen = last;
        Instant now = clock.instant();
        if ((seen == null || seen.at().plus(RECOUNT_AFTER).isBefore(now)) && counting.tryLock()) {
            try {
                Long hosts = jdbc.queryForObject("""
                                select count(distinct host_id) from feed_gatherings where published_at is not null and starts_at > :now""",
                        Map.of("now", Timestamp.from(now)), Long.class);
                seen = new Counted(hosts == null ? 0 : hosts, now);
                last = seen;
            } finally {
                counting.unlock();
            }
        }
        return seen == null ? 0 : seen.hosts();
    }

    private record Counted(long hosts, Instant at) {
    }
}
