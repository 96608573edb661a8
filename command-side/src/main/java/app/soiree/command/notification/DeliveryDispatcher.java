package app.soiree.command.notification;

import app.soiree.api.notification.DeliveryDue;
import app.soiree.api.notification.DeliveryOutcome;
import app.soiree.api.notification.NotificationChannel;
import app.soiree.api.notification.NotificationContent;
import app.soiree.api.notification.NotificationPlanned;
import app.soiree.api.notification.RecordDeliveryOutcome;
import app.soiree.api.notification.SkipReason;
import java.sql.Timestamp;
import java.time.Clock;
import java.util.EnumMap;
import java.util.Map;
import java.util.Optional;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.databind.json.JsonMapper;

/**
 * Hands each due delivery to its channel's sender and records what the sender learned. Before calling a provider it
 * notes the attempt in a transaction of its own: should the process die before the outcome is recorded, the redelivered
 * event finds the note and records the outcome as unknown instead of sending a second SMS. Whether the address is still
 * usable (a number that answered STOP since the plan, a consent withdrawn) is checked again here, at the last moment.
 */
@Component
@ProcessingGroup(DeliveryDispatcher.PROCESSING_GROUP)
class DeliveryDispatcher {

    static final String PROCESSING_GROUP = "notification-delivery";
    private static final Logger log = LoggerFactory.getLogger(DeliveryDispatcher.class);
    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final Map<NotificationChannel, ChannelSender> senders = new EnumMap<>(NotificationChannel.class);
    private final CommandGateway commands;
    private final JdbcTemplate jdbc;
    private final Recipients recipients;
    private final TransactionTemplate separately;
    private final Clock clock;

    DeliveryDispatcher(ObjectProvider<ChannelSender> senders, CommandGateway commands, JdbcTemplate jdbc, Recipients recipients,
                       PlatformTransactionManager transactions, Clock clock) {
        senders.forEach(sender -> this.senders.put(sender.channel(), sender));
        this.commands = commands;
        this.jdbc = jdbc;
        this.recipients = recipients;
        this.separately = new TransactionTemplate(transactions);
        this.separately.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
        this.clock = clock;
    }

    /**
     * Keeps the content for later attempts, and sends the channels the plan made due at once. Those share this event's
     * transaction: should recording one channel's outcome fail, the event is handled again, and a channel whose attempt
     * was noted meanwhile is recorded as unknown rather than sent twice (as a crash between two attempts would leave it).
     */
    @EventHandler
    void on(NotificationPlanned event) {
        jdbc.update("insert into notification_contents (notification_id, kind, recipient_id, content) values (?, ?, ?, ?) on conflict do nothing",
                event.notificationId().value(), event.kind().name(), event.recipientId().value(), JSON.writeValueAsString(event.content()));
        for (NotificationChannel channel : event.due()) {
            attempt(new DeliveryDue(event.notificationId(), event.recipientId(), event.kind(), channel, 1, null, event.plannedAt()),
                    Optional.of(event.content()));
        }
    }

    @EventHandler
    void on(DeliveryDue event) {
        attempt(event, content(event));
    }

    private void attempt(DeliveryDue due, Optional<NotificationContent> content) {
        DeliveryOutcome outcome = firstAttempt(due) ? dispatch(due, content)
                : DeliveryOutcome.unknown("Attempt " + due.attempt() + " was started before and its outcome never recorded");
        commands.sendAndWait(new RecordDeliveryOutcome(due.notificationId(), due.channel(), due.attempt(), outcome));
    }

    private DeliveryOutcome dispatch(DeliveryDue event, Optional<NotificationContent> content) {
        ChannelSender sender = senders.get(event.channel());
        Optional<Recipient> found = recipients.find(event.recipientId());
        if (sender == null || found.isEmpty() || content.isEmpty()) {
            return DeliveryOutcome.skipped(SkipReason.NO_ADDRESS);
        }
        Recipient recipient = found.get();
        Optional<SkipReason> unusable = recipient.unreachableOn(event.channel()); // STOP is final, even for support's resend
        if (unusable.isPresent()) {
            return DeliveryOutcome.skipped(unusable.get());
        }
        String to = event.channel() == NotificationChannel.EMAIL ? recipient.email() : recipient.phone();
        OutgoingMessage message = new OutgoingMessage(event.notificationId(), event.kind(), event.channel(), event.attempt(),
                event.recipientId(), to, recipient.displayName(), content.get(), recipient.whatsappWindowOpen(clock.instant()));
        try {
            return sender.send(message);
        } catch (RuntimeException failure) {
            // A sender is to answer, not throw; one that threw may have sent: never send blindly again.
            log.error("The {} sender failed on notification {} attempt {}", event.channel(), event.notificationId(), event.attempt(), failure);
            return DeliveryOutcome.unknown("The sender failed: " + failure);
        }
    }

    /** Notes the attempt, committed at once; false when it was noted before (this event is being handled again). */
    private boolean firstAttempt(DeliveryDue event) {
        Integer inserted = separately.execute(status -> jdbc.update("""
                insert into notification_attempts (notification_id, channel, attempt, started_at) values (?, ?, ?, ?) on conflict do nothing
                """, event.notificationId().value(), event.channel().name(), event.attempt(), Timestamp.from(clock.instant())));
        return inserted != null && inserted == 1;
    }

    private Optional<NotificationContent> content(DeliveryDue event) {
        return jdbc.query("select content from notification_contents where notification_id = ?",
                (rs, row) -> JSON.readValue(rs.getString(1), NotificationContent.class), event.notificationId().value()).stream().findFirst();
    }
}
