package app.soiree.api.notification;

import java.time.Instant;

/** An event in one delivery's life: a notification on one channel. */
public interface DeliveryEvent extends NotificationEvent {

    NotificationChannel channel();

    /** The delivery's status after this event. */
    DeliveryStatus status();

    Instant at();
}
