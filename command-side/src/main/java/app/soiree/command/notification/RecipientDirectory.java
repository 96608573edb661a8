package app.soiree.command.notification;

import app.soiree.api.identity.PersonalData;
import app.soiree.api.identity.PersonalDataErased;
import app.soiree.api.identity.ProfileChanged;
import app.soiree.api.identity.Role;
import app.soiree.api.identity.StaffRolesChanged;
import app.soiree.api.identity.UserRegistered;
import app.soiree.api.notification.ChannelOptOutChanged;
import app.soiree.api.notification.NotificationChannel;
import app.soiree.api.notification.NotificationPreferencesChanged;
import app.soiree.api.notification.PhoneNumberVerified;
import app.soiree.api.notification.WhatsAppConsentChanged;
import app.soiree.api.notification.WhatsAppWindowOpened;
import java.sql.Timestamp;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Keeps {@code notification_recipients}: who people are and what they chose. In the planner's processing group, so a
 * notification is decided under the preferences as they stood when its trigger happened. Every write is an idempotent
 * upsert: redelivered events leave the same row.
 */
@Component
@ProcessingGroup(NotificationPlanner.PROCESSING_GROUP)
class RecipientDirectory {

    private final JdbcTemplate jdbc;

    RecipientDirectory(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    @EventHandler
    void on(UserRegistered event) {
        jdbc.update("""
                insert into notification_recipients (user_id, email, display_name, roles) values (?, ?, ?, ?)
                on conflict (user_id) do update set email = excluded.email, display_name = excluded.display_name, roles = excluded.roles
                """, event.userId().value(), StorableText.of(address(event.email())), StorableText.of(event.displayName()),
                roles(event.roles()));
    }

    /**
     * An erased user keeps a row (their id, roles and settings) without an address, a number or a name, so nothing
     * reaches them any more; what the simulated senders kept of messages to them goes too, and the messages they sent
     * others that name them ("Ben follows you") read {@link PersonalData#ERASED} instead (by the name they have now: the
     * outbox is a development tool and keeps no record of whom a message named).
     */
    @EventHandler
    void on(PersonalDataErased event) {
        jdbc.update("""
                delete from dev_outbox where recipient in (
                    select email from notification_recipients where user_id = ? and email is not null
                    union select phone from notification_recipients where user_id = ? and phone is not null)
                """, event.userId().value(), event.userId().value());
        jdbc.update("""
                update dev_outbox o set subject = replace(o.subject, r.display_name, ?), body = replace(o.body, r.display_name, ?)
                from notification_recipients r
                where r.user_id = ? and r.display_name not in ('', ?)
                  and (strpos(o.subject, r.display_name) > 0 or strpos(o.body, r.display_name) > 0)
                """, PersonalData.ERASED, PersonalData.ERASED, event.userId().value(), PersonalData.ERASED);
        jdbc.update("update notification_recipients set email = null, phone = null, display_name = ? where user_id = ?",
                PersonalData.ERASED, event.userId().value());
    }

    /** A registration read after its owner's erasure carries no address, and nothing is sent to "[erased]". */
    private static @Nullable String address(String email) {
        return PersonalData.ERASED.equals(email) ? null : email;
    }

    @EventHandler
    void on(ProfileChanged event) {
        jdbc.update("update notification_recipients set display_name = ? where user_id = ?", StorableText.of(event.displayName()),
                event.userId().value());
    }

    @EventHandler
    void on(StaffRolesChanged event) {
        jdbc.update("update notification_recipients set roles = ? where user_id = ?", roles(event.roles()), event.userId().value());
    }

    @EventHandler
    void on(NotificationPreferencesChanged event) {
        ensure(event.userId().value());
        jdbc.update("update notification_recipients set preferences = ?, preference_version = greatest(preference_version, ?) where user_id = ?",
                Recipients.json(event.preferences()), event.version(), event.userId().value());
    }

    @EventHandler
    void on(PhoneNumberVerified event) {
        ensure(event.userId().value());
        jdbc.update("""
                update notification_recipients set phone = ?, sms_opted_out = false, whatsapp_opted_out = false, whatsapp_window_until = null,
                    preference_version = greatest(preference_version, ?) where user_id = ?
                """, event.phone(), event.version(), event.userId().value());
    }

    @EventHandler
    void on(WhatsAppConsentChanged event) {
        ensure(event.userId().value());
        jdbc.update("update notification_recipients set whatsapp_consent = ?, preference_version = greatest(preference_version, ?) where user_id = ?",
                event.optIn(), event.version(), event.userId().value());
    }

    @EventHandler
    void on(ChannelOptOutChanged event) {
        ensure(event.userId().value());
        String column = event.channel() == NotificationChannel.WHATSAPP ? "whatsapp_opted_out" : "sms_opted_out";
        jdbc.update("update notification_recipients set " + column + " = ?, preference_version = greatest(preference_version, ?) where user_id = ?",
                event.optedOut(), event.version(), event.userId().value());
    }

    @EventHandler
    void on(WhatsAppWindowOpened event) {
        ensure(event.userId().value());
        jdbc.update("update notification_recipients set whatsapp_window_until = greatest(whatsapp_window_until, ?) where user_id = ?",
                Timestamp.from(event.until()), event.userId().value());
    }

    /** Settings of someone registered before notifications existed: their row appears with the first setting. */
    private void ensure(UUID userId) {
        jdbc.update("insert into notification_recipients (user_id, display_name) values (?, '') on conflict do nothing", userId);
    }

    private static String roles(Set<Role> roles) {
        return String.join(",", new TreeSet<>(roles.stream().map(Role::name).toList()));
    }
}
