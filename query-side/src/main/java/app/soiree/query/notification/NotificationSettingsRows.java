package app.soiree.query.notification;

import app.soiree.api.identity.UserId;
import app.soiree.api.notification.NotificationChannel;
import app.soiree.api.notification.NotificationPreferences;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.EnumMap;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Component;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/** A user's notification settings as they read them; the defaults for whoever never changed any. */
@Component
class NotificationSettingsRows {

    private static final TypeReference<Map<NotificationChannel, Boolean>> OPTED_OUT = new TypeReference<>() {
    };

    private final NamedParameterJdbcTemplate jdbc;
    private final JsonMapper json;

    NotificationSettingsRows(NamedParameterJdbcTemplate jdbc, JsonMapper json) {
        this.jdbc = jdbc;
        this.json = json;
    }

    NotificationPreferencesView preferences(UserId userId) {
        return jdbc.query("select * from notification_settings where user_id = :user", new MapSqlParameterSource("user", userId.value()),
                        this::view).stream().findFirst()
                .orElseGet(() -> view(NotificationPreferences.defaults(), 0, null, false, Map.of(), null));
    }

    private NotificationPreferencesView view(ResultSet row, int number) throws SQLException {
        String stored = row.getString("preferences");
        NotificationPreferences preferences = stored == null ? NotificationPreferences.defaults()
                : json.readValue(stored, NotificationPreferences.class);
        Map<NotificationChannel, Boolean> optedOut = new EnumMap<>(NotificationChannel.class);
        json.readValue(row.getString("opted_out"), OPTED_OUT).forEach((channel, out) -> {
            if (Boolean.TRUE.equals(out)) {
                optedOut.put(channel, true);
            }
        });
        return view(preferences, row.getLong("version"), row.getString("phone_masked"), row.getBoolean("whatsapp_consent"), optedOut,
                NotificationRows.optional(row, "whatsapp_window_until"));
    }

    private static NotificationPreferencesView view(NotificationPreferences preferences, long version, @Nullable String phone,
                                                    boolean whatsappConsent, Map<NotificationChannel, Boolean> optedOut,
                                                    @Nullable Instant windowUntil) {
        return new NotificationPreferencesView(preferences.timezone(), preferences.quietHours(), preferences.channels(),
                preferences.categories(), preferences.language(), version, new NotificationPreferencesView.Phone(phone, phone != null),
                whatsappConsent, Map.copyOf(optedOut), windowUntil);
    }
}
