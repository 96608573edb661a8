package app.soiree.console.notification;

import app.soiree.api.error.ErrorCode;
import app.soiree.api.identity.FindUserByEmail;
import app.soiree.api.identity.Role;
import app.soiree.api.identity.UserId;
import app.soiree.api.identity.UserProfileView;
import app.soiree.api.notification.DeliveryStatus;
import app.soiree.api.notification.FindNotificationsForStaff;
import app.soiree.api.notification.NotificationChannel;
import app.soiree.api.notification.NotificationId;
import app.soiree.api.notification.NotificationKind;
import app.soiree.api.notification.ResendNotification;
import app.soiree.api.notification.SkipReason;
import app.soiree.api.notification.StaffNotificationPage;
import app.soiree.api.notification.StaffNotificationView;
import app.soiree.api.notification.StaffNotificationView.DeliveryStep;
import app.soiree.api.notification.StaffNotificationView.DeliveryView;
import app.soiree.api.notification.StaffNotificationView.Step;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import org.axonframework.commandhandling.CommandExecutionException;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.messaging.MetaData;
import org.axonframework.queryhandling.QueryHandler;
import org.jspecify.annotations.Nullable;

/**
 * One user, Ana, and her notifications as the platform answers the console about them on Axon's buses, paged by cursor;
 * a resend adds its steps to the delivery's history as the command and query sides together would. The platform can be
 * told to refuse resends with a code.
 */
public class TestNotifications {

    public static final Instant T0 = Instant.parse("2026-12-04T10:00:00Z");
    public static final UserId ANA = new UserId(UUID.fromString("0b000000-0000-4000-8000-000000000001"));
    public static final String ANA_EMAIL = "ana@soiree.test";

    private final List<StaffNotificationView> notifications = new CopyOnWriteArrayList<>();
    private volatile @Nullable ErrorCode refusing;
    public final List<FindNotificationsForStaff> queries = new CopyOnWriteArrayList<>();
    public final List<Object> commands = new CopyOnWriteArrayList<>();
    public final List<MetaData> commandMetaData = new CopyOnWriteArrayList<>();

    public void reset() {
        notifications.clear();
        refusing = null;
        queries.clear();
        commands.clear();
        commandMetaData.clear();
    }

    public void refuseWith(ErrorCode code) {
        refusing = code;
    }

    /** A refund notice, {@code minutes} after T0: in Ana's inbox, its email failed for good, WhatsApp skipped without consent. */
    public StaffNotificationView refund(String title, int minutes) {
        Instant at = T0.plusSeconds(60L * minutes);
        NotificationId id = NotificationId.of("refund:" + title, ANA, NotificationKind.REFUND_ISSUED);
        StaffNotificationView view = new StaffNotificationView(id, ANA, NotificationKind.REFUND_ISSUED.category(), NotificationKind.REFUND_ISSUED,
                title, title + ", in full", null, Map.of(), "en", 3, at, null, at, null, false, null, List.of(
                new DeliveryView(NotificationChannel.IN_APP, DeliveryStatus.DELIVERED, 1, null, null, at, List.of(
                        step(Step.DUE, DeliveryStatus.PLANNED, at, 1, null, null, null),
                        step(Step.SENT, DeliveryStatus.DELIVERED, at, 1, null, null, null))),
                new DeliveryView(NotificationChannel.EMAIL, DeliveryStatus.FAILED, 1, null, null, at.plusSeconds(1), List.of(
                        step(Step.DUE, DeliveryStatus.PLANNED, at, 1, null, null, null),
                        step(Step.FAILED, DeliveryStatus.FAILED, at.plusSeconds(1), 1, "permanent: mailbox unavailable", null, "550"))),
                new DeliveryView(NotificationChannel.WHATSAPP, DeliveryStatus.SKIPPED, 0, null, null, at, List.of(
                        step(Step.SKIPPED, DeliveryStatus.SKIPPED, at, null, null, SkipReason.NO_WHATSAPP_CONSENT, null)))));
        notifications.add(view);
        return view;
    }

    private static DeliveryStep step(Step step, DeliveryStatus status, Instant at, @Nullable Integer attempt, @Nullable String reason,
                                     @Nullable SkipReason skipReason, @Nullable String errorCode) {
        return new DeliveryStep(step, status, at, attempt, reason, skipReason, skipReason == null ? null : 3L, errorCode, null, null, null,
                null);
    }

    @QueryHandler
    @Nullable UserProfileView handle(FindUserByEmail query) {
        return ANA_EMAIL.equalsIgnoreCase(query.email().strip())
                ? new UserProfileView(ANA, ANA_EMAIL, "Ana Guest", null, Set.of(Role.GUEST), null, T0.minusSeconds(86_400), null)
                : null;
    }

    @QueryHandler
    StaffNotificationPage handle(FindNotificationsForStaff query) {
        queries.add(query);
        List<StaffNotificationView> mine = notifications.stream().filter(n -> n.recipientId().equals(query.userId()))
                .sorted((one, other) -> other.createdAt().compareTo(one.createdAt())).toList();
        int start = query.cursor() == null ? 0 : Integer.parseInt(query.cursor());
        int end = Math.min(mine.size(), start + query.limit());
        return new StaffNotificationPage(start >= end ? List.of() : mine.subList(start, end), end < mine.size() ? Integer.toString(end) : null);
    }

    @CommandHandler
    void handle(ResendNotification command, MetaData metaData) {
        ErrorCode refusal = refusing;
        if (refusal != null) {
            throw new CommandExecutionException("Refused for the test", null, refusal.name());
        }
        commands.add(command);
        commandMetaData.add(metaData);
        notifications.replaceAll(view -> !view.notificationId().equals(command.notificationId()) ? view : resent(view, command));
    }

    private static StaffNotificationView resent(StaffNotificationView view, ResendNotification command) {
        Instant at = T0.plusSeconds(3600);
        List<DeliveryView> deliveries = new ArrayList<>();
        for (DeliveryView delivery : view.deliveries()) {
            if (delivery.channel() != command.channel()) {
                deliveries.add(delivery);
                continue;
            }
            List<DeliveryStep> history = new ArrayList<>(delivery.history());
            int attempt = delivery.attempt() + 1;
            history.add(new DeliveryStep(Step.RESEND_REQUESTED, null, at, null, null, null, null, null, null, null, command.staffId(), null));
            history.add(new DeliveryStep(Step.DUE, DeliveryStatus.PLANNED, at, attempt, null, null, null, null, null, null, command.staffId(), null));
            history.add(new DeliveryStep(Step.SENT, DeliveryStatus.SENT, at, attempt, null, null, null, null, null, "a•••@soiree.test",
                    command.staffId(), null));
            deliveries.add(new DeliveryView(delivery.channel(), DeliveryStatus.SENT, attempt, "a•••@soiree.test", command.staffId(), at, history));
        }
        return new StaffNotificationView(view.notificationId(), view.recipientId(), view.category(), view.kind(), view.title(), view.body(),
                view.link(), view.data(), view.language(), view.preferenceVersion(), view.createdAt(), view.deliverAt(), view.visibleAt(),
                view.readAt(), view.withdrawn(), view.withdrawnReason(), deliveries);
    }
}
