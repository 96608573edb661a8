package app.soiree.command.notification;

import app.soiree.api.gathering.BookingCancelled;
import app.soiree.api.gathering.GatheringId;
import app.soiree.api.gathering.SeatsConfirmed;
import app.soiree.api.identity.UserId;
import app.soiree.api.notification.NotificationContent;
import app.soiree.api.notification.NotificationKind;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Tells hosts of their new bookings without flooding them. A gathering's first booking is told at once and opens a
 * window ({@code soiree.notifications.new-bookings-window}, 5 minutes); the bookings confirmed while it is open are told
 * together when it ends ("12 new bookings for …"), and a new window opens as long as they keep coming. A gathering
 * going on sale is then a notification to its host every few minutes, not one per booking (each of them an email
 * too, and six events in the stream). A booking told alone keeps the trigger it always had, so its notification is
 * the same one whichever way it is told. A booking cancelled before it was told is left out.
 */
@Component
@ProcessingGroup(NotificationPlanner.PROCESSING_GROUP)
class NewBookingNews {

    static final String VARIANT_SEVERAL = "several";
    private static final Logger log = LoggerFactory.getLogger(NewBookingNews.class);

    private final JdbcTemplate jdbc;
    private final Gatherings gatherings;
    private final Recipients recipients;
    private final NotificationPlanner planner;
    private final NotificationsProperties properties;
    private final TransactionTemplate transactions;
    private final Clock clock;

    NewBookingNews(JdbcTemplate jdbc, Gatherings gatherings, Recipients recipients, NotificationPlanner planner,
                   NotificationsProperties properties, TransactionTemplate transactions, Clock clock) {
        this.jdbc = jdbc;
        this.gatherings = gatherings;
        this.recipients = recipients;
        this.planner = planner;
        this.properties = properties;
        this.transactions = transactions;
        this.clock = clock;
    }

    @EventHandler
    void on(SeatsConfirmed event) {
        int added = jdbc.update("""
                insert into notification_new_bookings (booking_id, gathering_id, guest_id, seats, confirmed_at) values (?, ?, ?, ?, ?)
                on conflict do nothing
                """, event.bookingId().value(), event.gatheringId().value(), event.guestId().value(), event.quantity(),
                Timestamp.from(event.confirmedAt()));
        if (added == 0) {
            return; // seen before, in this window
        }
        // The window is opened from the gathering's row (its host), so that a booking in an open window, nearly all of a
        // rush's, costs these two statements and reads nothing else.
        int opened = jdbc.update("""
                insert into notification_new_booking_windows (gathering_id, host_id, ends_at)
                select gathering_id, host_id, ? from notification_gatherings where gathering_id = ?
                on conflict do nothing
                """, Timestamp.from(event.confirmedAt().plus(properties.newBookingsWindow())), event.gatheringId().value());
        if (opened == 0) {
            return; // a window is open: this booking is told with the others when it ends (or the gathering is unknown)
        }
        jdbc.update("update notification_new_bookings set told = true where booking_id = ?", event.bookingId().value());
        gatherings.find(event.gatheringId()).ifPresent(gathering ->
                tellOne(new Confirmed(event.bookingId().value(), event.guestId().value(), event.quantity()), gathering, event.confirmedAt()));
    }

    /**
     * A booking cancelled before its window was told is not news any more: the host would be told of seats that are free
     * again. One told already stays told (its cancellation is news of its own). Free seats cancelled while the gathering
     * is cancelled go the same way, so a cancelled gathering's window closes with nothing to tell.
     */
    @EventHandler
    void on(BookingCancelled event) {
        jdbc.update("delete from notification_new_bookings where booking_id = ? and not told", event.bookingId().value());
    }

    /**
     * Tells what each window that ended gathered, and opens the next one when there was something to tell; a window with
     * nothing untold closes. One whose telling fails is put back a minute, and the others are told meanwhile.
     */
    @Scheduled(fixedDelayString = "${soiree.notifications.new-bookings-poll:PT15S}")
    void tellEndedWindows() {
        DueRounds.run(transactions, clock, log, "Telling a host of new bookings", DueRounds.poll(this::nextEnded, this::tell,
                (window, retryAt) -> jdbc.update("update notification_new_booking_windows set ends_at = ? where gathering_id = ?",
                        Timestamp.from(retryAt), window.gatheringId())));
    }

    private @Nullable EndedWindow nextEnded() {
        List<EndedWindow> ended = jdbc.query("""
                select gathering_id, ends_at from notification_new_booking_windows where ends_at <= ?
                order by ends_at limit 1 for update skip locked
                """, (rs, row) -> new EndedWindow(rs.getObject(1, UUID.class), rs.getTimestamp(2).toInstant()), Timestamp.from(clock.instant()));
        return ended.isEmpty() ? null : ended.getFirst();
    }

    private void tell(EndedWindow window) {
        UUID gatheringId = window.gatheringId();
        List<Confirmed> untold = jdbc.query("""
                select booking_id, guest_id, seats from notification_new_bookings where gathering_id = ? and not told order by confirmed_at
                """, (rs, row) -> new Confirmed(rs.getObject(1, UUID.class), rs.getObject(2, UUID.class), rs.getInt(3)), gatheringId);
        var gathering = gatherings.find(new GatheringId(gatheringId));
        if (untold.isEmpty() || gathering.isEmpty()) {
            jdbc.update("delete from notification_new_bookings where gathering_id = ?", gatheringId);
            jdbc.update("delete from notification_new_booking_windows where gathering_id = ?", gatheringId);
            return;
        }
        if (untold.size() == 1) {
            tellOne(untold.getFirst(), gathering.get(), window.endedAt());
        } else {
            tellSeveral(untold, gathering.get(), window.endedAt());
        }
        jdbc.update("update notification_new_bookings set told = true where gathering_id = ? and not told", gatheringId);
        Instant next = clock.instant().plus(properties.newBookingsWindow());
        jdbc.update("update notification_new_booking_windows set ends_at = ? where gathering_id = ?", Timestamp.from(next), gatheringId);
    }

    private void tellOne(Confirmed booking, Gatherings.Gathering gathering, Instant at) {
        Map<String, String> data = gathering.data();
        data.put("bookingId", booking.bookingId().toString());
        data.put("quantity", String.valueOf(booking.seats()));
        named(data, booking.guestId());
        planner.plan(NotificationDraft.now("booking-confirmed:" + booking.bookingId(), gathering.hostId(), NotificationKind.NEW_BOOKING,
                data, "/hosting/gatherings/" + gathering.gatheringId(), at));
    }

    private void tellSeveral(List<Confirmed> bookings, Gatherings.Gathering gathering, Instant windowEnd) {
        Map<String, String> data = gathering.data();
        data.put(NotificationTexts.VARIANT, VARIANT_SEVERAL);
        data.put("count", String.valueOf(bookings.size()));
        data.put("quantity", String.valueOf(bookings.stream().mapToInt(Confirmed::seats).sum()));
        named(data, bookings.getLast().guestId());
        // the window's end makes the trigger: one notification per window, however often this round is repeated
        planner.plan(NotificationDraft.now("new-bookings:" + gathering.gatheringId() + ":" + windowEnd, gathering.hostId(),
                NotificationKind.NEW_BOOKING, data, "/hosting/gatherings/" + gathering.gatheringId(), windowEnd));
    }

    private void named(Map<String, String> data, UUID guestId) {
        data.put(NotificationContent.GUEST_ID, guestId.toString());
        data.put(NotificationContent.GUEST_NAME, recipients.find(new UserId(guestId)).map(Recipient::displayName).orElse(""));
    }

    private record Confirmed(UUID bookingId, UUID guestId, int seats) {
    }

    private record EndedWindow(UUID gatheringId, Instant endedAt) {
    }
}
