package app.soiree.command.notification;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

import app.soiree.api.error.ErrorCode;
import app.soiree.api.error.SoireeException;
import app.soiree.api.identity.UserId;
import app.soiree.api.notification.DeliveryDeferred;
import app.soiree.api.notification.DeliveryDue;
import app.soiree.api.notification.DeliveryEvent;
import app.soiree.api.notification.DeliveryFailed;
import app.soiree.api.notification.DeliveryOutcome;
import app.soiree.api.notification.DeliveryOutcomeUnknown;
import app.soiree.api.notification.DeliveryPlan;
import app.soiree.api.notification.DeliveryResendRequested;
import app.soiree.api.notification.DeliverySent;
import app.soiree.api.notification.DeliverySkipped;
import app.soiree.api.notification.DeliveryStatus;
import app.soiree.api.notification.DeliveryStatusReported;
import app.soiree.api.notification.MarkNotificationRead;
import app.soiree.api.notification.NotificationChannel;
import app.soiree.api.notification.NotificationId;
import app.soiree.api.notification.NotificationKind;
import app.soiree.api.notification.NotificationPlanned;
import app.soiree.api.notification.NotificationRead;
import app.soiree.api.notification.NotificationWithdrawn;
import app.soiree.api.notification.PlanNotification;
import app.soiree.api.notification.RecordDeliveryOutcome;
import app.soiree.api.notification.RecordProviderStatus;
import app.soiree.api.notification.ResendNotification;
import app.soiree.api.notification.SkipReason;
import app.soiree.api.notification.WithdrawNotification;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.deadline.DeadlineManager;
import org.axonframework.deadline.annotation.DeadlineHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateCreationPolicy;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.modelling.command.CreationPolicy;
import org.axonframework.spring.stereotype.Aggregate;
import org.jspecify.annotations.Nullable;

/**
 * One notification to one person, and its delivery on each channel: planned once (the same trigger planned again changes
 * nothing), each channel sent when due, held back or skipped as the planner decided, retried with a doubling wait when a
 * provider failed for now, never sent again when the provider's answer was lost, and moved forward only by provider
 * reports that move it forward, whatever order they come in.
 */
@Aggregate(repository = NotificationConfiguration.NOTIFICATION_REPOSITORY)
public class Notification {

    static final String DUE_DEADLINE = "notification-delivery-due";
    // A deadline's payload (its handler's first parameter) is the channel that is due.

    @AggregateIdentifier
    private NotificationId notificationId;
    private UserId recipientId;
    private NotificationKind kind;
    private Instant staleAt;
    private long preferenceVersion;
    private boolean withdrawn;
    private boolean read;
    private final Map<NotificationChannel, Delivery> deliveries = new EnumMap<>(NotificationChannel.class);

    protected Notification() {
        // for Axon's event sourcing
    }

    @CommandHandler
    @CreationPolicy(AggregateCreationPolicy.CREATE_IF_MISSING)
    void handle(PlanNotification command, Clock clock, DeadlineManager deadlines) {
        if (notificationId != null) {
            return; // planned already: the same trigger seen again
        }
        Instant now = clock.instant();
        // What is decided now goes into the plan's own event (four of a booking's thirteen events were these, each stored,
        // chained and read by every processor); what happens later gets an event of its own.
        Map<NotificationChannel, SkipReason> skipped = new EnumMap<>(NotificationChannel.class);
        Set<NotificationChannel> delivered = EnumSet.noneOf(NotificationChannel.class);
        Set<NotificationChannel> dueNow = EnumSet.noneOf(NotificationChannel.class);
        List<DeliveryDeferred> deferred = new ArrayList<>();
        for (DeliveryPlan plan : command.deliveries()) {
            Instant due = latest(command.deliverAt(), plan.notBefore());
            if (plan.skipped() != null) {
                skipped.put(plan.channel(), plan.skipped());
            } else if (due != null && due.isAfter(now)) {
                if (due.isAfter(command.staleAt())) {
                    skipped.put(plan.channel(), SkipReason.QUIET_HOURS_STALE);
                } else {
                    DeliveryDeferred.Reason reason = due.equals(plan.notBefore()) ? DeliveryDeferred.Reason.QUIET_HOURS : DeliveryDeferred.Reason.SCHEDULED;
                    deferred.add(new DeliveryDeferred(command.notificationId(), command.recipientId(), plan.channel(), due, reason, now));
                }
            } else if (plan.channel() == NotificationChannel.IN_APP) {
                delivered.add(plan.channel()); // the inbox is the delivery
            } else {
                dueNow.add(plan.channel());
            }
        }
        apply(new NotificationPlanned(command.notificationId(), command.recipientId(), command.kind(), command.kind().category(),
                command.triggerKey(), command.content(), command.deliverAt(), command.staleAt(), command.preferenceVersion(), now,
                skipped, delivered, dueNow));
        deferred.forEach(waiting -> {
            apply(waiting);
            deadlines.schedule(waiting.until(), DUE_DEADLINE, waiting.channel());
        });
    }

    @DeadlineHandler(deadlineName = DUE_DEADLINE)
    void due(NotificationChannel channel, Clock clock) {
        Delivery delivery = deliveries.get(channel);
        if (delivery == null || delivery.status() != DeliveryStatus.WAITING) {
            return; // withdrawn, or settled some other way meanwhile
        }
        Instant now = clock.instant();
        if (now.isAfter(staleAt) && delivery.attempt() == 0) {
            apply(new DeliverySkipped(notificationId, recipientId, channel, SkipReason.QUIET_HOURS_STALE, preferenceVersion, now));
        } else {
            goOut(channel, null, now);
        }
    }

    @CommandHandler
    void handle(RecordDeliveryOutcome command, Clock clock, DeadlineManager deadlines, NotificationsProperties properties) {
        Delivery delivery = deliveries.get(command.channel());
        if (delivery == null || delivery.attempt() != command.attempt() || delivery.status() != DeliveryStatus.PLANNED) {
            return; // an answer to an earlier attempt, or one a provider report overtook
        }
        DeliveryOutcome outcome = command.outcome();
        Instant now = clock.instant();
        NotificationChannel channel = command.channel();
        switch (outcome.result()) {
            case SENT -> apply(new DeliverySent(notificationId, recipientId, channel, command.attempt(), outcome.providerMessageId(),
                    outcome.destination(), delivery.resentBy(), now));
            case SKIPPED -> apply(new DeliverySkipped(notificationId, recipientId, channel,
                    outcome.skipReason() != null ? outcome.skipReason() : SkipReason.NO_ADDRESS, preferenceVersion, now));
            case UNKNOWN -> apply(new DeliveryOutcomeUnknown(notificationId, recipientId, channel, command.attempt(),
                    String.valueOf(outcome.detail()), now));
            case FAILED -> {
                boolean retry = !outcome.permanent() && command.attempt() < properties.maxAttempts();
                apply(new DeliveryFailed(notificationId, recipientId, channel, command.attempt(), outcome.errorCode(),
                        String.valueOf(outcome.detail()), outcome.permanent(), retry, now));
                if (retry) {
                    Duration wait = properties.retryAfter().multipliedBy(1L << Math.min(command.attempt() - 1, 16));
                    apply(new DeliveryDeferred(notificationId, recipientId, channel, now.plus(wait), DeliveryDeferred.Reason.RETRY, now));
                    deadlines.schedule(wait, DUE_DEADLINE, channel);
                }
            }
        }
    }

    @CommandHandler
    void handle(RecordProviderStatus command) {
        Delivery delivery = deliveries.get(command.channel());
        if (delivery != null && delivery.status().advancesTo(command.status())) {
            apply(new DeliveryStatusReported(notificationId, recipientId, command.channel(), command.status(), command.providerStatus(),
                    command.providerMessageId(), command.errorCode(), command.reportedAt()));
        }
    }

    /** Deliveries still waiting stay in; one already out stays out. Seen in-app already, it stays in the inbox. */
    @CommandHandler
    void handle(WithdrawNotification command, Clock clock) {
        if (withdrawn) {
            return;
        }
        Instant now = clock.instant();
        Delivery inApp = deliveries.get(NotificationChannel.IN_APP);
        boolean shown = inApp != null && inApp.status() != DeliveryStatus.WAITING && inApp.status() != DeliveryStatus.SKIPPED;
        if (!shown) {
            apply(new NotificationWithdrawn(notificationId, recipientId, command.reason(), now));
        }
        List<NotificationChannel> waiting = deliveries.entrySet().stream()
                .filter(entry -> entry.getValue().status() == DeliveryStatus.WAITING).map(Map.Entry::getKey).toList();
        waiting.forEach(channel -> apply(new DeliverySkipped(notificationId, recipientId, channel, SkipReason.WITHDRAWN, preferenceVersion, now)));
    }

    @CommandHandler
    void handle(MarkNotificationRead command, Clock clock) {
        Delivery inApp = deliveries.get(NotificationChannel.IN_APP);
        boolean inInbox = !withdrawn && inApp != null && inApp.wentOut();
        if (!command.readBy().equals(recipientId) || !inInbox) {
            throw SoireeException.notFound("Notification " + notificationId);
        }
        if (!read) {
            apply(new NotificationRead(notificationId, recipientId, clock.instant()));
        }
    }

    /** Support's resend: a new attempt on a channel other than in-app, whatever happened to the earlier ones. */
    @CommandHandler
    void handle(ResendNotification command, Clock clock) {
        if (command.channel() == NotificationChannel.IN_APP) {
            throw new SoireeException(ErrorCode.VALIDATION_FAILED, "In-app notifications stay in the inbox; resend by email, SMS or WhatsApp");
        }
        Delivery delivery = deliveries.get(command.channel());
        if (delivery != null && delivery.status() == DeliveryStatus.PLANNED) {
            throw new SoireeException(ErrorCode.STATE_CONFLICT, "A send on " + command.channel() + " is under way");
        }
        Instant now = clock.instant();
        apply(new DeliveryResendRequested(notificationId, recipientId, command.channel(), command.staffId(), now));
        goOut(command.channel(), command.staffId(), now);
    }

    private void goOut(NotificationChannel channel, @Nullable UserId resentBy, Instant now) {
        Delivery delivery = deliveries.get(channel);
        int attempt = delivery == null ? 1 : delivery.attempt() + 1;
        if (channel == NotificationChannel.IN_APP) {
            apply(new DeliverySent(notificationId, recipientId, channel, attempt, null, null, resentBy, now)); // the inbox is the delivery
        } else {
            apply(new DeliveryDue(notificationId, recipientId, kind, channel, attempt, resentBy, now));
        }
    }

    private static @Nullable Instant latest(@Nullable Instant one, @Nullable Instant other) {
        if (one == null) {
            return other;
        }
        return other == null || one.isAfter(other) ? one : other;
    }

    @EventSourcingHandler
    void on(NotificationPlanned event) {
        notificationId = event.notificationId();
        recipientId = event.recipientId();
        kind = event.kind();
        staleAt = event.staleAt();
        preferenceVersion = event.preferenceVersion();
        event.skipped().forEach((channel, reason) -> deliveries.put(channel,
                new Delivery(reason.status(), 0, false, null)));
        event.delivered().forEach(channel -> deliveries.put(channel, new Delivery(DeliveryStatus.DELIVERED, 1, true, null)));
        event.due().forEach(channel -> deliveries.put(channel, new Delivery(DeliveryStatus.PLANNED, 1, false, null)));
    }

    @EventSourcingHandler
    void on(DeliveryEvent event) {
        Delivery delivery = deliveries.getOrDefault(event.channel(), Delivery.NONE);
        deliveries.put(event.channel(), switch (event) {
            case DeliveryDue due -> new Delivery(event.status(), due.attempt(), delivery.wentOut(), due.resentBy());
            case DeliverySent sent -> new Delivery(event.status(), sent.attempt(), true, delivery.resentBy());
            default -> new Delivery(event.status(), delivery.attempt(), delivery.wentOut(), delivery.resentBy());
        });
    }

    @EventSourcingHandler
    void on(NotificationWithdrawn event) {
        withdrawn = true;
    }

    @EventSourcingHandler
    void on(NotificationRead event) {
        read = true;
    }

    /** One channel's delivery: where it stands, which attempt is current, whether anything went out, and who resent it. */
    private record Delivery(DeliveryStatus status, int attempt, boolean wentOut, @Nullable UserId resentBy) {
        static final Delivery NONE = new Delivery(DeliveryStatus.PLANNED, 0, false, null);
    }
}
