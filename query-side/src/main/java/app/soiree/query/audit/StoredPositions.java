package app.soiree.query.audit;

import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.GapAwareTrackingToken;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.eventhandling.WrappedToken;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * An event's position in the store, which the chain and the timelines file it under. Axon Server's tokens name the
 * event's own position; the JDBC store's gap-aware token names the highest position passed so far, which for an event
 * that fills a gap (committed after events with higher positions: the embedded store hands out positions before
 * commit) is a later event's. Filed under that one, the event would collide with the later event and be left out, so
 * its position is looked up in the store's table.
 */
@Component
class StoredPositions {

    private final JdbcTemplate jdbc;

    StoredPositions(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    long of(EventMessage<?> message, TrackingToken token) {
        if (WrappedToken.unwrapLowerBound(token) instanceof GapAwareTrackingToken) {
            Long position = jdbc.query("select global_index from domain_event_entry where event_identifier = ?",
                    rows -> rows.next() ? rows.getLong(1) : null, message.getIdentifier());
            if (position == null) {
                throw new IllegalStateException("Event " + message.getIdentifier() + " was delivered but is not in domain_event_entry");
            }
            return position;
        }
        return token.position().orElseThrow(() -> new IllegalStateException(
                "Event " + message.getIdentifier() + " has no position in the stream; token " + token + " has none"));
    }
}
