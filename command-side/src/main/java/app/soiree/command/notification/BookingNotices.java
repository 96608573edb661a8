package app.soiree.command.notification;

import app.soiree.api.gathering.BookingCancelled;
import app.soiree.api.gathering.HoldExpired;
import app.soiree.api.gathering.SeatsConfirmed;
import app.soiree.api.gathering.SeatsHeld;
import app.soiree.api.gathering.WaitlistOfferMade;
import app.soiree.api.notification.NotificationKind;
import app.soiree.api.payment.PaymentDeclined;
import app.soiree.api.refund.PaymentRefunded;
import java.time.Instant;
import java.util.Map;
import org.axonframework.config.ProcessingGroup;
import org.jspecify.annotations.Nullable;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.Timestamp;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * A booking's news for its guest: confirmed, payment declined, a waitlist seat offered, refunded. A host's new bookings
 * are {@link NewBookingNews}', a hold's expiry warning {@link HoldWarnings}' (it waits on the booking's row, kept here:
 * set when the seats are held, cleared when the hold ends). Expiry warnings that earlier versions planned with the hold
 * are still withdrawn here when their hold ends some other way first.
 */
@Component
@ProcessingGroup(NotificationPlanner.PROCESSING_GROUP)
class BookingNotices {

    private final JdbcTemplate jdbc;
    private final Gatherings gatherings;
    private final NotificationPlanner planner;
    private final Withdrawals withdrawals;
    private final HoldWarnings holdWarnings;

    BookingNotices(JdbcTemplate jdbc, Gatherings gatherings, NotificationPlanner planner, Withdrawals withdrawals, HoldWarnings holdWarnings) {
        this.jdbc = jdbc;
        this.gatherings = gatherings;
        this.planner = planner;
        this.withdrawals = withdrawals;
        this.holdWarnings = holdWarnings;
    }

    @EventHandler
    void on(SeatsHeld event) {
        Instant warnAt = holdWarnings.warnAt(event);
        jdbc.update("""
                insert into notification_bookings (booking_id, gathering_id, guest_id, held_at, warn_at, expires_at)
                values (?, ?, ?, ?, ?, ?) on conflict do nothing
                """, event.bookingId().value(), event.gatheringId().value(), event.guestId().value(), sqlTime(event.heldAt()),
                sqlTime(warnAt), sqlTime(event.holdExpiresAt()));
    }

    private static java.sql.@Nullable Timestamp sqlTime(@Nullable Instant instant) {
        return instant == null ? null : java.sql.Timestamp.from(instant); // java.sql's: Axon's @Timestamp is imported here
    }

    @EventHandler
    void on(WaitlistOfferMade event, @Timestamp Instant offeredAt) {
        gatherings.find(event.gatheringId()).ifPresent(gathering -> {
            Map<String, String> data = gathering.data();
            data.put("expiresAt", event.holdExpiresAt().toString());
            data.put("bookingId", event.bookingId().toString());
            planner.plan(NotificationDraft.now("waitlist-offer:" + event.bookingId(), event.userId(), NotificationKind.WAITLIST_OFFER, data,
                    "/bookings/" + event.bookingId(), offeredAt).deliveredAt(offeredAt, event.holdExpiresAt()));
        });
    }

    @EventHandler
    void on(SeatsConfirmed event) {
        jdbc.update("""
                insert into notification_bookings (booking_id, gathering_id, guest_id, confirmed) values (?, ?, ?, true)
                on conflict (booking_id) do update set confirmed = true, warn_at = null
                """, event.bookingId().value(), event.gatheringId().value(), event.guestId().value());
        withdrawals.withdraw("hold:" + event.bookingId(), "The booking was confirmed");
        gatherings.find(event.gatheringId()).ifPresent(gathering -> {
            Map<String, String> data = gathering.data();
            data.put("bookingId", event.bookingId().toString());
            data.put("quantity", String.valueOf(event.quantity()));
            data.put("amount", NotificationTexts.money(event.amount()));
            planner.plan(NotificationDraft.now("booking-confirmed:" + event.bookingId(), event.guestId(), NotificationKind.BOOKING_CONFIRMED,
                    data, "/bookings/" + event.bookingId(), event.confirmedAt()));
        });
    }

    @EventHandler
    void on(BookingCancelled event) {
        jdbc.update("update notification_bookings set confirmed = false, warn_at = null where booking_id = ?", event.bookingId().value());
        withdrawals.withdraw("hold:" + event.bookingId(), "The booking was cancelled");
    }

    @EventHandler
    void on(HoldExpired event) {
        jdbc.update("update notification_bookings set warn_at = null where booking_id = ?", event.bookingId().value());
        withdrawals.withdraw("hold:" + event.bookingId(), "The hold expired");
    }

    @EventHandler
    void on(PaymentDeclined event) {
        gatherings.guestOf(event.bookingId().value()).ifPresent(guest -> gatherings.find(event.gatheringId()).ifPresent(gathering -> {
            Map<String, String> data = gathering.data();
            data.put("bookingId", event.bookingId().toString());
            data.put("reason", event.reason());
            planner.plan(NotificationDraft.now("payment-declined:" + event.paymentId() + ":" + event.providerEventId(), guest,
                    NotificationKind.PAYMENT_FAILED, data, "/bookings/" + event.bookingId(), event.declinedAt()));
        }));
    }

    @EventHandler
    void on(PaymentRefunded event) {
        gatherings.find(event.gatheringId()).ifPresent(gathering -> {
            Map<String, String> data = gathering.data();
            data.put("bookingId", event.bookingId().toString());
            data.put("amount", NotificationTexts.money(event.amount()));
            planner.plan(NotificationDraft.now("refund:" + event.refundId(), event.guestId(), NotificationKind.REFUND_ISSUED, data,
                    "/bookings/" + event.bookingId(), event.refundedAt()));
        });
    }
}
