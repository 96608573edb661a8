package app.soiree.query.social;

import app.soiree.api.gathering.GatheringCancelled;
import app.soiree.api.gathering.GatheringCreated;
import app.soiree.api.gathering.GatheringEdited;
import app.soiree.api.gathering.GatheringEnded;
import app.soiree.api.gathering.GatheringId;
import app.soiree.api.gathering.GatheringPublished;
import java.sql.Timestamp;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Keeps {@code feed_gatherings}: each gathering's host and start from its creation, its publish time once published,
 * gone once it ended or was cancelled. Every statement is safe to apply twice. Only the feed's choice is made from
 * this table; what a feed item shows is read from the gatherings read model.
 */
@Component
@ProcessingGroup(SocialProjection.PROCESSING_GROUP)
class FeedProjection {

    private final NamedParameterJdbcTemplate jdbc;

    FeedProjection(NamedParameterJdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    @EventHandler
    void on(GatheringCreated event) {
        jdbc.update("""
                        insert into feed_gatherings (gathering_id, host_id, starts_at) values (:id, :host, :startsAt)
                        on conflict (gathering_id) do nothing""",
                id(event.gatheringId()).addValue("host", event.hostId().value())
                        .addValue("startsAt", Timestamp.from(event.details().startsAt())));
    }

    /** A published gathering's start may still move (a limited edit). */
    @EventHandler
    void on(GatheringEdited event) {
        jdbc.update("update feed_gatherings set starts_at = :startsAt where gathering_id = :id",
                id(event.gatheringId()).addValue("startsAt", Timestamp.from(event.details().startsAt())));
    }

    @EventHandler
    void on(GatheringPublished event) {
        jdbc.update("update feed_gatherings set published_at = :at where gathering_id = :id",
                id(event.gatheringId()).addValue("at", Timestamp.from(event.publishedAt())));
    }

    @EventHandler
    void on(GatheringCancelled event) {
        jdbc.update("delete from feed_gatherings where gathering_id = :id", id(event.gatheringId()));
    }

    @EventHandler
    void on(GatheringEnded event) {
        jdbc.update("delete from feed_gatherings where gathering_id = :id", id(event.gatheringId()));
    }

    private static MapSqlParameterSource id(GatheringId gatheringId) {
        return new MapSqlParameterSource("id", gatheringId.value());
    }
}
