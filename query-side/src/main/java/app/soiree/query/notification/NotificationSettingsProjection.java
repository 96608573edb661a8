package app.soiree.query.notification;

import app.soiree.api.identity.PersonalDataErased;
import app.soiree.api.notification.AllNotificationsRead;
import app.soiree.api.notification.ChannelOptOutChanged;
import app.soiree.api.notification.NotificationPreferencesChanged;
import app.soiree.api.notification.PhoneNumberVerified;
import app.soiree.api.notification.WhatsAppConsentChanged;
import app.soiree.api.notification.WhatsAppWindowOpened;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.UUID;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ReplayStatus;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;

/**
 * Keeps {@code notification_settings} in step with each user's settings events, and applies "read all" to their inbox.
 * The versioned events each carry the version they make; one applies only over an older or equal version, so a
 * redelivered event changes nothing. The number is kept masked only. In the same processing group as the notifications, so that "read all"
 * and the notifications it covers are applied in stream order.
 */
@Component
@ProcessingGroup(NotificationProjection.PROCESSING_GROUP)
class NotificationSettingsProjection {

    private static final String NEWER_OR_SAME = " where notification_settings.version <= excluded.version";

    private final NamedParameterJdbcTemplate jdbc;
    private final JsonMapper json;
    private final InboxPushes pushes;

    NotificationSettingsProjection(NamedParameterJdbcTemplate jdbc, JsonMapper json, InboxPushes pushes) {
        this.jdbc = jdbc;
        this.json = json;
        this.pushes = pushes;
    }

    @EventHandler
    void on(NotificationPreferencesChanged event) {
        jdbc.update("""
                        insert into notification_settings (user_id, preferences, version, updated_at)
                        values (:user, cast(:preferences as jsonb), :version, :at)
                        on conflict (user_id) do update set preferences = excluded.preferences, version = excluded.version,
                                                            updated_at = excluded.updated_at""" + NEWER_OR_SAME,
                parameters(event.userId().value(), event.version(), event.at())
                        .addValue("preferences", json.writeValueAsString(event.preferences())));
    }

    /** A new number clears the opt-outs of the one before. */
    @EventHandler
    void on(PhoneNumberVerified event) {
        jdbc.update("""
                        insert into notification_settings (user_id, phone_masked, phone_verified_at, version, updated_at)
                        values (:user, :phone, :at, :version, :at)
                        on conflict (user_id) do update set phone_masked = excluded.phone_masked, phone_verified_at = excluded.phone_verified_at,
                                                            opted_out = '{}', version = excluded.version, updated_at = excluded.updated_at"""
                        + NEWER_OR_SAME,
                parameters(event.userId().value(), event.version(), event.at()).addValue("phone", PhoneMask.mask(event.phone())));
    }

    @EventHandler
    void on(WhatsAppConsentChanged event) {
        jdbc.update("""
                        insert into notification_settings (user_id, whatsapp_consent, version, updated_at)
                        values (:user, :optIn, :version, :at)
                        on conflict (user_id) do update set whatsapp_consent = excluded.whatsapp_consent, version = excluded.version,
                                                            updated_at = excluded.updated_at""" + NEWER_OR_SAME,
                parameters(event.userId().value(), event.version(), event.at()).addValue("optIn", event.optIn()));
    }

    @EventHandler
    void on(ChannelOptOutChanged event) {
        jdbc.update("""
                        insert into notification_settings (user_id, opted_out, version, updated_at)
                        values (:user, jsonb_build_object(cast(:channel as text), cast(:optedOut as boolean)), :version, :at)
                        on conflict (user_id) do update set opted_out = notification_settings.opted_out || excluded.opted_out,
                                                            version = excluded.version, updated_at = excluded.updated_at""" + NEWER_OR_SAME,
                parameters(event.userId().value(), event.version(), event.at()).addValue("channel", event.channel().name())
                        .addValue("optedOut", event.optedOut()));
    }

    /** Unversioned: the window only ever reaches further. */
    @EventHandler
    void on(WhatsAppWindowOpened event) {
        jdbc.update("""
                        insert into notification_settings (user_id, whatsapp_window_until, updated_at) values (:user, :until, :at)
                        on conflict (user_id) do update
                        set whatsapp_window_until = greatest(notification_settings.whatsapp_window_until, excluded.whatsapp_window_until)""",
                new MapSqlParameterSource("user", event.userId().value()).addValue("until", Timestamp.from(event.until()))
                        .addValue("at", Timestamp.from(event.at())));
    }

    /**
     * Everything that reached the inbox up to {@code upTo} is read (what was planned before but shown after is not: the
     * user cannot have seen it). The moment is kept, for a notification shown by then whose event is applied later.
     */
    @EventHandler
    void on(AllNotificationsRead event, ReplayStatus replay) {
        MapSqlParameterSource parameters = new MapSqlParameterSource("user", event.userId().value())
                .addValue("upTo", Timestamp.from(event.upTo())).addValue("at", Timestamp.from(event.at()));
        jdbc.update("""
                insert into notification_settings (user_id, all_read_up_to, all_read_at, updated_at) values (:user, :upTo, :at, :at)
                on conflict (user_id) do update
                set all_read_at = case when notification_settings.all_read_up_to is null
                                         or notification_settings.all_read_up_to <= excluded.all_read_up_to
                                       then excluded.all_read_at else notification_settings.all_read_at end,
                    all_read_up_to = greatest(notification_settings.all_read_up_to, excluded.all_read_up_to)""", parameters);
        int read = jdbc.update("""
                update notifications set read_at = :at
                where recipient_id = :user and read_at is null and not withdrawn and visible_at is not null and visible_at <= :upTo""",
                parameters);
        if (read > 0 && !replay.isReplay()) {
            pushes.unreadMoved(event.userId());
        }
    }

    private static MapSqlParameterSource parameters(UUID userId, long version, Instant at) {
        return new MapSqlParameterSource("user", userId).addValue("version", version).addValue("at", Timestamp.from(at));
    }

    /** An erased user's settings keep their choices but not the number they verified. */
    @EventHandler
    void on(PersonalDataErased event) {
        jdbc.update("update notification_settings set phone_masked = null where user_id = :user",
                new MapSqlParameterSource("user", event.userId().value()));
    }
}
