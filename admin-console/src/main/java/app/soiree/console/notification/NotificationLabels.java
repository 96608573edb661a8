package app.soiree.console.notification;

import app.soiree.api.notification.DeliveryStatus;
import app.soiree.api.notification.StaffNotificationView;
import app.soiree.api.notification.StaffNotificationView.DeliveryStep;
import app.soiree.api.notification.StaffNotificationView.DeliveryView;
import app.soiree.console.platform.Formats;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;

/** How notifications and their deliveries read on screen. */
final class NotificationLabels {

    private NotificationLabels() {
    }

    static String words(Enum<?> value) {
        return value.name().toLowerCase(Locale.ROOT).replace('_', ' ');
    }

    static String inbox(StaffNotificationView notification) {
        if (notification.withdrawn()) {
            return "withdrawn" + (notification.withdrawnReason() == null ? "" : ": " + notification.withdrawnReason());
        }
        if (notification.visibleAt() == null) {
            return notification.deliverAt() == null ? "not shown" : "not shown; due " + Formats.time(notification.deliverAt());
        }
        return Formats.time(notification.visibleAt()) + (notification.readAt() == null ? ", unread" : ", read " + Formats.time(notification.readAt()));
    }

    /** One line for the row: each channel and where it stands, the reason for a skip. */
    static String channels(StaffNotificationView notification) {
        return notification.deliveries().stream().map(NotificationLabels::delivery).collect(Collectors.joining(" · "));
    }

    static String delivery(DeliveryView delivery) {
        String line = words(delivery.channel()) + " " + words(delivery.status());
        if (delivery.status() == DeliveryStatus.SKIPPED || delivery.status() == DeliveryStatus.WITHDRAWN) {
            DeliveryStep last = delivery.history().isEmpty() ? null : delivery.history().getLast();
            if (last != null && last.skipReason() != null) {
                line += " (" + words(last.skipReason()) + ")";
            }
        }
        return line;
    }

    /** What one step of a delivery's history says beyond its kind and time. */
    static String details(DeliveryStep step) {
        List<String> parts = new ArrayList<>();
        if (step.attempt() != null && step.attempt() > 0) {
            parts.add("attempt " + step.attempt());
        }
        if (step.skipReason() != null) {
            parts.add("why: " + words(step.skipReason()));
        }
        if (step.preferenceVersion() != null) {
            parts.add("preferences v" + step.preferenceVersion());
        }
        if (step.reason() != null) {
            parts.add(step.reason());
        }
        if (step.until() != null) {
            parts.add("until " + Formats.time(step.until()));
        }
        if (step.errorCode() != null) {
            parts.add("error " + step.errorCode());
        }
        if (step.providerStatus() != null) {
            parts.add("provider: " + step.providerStatus());
        }
        if (step.destination() != null) {
            parts.add("to " + step.destination());
        }
        if (step.resentBy() != null) {
            parts.add("resent by " + step.resentBy());
        }
        return String.join(", ", parts);
    }
}
