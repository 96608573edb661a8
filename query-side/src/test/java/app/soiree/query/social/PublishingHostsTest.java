package app.soiree.query.social;

import static org.assertj.core.api.Assertions.assertThat;

import app.soiree.query.ProjectionTest;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;

class PublishingHostsTest extends ProjectionTest {

    static final Instant NOW = Instant.parse("2026-12-03T12:00:00Z");

    @Autowired
    NamedParameterJdbcTemplate named;

    Instant now = NOW;

    @Test
    void countsHostsWithAnUpcomingPublishedGatheringOnceAndAgainOnlyAfterFiveMinutes() {
        PublishingHosts hosts = new PublishingHosts(named, new Clock() {
            @Override
            public ZoneId getZone() {
                return ZoneOffset.UTC;
            }

            @Override
            public Clock withZone(ZoneId zone) {
                throw new UnsupportedOperationException();
            }

            @Override
            public Instant instant() {
                return now;
            }
        });
        UUID host = UUID.randomUUID();
        gathering(host, NOW.plus(Duration.ofDays(3)), NOW.minus(Duration.ofDays(1)));
        gathering(host, NOW.plus(Duration.ofDays(4)), NOW.minus(Duration.ofDays(1)));
        gathering(UUID.randomUUID(), NOW.plus(Duration.ofDays(3)), null);
        gathering(UUID.randomUUID(), NOW.minus(Duration.ofHours(1)), NOW.minus(Duration.ofDays(1)));

        assertThat(hosts.count()).as("one host with two upcoming gatherings; a draft and a started one do not count").isEqualTo(1);

        gathering(UUID.randomUUID(), NOW.plus(Duration.ofDays(3)), NOW);
        now = NOW.plus(PublishingHosts.RECOUNT_AFTER);
        assertThat(hosts.count()).as("the count is kept").isEqualTo(1);
        now = NOW.plus(PublishingHosts.RECOUNT_AFTER).plusSeconds(1);
        assertThat(hosts.count()).as("and counted again after five minutes").isEqualTo(2);
    }

    private void gathering(UUID host, Instant startsAt, @Nullable Instant publishedAt) {
        jdbc.sql("insert into feed_gatherings (gathering_id, host_id, starts_at, published_at) values (?, ?, ?, ?)")
                .params(UUID.randomUUID(), host, Timestamp.from(startsAt), publishedAt == null ? null : Timestamp.from(publishedAt)).update();
    }
}
