package app.soiree.command.notification;

import app.soiree.api.notification.DeliveryPlan;
import app.soiree.api.notification.NotificationChannel;
import app.soiree.api.notification.NotificationContent;
import app.soiree.api.notification.NotificationId;
import app.soiree.api.notification.NotificationKind;
import app.soiree.api.notification.NotificationPreferences;
import app.soiree.api.notification.PlanNotification;
import app.soiree.api.notification.QuietHours;
import app.soiree.api.notification.SkipReason;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Turns a trigger's draft into a planned notification: its texts in the recipient's language and, per channel, send,
 * wait for the end of quiet hours, or skip and why. The rules, in order: critical kinds always reach in-app and email;
 * otherwise the channel's switch, then the category's; SMS and WhatsApp need a verified number that did not answer STOP,
 * WhatsApp also consent; SMS and WhatsApp wait out quiet hours unless the kind is urgent, and are dropped if that makes
 * them stale. Triggers know nothing of these rules, and a new trigger changes nothing here.
 */
@Component
public class NotificationPlanner {

    /** The planner's processing group: the triggers and the directories it reads, in stream order. */
    public static final String PROCESSING_GROUP = "notifications";
    private static final Logger log = LoggerFactory.getLogger(NotificationPlanner.class);

    private final CommandGateway commands;
    private final Recipients recipients;
    private final NotificationTexts texts;
    private final NotificationsProperties properties;
    private final Blocking blocking;
    private final Clock clock;

    NotificationPlanner(CommandGateway commands, Recipients recipients, NotificationTexts texts, NotificationsProperties properties,
                        Blocking blocking, Clock clock) {
        this.commands = commands;
        this.recipients = recipients;
        this.texts = texts;
        this.properties = properties;
        this.blocking = blocking;
        this.clock = clock;
    }

    /** @return the notification's id, empty when nobody is to be told (an unknown recipient, or a cause long past) */
    public Optional<NotificationId> plan(NotificationDraft draft) {
        Instant due = draft.deliverAt() != null ? draft.deliverAt() : draft.occurredAt();
        Instant staleAt = draft.staleAt() != null ? draft.staleAt() : due.plus(draft.kind().freshFor());
        if (staleAt.isBefore(clock.instant())) {
            return Optional.empty(); // an old event seen again (a processor rebuilt from the start): telling now helps nobody
        }
        Optional<Recipient> found = recipients.find(draft.recipientId());
        if (found.isEmpty()) {
            log.warn("No recipient {} for a {} notification ({}); nothing planned", draft.recipientId(), draft.kind(), draft.triggerKey());
            return Optional.empty();
        }
        Recipient recipient = found.get();
        NotificationPreferences preferences = recipient.preferences();
        NotificationTexts.Rendered rendered = texts.render(draft.kind(), preferences.language(), preferences.zone(), draft.data());
        NotificationContent content = new NotificationContent(rendered.title(), rendered.body(),
                draft.linkPath() == null ? null : properties.link(draft.linkPath()), draft.data(), preferences.language());
        boolean blocked = draft.actorId() != null && blocking.blocked(recipient.userId(), draft.actorId());
        List<DeliveryPlan> deliveries = new ArrayList<>();
        for (NotificationChannel channel : NotificationChannel.values()) {
            deliveries.add(blocked ? DeliveryPlan.skip(channel, SkipReason.BLOCKED) : decide(draft.kind(), channel, recipient, due, staleAt));
        }
        NotificationId id = NotificationId.of(draft.triggerKey(), draft.recipientId(), draft.kind());
        commands.sendAndWait(new PlanNotification(id, draft.recipientId(), draft.kind(), draft.triggerKey(), content, deliveries,
                recipient.preferenceVersion(), draft.deliverAt(), staleAt));
        return Optional.of(id);
    }

    static DeliveryPlan decide(NotificationKind kind, NotificationChannel channel, Recipient recipient, Instant due, Instant staleAt) {
        NotificationPreferences preferences = recipient.preferences();
        boolean forced = kind.critical() && (channel == NotificationChannel.IN_APP || channel == NotificationChannel.EMAIL);
        if (!forced && !preferences.channelOn(channel)) {
            return DeliveryPlan.skip(channel, SkipReason.CHANNEL_OFF);
        }
        if (!forced && !preferences.categoryOn(kind.category(), channel)) {
            return DeliveryPlan.skip(channel, SkipReason.PREFERENCE_OFF);
        }
        Optional<SkipReason> unreachable = recipient.unreachableOn(channel);
        if (unreachable.isPresent()) {
            return DeliveryPlan.skip(channel, unreachable.get());
        }
        QuietHours quiet = preferences.quietHours();
        if (!channel.intrusive() || kind.urgent() || quiet == null || !quiet.contains(due, preferences.zone())) {
            return DeliveryPlan.send(channel);
        }
        Instant end = quiet.endAfter(due, preferences.zone());
        return end.isAfter(staleAt) ? DeliveryPlan.skip(channel, SkipReason.QUIET_HOURS_STALE) : DeliveryPlan.after(channel, end);
    }
}
