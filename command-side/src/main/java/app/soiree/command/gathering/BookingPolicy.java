package app.soiree.command.gathering;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Limits of a booking: how long paid seats are held while the guest pays, and how many seats one
 * booking may take. Injected into the gathering's command handlers.
 */
@ConfigurationProperties("soiree.booking")
public record BookingPolicy(Duration holdDuration, Integer maxSeatsPerBooking) {

    public BookingPolicy {
        holdDuration = holdDuration == null ? Duration.ofMinutes(10) : holdDuration;
        maxSeatsPerBooking = maxSeatsPerBooking == null ? 10 : maxSeatsPerBooking;
        if (holdDuration.isNegative() || holdDuration.isZero() || holdDuration.compareTo(Duration.ofHours(24)) > 0) {
            throw new IllegalArgumentException("soiree.booking.hold-duration must be between 1 second and 24 hours");
        }
    }
}
