package app.soiree.query.privacy;

import app.soiree.api.identity.UserId;
import app.soiree.query.privacy.PersonalData.NotificationEntry;
import java.util.List;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Every notification the platform made for the user, from the notification read model, oldest first: also those not
 * shown yet ({@code shownAt} null) and those withdrawn, since the platform holds them all the same.
 */
@Component
class NotificationData {

    private final JdbcClient jdbc;

    NotificationData(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    List<NotificationEntry> received(UserId userId, int limit) {
        return jdbc.sql("""
                        select notification_id, category, kind, title, body, link, created_at, visible_at, read_at, withdrawn
                        from notifications where recipient_id = :user order by created_at, notification_id limit :limit""")
                .param("user", userId.value()).param("limit", limit)
                .query((row, number) -> new NotificationEntry(Rows.uuid(row, "notification_id"), row.getString("category"),
                        row.getString("kind"), row.getString("title"), row.getString("body"), row.getString("link"),
                        Rows.instant(row, "created_at"), Rows.optionalInstant(row, "visible_at"), Rows.optionalInstant(row, "read_at"),
                        row.getBoolean("withdrawn")))
                .list();
    }
}
