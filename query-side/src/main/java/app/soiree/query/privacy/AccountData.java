package app.soiree.query.privacy;

import app.soiree.api.identity.UserId;
import app.soiree.api.notification.NotificationPreferences;
import app.soiree.api.social.PrivacySettings;
import app.soiree.query.privacy.PersonalData.NotificationSettings;
import app.soiree.query.privacy.PersonalData.Profile;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Arrays;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/**
 * Who the user is and what they chose: the profile (identity's {@code user_profiles}), their privacy settings (social's
 * {@code privacy_settings}) and how they want to be reached (notification's {@code notification_settings}). Settings
 * never changed are exported as the defaults that apply to them.
 */
@Component
class AccountData {

    private static final TypeReference<Map<String, Boolean>> OPTED_OUT = new TypeReference<>() {
    };

    private final JdbcClient jdbc;
    private final JsonMapper json;

    AccountData(JdbcClient jdbc, JsonMapper json) {
        this.jdbc = jdbc;
        this.json = json;
    }

    Optional<Profile> profile(UserId userId) {
        PrivacySettings privacy = jdbc.sql("""
                        select approve_followers, followers_visible, following_visible from privacy_settings where user_id = :user""")
                .param("user", userId.value())
                .query((row, number) -> new PrivacySettings(row.getBoolean("approve_followers"), row.getBoolean("followers_visible"),
                        row.getBoolean("following_visible")))
                .optional().orElse(PrivacySettings.DEFAULTS);
        return jdbc.sql("""
                        select display_name, email, phone, host_bio, avatar_media_id, roles, registered_at
                        from user_profiles where user_id = :user""")
                .param("user", userId.value())
                .query((row, number) -> new Profile(row.getString("display_name"), row.getString("email"), row.getString("phone"),
                        row.getString("host_bio"), Rows.optionalUuid(row, "avatar_media_id"),
                        Arrays.stream(row.getString("roles").split(",")).filter(role -> !role.isBlank()).toList(),
                        Rows.instant(row, "registered_at"), privacy))
                .optional();
    }

    NotificationSettings notificationSettings(UserId userId) {
        return jdbc.sql("select * from notification_settings where user_id = :user")
                .param("user", userId.value())
                .query(this::settingsOf)
                .optional()
                .orElseGet(() -> new NotificationSettings(NotificationPreferences.defaults(), null, null, false, Map.of(), null));
    }

    private NotificationSettings settingsOf(ResultSet row, int number) throws SQLException {
        String stored = row.getString("preferences");
        NotificationPreferences preferences = stored == null ? NotificationPreferences.defaults()
                : json.readValue(stored, NotificationPreferences.class);
        return new NotificationSettings(preferences, row.getString("phone_masked"), Rows.optionalInstant(row, "phone_verified_at"),
                row.getBoolean("whatsapp_consent"), new TreeMap<>(json.readValue(row.getString("opted_out"), OPTED_OUT)),
                Rows.instant(row, "updated_at"));
    }
}
