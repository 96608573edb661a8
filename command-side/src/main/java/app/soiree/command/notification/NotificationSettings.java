package app.soiree.command.notification;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

import app.soiree.api.error.ErrorCode;
import app.soiree.api.error.SoireeException;
import app.soiree.api.identity.UserId;
import app.soiree.api.notification.AllNotificationsRead;
import app.soiree.api.notification.ChangeChannelOptOut;
import app.soiree.api.notification.ChangeNotificationPreferences;
import app.soiree.api.notification.ChangeWhatsAppConsent;
import app.soiree.api.notification.ChannelOptOutChanged;
import app.soiree.api.notification.MarkAllNotificationsRead;
import app.soiree.api.notification.NotificationChannel;
import app.soiree.api.notification.NotificationPreferences;
import app.soiree.api.notification.NotificationPreferencesChanged;
import app.soiree.api.notification.NotificationSettingsCommand;
import app.soiree.api.notification.OpenWhatsAppWindow;
import app.soiree.api.notification.PhoneNumberVerified;
import app.soiree.api.notification.RecordVerifiedPhone;
import app.soiree.api.notification.WhatsAppConsentChanged;
import app.soiree.api.notification.WhatsAppWindowOpened;
import java.time.Clock;
import java.time.Instant;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateCreationPolicy;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.modelling.command.CreationPolicy;
import org.axonframework.spring.stereotype.Aggregate;
import org.jspecify.annotations.Nullable;

/**
 * One user's notification settings, beside their account: preferences, the verified phone number, WhatsApp consent,
 * STOP opt-outs per channel, the WhatsApp 24-hour window, and how far the inbox was read. Created by the first command
 * that changes something. {@code version} counts every change that decides deliveries, so each delivery decision can
 * name the settings it was made under; the same state again is no change and no event.
 */
@Aggregate
public class NotificationSettings {

    @AggregateIdentifier
    private String settingsId;
    private UserId userId;
    private NotificationPreferences preferences = NotificationPreferences.defaults();
    private long version;
    private @Nullable String phone;
    private boolean whatsAppConsent;
    private final Set<NotificationChannel> optedOut = EnumSet.noneOf(NotificationChannel.class);
    private @Nullable Instant whatsAppWindowUntil;
    private @Nullable Instant readUpTo;

    protected NotificationSettings() {
        // for Axon: event sourcing, and the creation of a user's settings by their first command
    }

    /** @return the version of the settings after the change (the current one when nothing changed) */
    @CommandHandler
    @CreationPolicy(AggregateCreationPolicy.CREATE_IF_MISSING)
    Long handle(ChangeNotificationPreferences command, Clock clock) {
        NotificationPreferences wanted = command.preferences();
        SettingsRules.timezoneProblem(wanted.timezone()).ifPresent(problem -> {
            throw new SoireeException(ErrorCode.VALIDATION_FAILED, "timezone " + problem);
        });
        SettingsRules.languageProblem(wanted.language()).ifPresent(problem -> {
            throw new SoireeException(ErrorCode.VALIDATION_FAILED, "language " + problem);
        });
        List<String> refused = wanted.criticalSwitchedOff();
        if (!refused.isEmpty()) {
            throw new SoireeException(ErrorCode.CRITICAL_NOT_OPTIONAL,
                    "Critical notifications always reach in-app and email; these cannot be switched off: " + String.join(", ", refused));
        }
        if (settingsId == null || !wanted.equals(preferences)) {
            apply(new NotificationPreferencesChanged(command.userId(), wanted, version + 1, clock.instant()));
        }
        return version;
    }

    @CommandHandler
    @CreationPolicy(AggregateCreationPolicy.CREATE_IF_MISSING)
    void handle(RecordVerifiedPhone command, Clock clock) {
        SettingsRules.phoneProblem(command.phone()).ifPresent(problem -> {
            throw new SoireeException(ErrorCode.VALIDATION_FAILED, "phone " + problem);
        });
        if (!command.phone().equals(phone)) {
            apply(new PhoneNumberVerified(command.userId(), command.phone(), version + 1, clock.instant()));
        }
    }

    @CommandHandler
    @CreationPolicy(AggregateCreationPolicy.CREATE_IF_MISSING)
    void handle(ChangeWhatsAppConsent command, Clock clock) {
        if (settingsId == null || command.optIn() != whatsAppConsent) {
            apply(new WhatsAppConsentChanged(command.userId(), command.optIn(), version + 1, clock.instant()));
        }
    }

    @CommandHandler
    @CreationPolicy(AggregateCreationPolicy.CREATE_IF_MISSING)
    void handle(ChangeChannelOptOut command, Clock clock) {
        if (!command.channel().phone()) {
            throw new SoireeException(ErrorCode.VALIDATION_FAILED, "Only SMS and WhatsApp can be opted out of by STOP, not " + command.channel());
        }
        if (settingsId == null || command.optedOut() != optedOut.contains(command.channel())) {
            apply(new ChannelOptOutChanged(command.userId(), command.channel(), command.optedOut(), version + 1, clock.instant()));
        }
    }

    @CommandHandler
    @CreationPolicy(AggregateCreationPolicy.CREATE_IF_MISSING)
    void handle(OpenWhatsAppWindow command, Clock clock) {
        if (settingsId == null || whatsAppWindowUntil == null || command.until().isAfter(whatsAppWindowUntil)) {
            apply(new WhatsAppWindowOpened(command.userId(), command.until(), clock.instant()));
        }
    }

    @CommandHandler
    @CreationPolicy(AggregateCreationPolicy.CREATE_IF_MISSING)
    void handle(MarkAllNotificationsRead command, Clock clock) {
        if (settingsId == null || readUpTo == null || command.upTo().isAfter(readUpTo)) {
            apply(new AllNotificationsRead(command.userId(), command.upTo(), clock.instant()));
        }
    }

    @EventSourcingHandler
    void on(NotificationPreferencesChanged event) {
        created(event.userId());
        preferences = event.preferences();
        version = event.version();
    }

    @EventSourcingHandler
    void on(PhoneNumberVerified event) {
        created(event.userId());
        phone = event.phone();
        optedOut.clear(); // a STOP was said from the old number
        version = event.version();
    }

    @EventSourcingHandler
    void on(WhatsAppConsentChanged event) {
        created(event.userId());
        whatsAppConsent = event.optIn();
        version = event.version();
    }

    @EventSourcingHandler
    void on(ChannelOptOutChanged event) {
        created(event.userId());
        if (event.optedOut()) {
            optedOut.add(event.channel());
        } else {
            optedOut.remove(event.channel());
        }
        version = event.version();
    }

    @EventSourcingHandler
    void on(WhatsAppWindowOpened event) {
        created(event.userId());
        whatsAppWindowUntil = event.until();
    }

    @EventSourcingHandler
    void on(AllNotificationsRead event) {
        created(event.userId());
        readUpTo = event.upTo();
    }

    private void created(UserId user) {
        if (settingsId == null) {
            settingsId = NotificationSettingsCommand.settingsIdOf(user);
            userId = user;
        }
    }
}
