package app.soiree.command.promotion;

import app.soiree.api.gathering.GatheringCancelled;
import app.soiree.api.gathering.GatheringCreated;
import app.soiree.api.gathering.GatheringEdited;
import app.soiree.api.gathering.GatheringEnded;
import app.soiree.api.gathering.GatheringId;
import app.soiree.api.gathering.GatheringPublished;
import app.soiree.api.gathering.GatheringStatus;
import java.sql.Timestamp;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.SequenceNumber;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Keeps {@code promotion_gatherings} from the gathering events. A tracking processor (not one in the gathering's
 * transaction) so that, new in a running platform, it learns every gathering from the first event; the price is that
 * a gathering published a moment ago may be unknown here for that moment. Each row remembers the last event applied,
 * so a redelivered event changes nothing.
 */
@Component
@ProcessingGroup(PromotableGatheringsUpdater.PROCESSING_GROUP)
class PromotableGatheringsUpdater {

    static final String PROCESSING_GROUP = "promotion-gatherings";

    private final JdbcTemplate jdbc;

    PromotableGatheringsUpdater(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    @EventHandler
    void on(GatheringCreated event, @SequenceNumber long sequence) {
        jdbc.update("""
                insert into promotion_gatherings (gathering_id, host_id, status, starts_at, last_sequence) values (?, ?, ?, ?, ?)
                on conflict (gathering_id) do nothing""",
                event.gatheringId().value(), event.hostId().value(), GatheringStatus.DRAFT.name(),
                Timestamp.from(event.details().startsAt()), sequence);
    }

    @EventHandler
    void on(GatheringEdited event, @SequenceNumber long sequence) {
        jdbc.update("update promotion_gatherings set starts_at = ?, last_sequence = ? where gathering_id = ? and last_sequence < ?",
                Timestamp.from(event.details().startsAt()), sequence, event.gatheringId().value(), sequence);
    }

    @EventHandler
    void on(GatheringPublished event, @SequenceNumber long sequence) {
        move(event.gatheringId(), GatheringStatus.PUBLISHED, sequence);
    }

    @EventHandler
    void on(GatheringCancelled event, @SequenceNumber long sequence) {
        move(event.gatheringId(), GatheringStatus.CANCELLED, sequence);
    }

    @EventHandler
    void on(GatheringEnded event, @SequenceNumber long sequence) {
        move(event.gatheringId(), GatheringStatus.ENDED, sequence);
    }

    private void move(GatheringId gatheringId, GatheringStatus status, long sequence) {
        jdbc.update("update promotion_gatherings set status = ?, last_sequence = ? where gathering_id = ? and last_sequence < ?",
                status.name(), sequence, gatheringId.value(), sequence);
    }
}
