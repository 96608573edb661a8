package app.soiree.command.gathering;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Limits of a booking: how long paid seats are held while the guest pays, and how many seats one
 * booking may take. Injected into the gathering's command handlers. {@code snapshotEveryEvents} says
 * how many events of a gathering are replayed at most before a snapshot is taken.
 */
@ConfigurationProperties("soiree.booking")
public record BookingPolicy(Duration holdDuration, Integer maxSeatsPerBooking, Integer snapshotEveryEvents) {

    public BookingPolicy {
        holdDuration = holdDuration == null ? Duration.ofMinutes(10) : holdDuration;
        maxSeatsPerBooking = maxSeatsPerBooking == null ? 10 : maxSeatsPerBooking;
        snapshotEveryEvents = snapshotEveryEvents == null ? 100 : snapshotEveryEvents;
        if (holdDuration.isNegative() || holdDuration.isZero() || holdDuration.compareTo(Duration.ofHours(24)) > 0) {
            throw new IllegalArgumentException("soiree.booking.hold-duration must be between 1 second and 24 hours");
        }
    }
}
