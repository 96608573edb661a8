package app.soiree.api.notification;

import app.soiree.api.identity.UserId;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * A notification as support sees it: what it said, when it was planned, when it reached the inbox ({@code visibleAt},
 * null while its in-app delivery has not gone out), whether it was read or withdrawn, and each channel's delivery.
 */
public record StaffNotificationView(NotificationId notificationId, UserId recipientId, NotificationCategory category, NotificationKind kind,
                                    String title, String body, @Nullable String link, Map<String, String> data, String language,
                                    long preferenceVersion, Instant createdAt, @Nullable Instant deliverAt, @Nullable Instant visibleAt,
                                    @Nullable Instant readAt, boolean withdrawn, @Nullable String withdrawnReason,
                                    List<DeliveryView> deliveries) {

    public StaffNotificationView {
        data = Map.copyOf(data);
        deliveries = List.copyOf(deliveries);
    }

    /**
     * One channel's delivery: where it stands now and every step that brought it there, oldest first.
     * {@code resentBy}: the staff member who last asked for it to go out again.
     */
    public record DeliveryView(NotificationChannel channel, DeliveryStatus status, int attempt, @Nullable String destination,
                               @Nullable UserId resentBy, Instant updatedAt, List<DeliveryStep> history) {

        public DeliveryView {
            history = List.copyOf(history);
        }
    }

    /**
     * One event in a delivery's life. {@code step}: what happened; {@code status}: the delivery's status after it (null for
     * a resend request, which moves nothing by itself); {@code reason}: why it waited (a {@link DeliveryDeferred.Reason}) or
     * what failed; {@code skipReason} and {@code preferenceVersion}: why a channel was not used and under which preferences.
     */
    public record DeliveryStep(Step step, @Nullable DeliveryStatus status, Instant at, @Nullable Integer attempt, @Nullable String reason,
                               @Nullable SkipReason skipReason, @Nullable Long preferenceVersion, @Nullable String errorCode,
                               @Nullable String providerStatus, @Nullable String destination, @Nullable UserId resentBy,
                               @Nullable Instant until) {
    }

    public enum Step {
        DEFERRED,
        DUE,
        SENT,
        SKIPPED,
        FAILED,
        OUTCOME_UNKNOWN,
        STATUS_REPORTED,
        RESEND_REQUESTED
    }
}
