package app.soiree.command.notification;

import app.soiree.api.gathering.BookingId;
import app.soiree.api.gathering.GatheringId;
import app.soiree.api.gathering.SeatsHeld;
import app.soiree.api.identity.UserId;
import app.soiree.api.notification.NotificationKind;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Warns a guest {@code soiree.notifications.hold-warning-before} before their unpaid hold expires. The warning is not
 * planned with the hold: nearly every hold is paid within a minute, and a notification planned ahead and withdrawn
 * again costs eight events and two commands for nothing (a third of a booking's events in a rush). Each hold's warning
 * waits on its booking's row instead ({@code notification_bookings.warn_at}, which {@link BookingNotices} sets when the
 * seats are held, from {@link #warnAt}, and clears when the hold is paid, cancelled or expires); a poll plans the
 * warnings that fell due, each in one transaction with the mark cleared, so a warning is planned once even when the
 * process dies half-way or two replicas poll at once.
 */
@Component
class HoldWarnings {

    private static final Logger log = LoggerFactory.getLogger(HoldWarnings.class);

    private final JdbcTemplate jdbc;
    private final Gatherings gatherings;
    private final NotificationPlanner planner;
    private final NotificationsProperties properties;
    private final TransactionTemplate transactions;
    private final Clock clock;

    HoldWarnings(JdbcTemplate jdbc, Gatherings gatherings, NotificationPlanner planner, NotificationsProperties properties,
                 TransactionTemplate transactions, Clock clock) {
        this.jdbc = jdbc;
        this.gatherings = gatherings;
        this.planner = planner;
        this.properties = properties;
        this.transactions = transactions;
        this.clock = clock;
    }

    /** When the guest of these held seats is to be warned; none for free seats (confirmed at once) or a hold this short. */
    @Nullable Instant warnAt(SeatsHeld event) {
        Instant expiresAt = event.holdExpiresAt();
        if (expiresAt == null) {
            return null;
        }
        Instant warnAt = expiresAt.minus(properties.holdWarningBefore());
        return warnAt.isAfter(event.heldAt()) ? warnAt : null;
    }

    /**
     * Plans the warnings that fell due, earliest first. One that fails is put back a minute and the others go on; it is
     * tried again until its hold's expiry makes it stale and the planner drops it.
     */
    @Scheduled(fixedDelayString = "${soiree.notifications.hold-warning-poll:PT15S}")
    void planDueWarnings() {
        DueRounds.run(transactions, clock, log, "Planning a hold's expiry warning", DueRounds.poll(this::nextDue, this::plan,
                (warning, retryAt) -> jdbc.update("update notification_bookings set warn_at = ? where booking_id = ?",
                        Timestamp.from(retryAt), warning.bookingId().value())));
    }

    private @Nullable DueWarning nextDue() {
        List<DueWarning> due = jdbc.query("""
                select booking_id, gathering_id, guest_id, held_at, warn_at, expires_at from notification_bookings
                where warn_at <= ? order by warn_at limit 1 for update skip locked
                """, (rs, row) -> new DueWarning(new BookingId(rs.getObject(1, UUID.class)),
                new GatheringId(rs.getObject(2, UUID.class)), new UserId(rs.getObject(3, UUID.class)),
                rs.getTimestamp(4).toInstant(), rs.getTimestamp(5).toInstant(), rs.getTimestamp(6).toInstant()),
                Timestamp.from(clock.instant()));
        return due.isEmpty() ? null : due.getFirst();
    }

    /** Plans the warning (or lets the planner drop it as too late) and clears its mark. */
    private void plan(DueWarning warning) {
        gatherings.find(warning.gatheringId()).ifPresent(gathering -> {
            Map<String, String> data = gathering.data();
            data.put("expiresAt", warning.expiresAt().toString());
            data.put("bookingId", warning.bookingId().toString());
            // the planner drops it if the hold has expired meanwhile (stale at the expiry)
            planner.plan(new NotificationDraft("hold:" + warning.bookingId(), warning.guestId(), NotificationKind.HOLD_EXPIRING, data,
                    "/bookings/" + warning.bookingId(), warning.heldAt(), warning.warnAt(), warning.expiresAt(), null));
        });
        jdbc.update("update notification_bookings set warn_at = null where booking_id = ?", warning.bookingId().value());
    }

    private record DueWarning(BookingId bookingId, GatheringId gatheringId, UserId guestId, Instant heldAt, Instant warnAt, Instant expiresAt) {
    }
}
