package app.soiree.command.notification;

import app.soiree.api.gathering.GatheringCancelled;
import app.soiree.api.gathering.GatheringCreated;
import app.soiree.api.gathering.GatheringDetails;
import app.soiree.api.gathering.GatheringEdited;
import app.soiree.api.gathering.GatheringEnded;
import app.soiree.api.gathering.GatheringId;
import app.soiree.api.gathering.GatheringPublished;
import app.soiree.api.identity.UserId;
import app.soiree.api.notification.NotificationKind;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Map;
import java.util.Objects;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * What happens to a gathering that its guests must hear of: it was cancelled, or its time or place changed. Keeps the
 * planner's copy of each gathering, and compares an edit with that copy before taking it in.
 */
@Component
@ProcessingGroup(NotificationPlanner.PROCESSING_GROUP)
class GatheringNotices {

    private final JdbcTemplate jdbc;
    private final Gatherings gatherings;
    private final NotificationPlanner planner;

    GatheringNotices(JdbcTemplate jdbc, Gatherings gatherings, NotificationPlanner planner) {
        this.jdbc = jdbc;
        this.gatherings = gatherings;
        this.planner = planner;
    }

    @EventHandler
    void on(GatheringCreated event) {
        GatheringDetails details = event.details();
        jdbc.update("""
                insert into notification_gatherings (gathering_id, host_id, title, starts_at, ends_at, timezone, venue, status)
                values (?, ?, ?, ?, ?, ?, ?, 'DRAFT') on conflict do nothing
                """, event.gatheringId().value(), event.hostId().value(), StorableText.of(details.title()), Timestamp.from(details.startsAt()),
                Timestamp.from(details.endsAt()), details.timezone(), StorableText.of(venue(details)));
    }

    @EventHandler
    void on(GatheringEdited event) {
        GatheringDetails details = event.details();
        gatherings.find(event.gatheringId()).ifPresent(before -> {
            boolean moved = !before.startsAt().equals(details.startsAt()) || !Objects.equals(before.venue(), venue(details));
            jdbc.update("update notification_gatherings set title = ?, starts_at = ?, ends_at = ?, timezone = ?, venue = ? where gathering_id = ?",
                    StorableText.of(details.title()), Timestamp.from(details.startsAt()), Timestamp.from(details.endsAt()), details.timezone(),
                    StorableText.of(venue(details)), event.gatheringId().value());
            if (moved && "PUBLISHED".equals(before.status())) {
                Gatherings.Gathering after = new Gatherings.Gathering(before.gatheringId(), before.hostId(), details.title(),
                        details.startsAt(), details.timezone(), venue(details), before.status());
                tellGuests(after, NotificationKind.GATHERING_CHANGED, "gathering-changed:" + event.gatheringId() + ":" + event.editedAt(),
                        Map.of(), event.editedAt());
            }
        });
    }

    @EventHandler
    void on(GatheringPublished event) {
        status(event.gatheringId(), "PUBLISHED");
    }

    @EventHandler
    void on(GatheringCancelled event) {
        gatherings.find(event.gatheringId()).ifPresent(gathering -> tellGuests(gathering, NotificationKind.GATHERING_CANCELLED,
                "gathering-cancelled:" + event.gatheringId(), Map.of("reason", event.reason()), event.cancelledAt()));
        status(event.gatheringId(), "CANCELLED");
    }

    @EventHandler
    void on(GatheringEnded event) {
        status(event.gatheringId(), "ENDED");
    }

    private void tellGuests(Gatherings.Gathering gathering, NotificationKind kind, String trigger, Map<String, String> extra,
                            Instant at) {
        Map<String, String> data = gathering.data();
        data.putAll(extra);
        for (UserId guest : gatherings.confirmedGuests(gathering.gatheringId())) {
            planner.plan(NotificationDraft.now(trigger, guest, kind, data, gathering.link(), at));
        }
    }

    private void status(GatheringId gatheringId, String status) {
        jdbc.update("update notification_gatherings set status = ? where gathering_id = ?", status, gatheringId.value());
    }

    static @Nullable String venue(GatheringDetails details) {
        if (details.online() || details.venue() == null) {
            return details.online() ? "online" : null;
        }
        return details.venue().name() + ", " + details.venue().address();
    }
}
