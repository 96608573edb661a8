package app.soiree.command.notification;

import app.soiree.api.identity.UserId;
import app.soiree.api.notification.NotificationPreferences;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;

/** The table of people to notify ({@code notification_recipients}), kept by {@link RecipientDirectory}. */
@Component
public class Recipients {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final JdbcTemplate jdbc;

    Recipients(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    public Optional<Recipient> find(UserId userId) {
        return jdbc.query("select * from notification_recipients where user_id = ?", this::recipient, userId.value()).stream().findFirst();
    }

    /** Whose verified number {@code phone} is (E.164). */
    public Optional<UserId> byPhone(String phone) {
        return jdbc.query("select user_id from notification_recipients where phone = ?",
                (rs, row) -> new UserId(rs.getObject(1, UUID.class)), phone).stream().findFirst();
    }

    /** Staff who handle support: disputes are their business too. */
    List<UserId> support() {
        return jdbc.query("select user_id from notification_recipients where roles like '%SUPPORT%'",
                (rs, row) -> new UserId(rs.getObject(1, UUID.class)));
    }

    static String json(NotificationPreferences preferences) {
        return JSON.writeValueAsString(preferences);
    }

    private Recipient recipient(ResultSet rs, int row) throws SQLException {
        String preferences = rs.getString("preferences");
        Timestamp window = rs.getTimestamp("whatsapp_window_until");
        return new Recipient(new UserId(rs.getObject("user_id", UUID.class)), rs.getString("email"), rs.getString("display_name"),
                rs.getString("roles"),
                preferences == null ? NotificationPreferences.defaults() : JSON.readValue(preferences, NotificationPreferences.class),
                rs.getLong("preference_version"), rs.getString("phone"), rs.getBoolean("sms_opted_out"),
                rs.getBoolean("whatsapp_opted_out"), rs.getBoolean("whatsapp_consent"), window == null ? null : window.toInstant());
    }
}
