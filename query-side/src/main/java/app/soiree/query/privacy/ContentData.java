package app.soiree.query.privacy;

import app.soiree.api.identity.UserId;
import app.soiree.api.report.ReportTargetType;
import app.soiree.query.privacy.PersonalData.HostedGathering;
import app.soiree.query.privacy.PersonalData.MediaEntry;
import app.soiree.query.privacy.PersonalData.MessageEntry;
import app.soiree.query.privacy.PersonalData.ReportEntry;
import app.soiree.query.privacy.PersonalData.ReviewEntry;
import java.util.List;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * What the user wrote, uploaded, reported and hosted, oldest first: chat messages (chat's read model keeps their text
 * opened with its content key, and erases it when the message is deleted and the key destroyed), media they uploaded,
 * reports of users, gatherings and messages they filed, reviews they wrote and gatherings they host. Nobody else's
 * words: a reply to another's message shows only the ids.
 */
@Component
class ContentData {

    private final JdbcClient jdbc;

    ContentData(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    List<MessageEntry> messages(UserId userId, int limit) {
        return jdbc.sql("""
                        select message_id, conversation_id, type, text, reminder_text, media_ids, created_at, edited_at, deleted, deleted_at
                        from chat_messages where sender_id = :user order by created_at, message_id limit :limit""")
                .param("user", userId.value()).param("limit", limit)
                .query((row, number) -> new MessageEntry(Rows.uuid(row, "message_id"), Rows.uuid(row, "conversation_id"), row.getString("type"),
                        row.getString("text"), row.getString("reminder_text"), Rows.uuids(row, "media_ids"), Rows.instant(row, "created_at"),
                        Rows.optionalInstant(row, "edited_at"), row.getBoolean("deleted"), Rows.optionalInstant(row, "deleted_at")))
                .list();
    }

    List<MediaEntry> media(UserId userId, int limit) {
        return jdbc.sql("""
                        select media_id, purpose, kind, content_type, status, size_bytes, uploaded_at
                        from media where uploader_id = :user order by uploaded_at, media_id limit :limit""")
                .param("user", userId.value()).param("limit", limit)
                .query((row, number) -> new MediaEntry(Rows.uuid(row, "media_id"), row.getString("purpose"), row.getString("kind"),
                        row.getString("content_type"), row.getString("status"), row.getLong("size_bytes"), Rows.instant(row, "uploaded_at")))
                .list();
    }

    /** Reports of users and gatherings, and reports of chat messages (kept apart by the chat context), in one list. */
    List<ReportEntry> reports(UserId userId, int limit) {
        return jdbc.sql("""
                        select report_id, target_type, target_id, reason, note, status, reported_at
                        from reports where reported_by = :user
                        union all
                        select report_id, cast(:message as varchar(16)), message_id, reason, note, status, reported_at
                        from chat_reports where reported_by = :user
                        order by reported_at, report_id limit :limit""")
                .param("user", userId.value()).param("message", ReportTargetType.MESSAGE.name()).param("limit", limit)
                .query((row, number) -> new ReportEntry(Rows.uuid(row, "report_id"), row.getString("target_type"), Rows.uuid(row, "target_id"),
                        row.getString("reason"), row.getString("note"), row.getString("status"), Rows.instant(row, "reported_at")))
                .list();
    }

    List<ReviewEntry> reviews(UserId userId, int limit) {
        return jdbc.sql("select gathering_id, rating, text, created_at from reviews where guest_id = :user order by created_at, gathering_id limit :limit")
                .param("user", userId.value()).param("limit", limit)
                .query((row, number) -> new ReviewEntry(Rows.uuid(row, "gathering_id"), row.getInt("rating"), row.getString("text"),
                        Rows.instant(row, "created_at")))
                .list();
    }

    List<HostedGathering> hostedGatherings(UserId userId, int limit) {
        return jdbc.sql("select id, title, status, starts_at, created_at from gatherings where host_id = :user order by created_at, id limit :limit")
                .param("user", userId.value()).param("limit", limit)
                .query((row, number) -> new HostedGathering(Rows.uuid(row, "id"), row.getString("title"), row.getString("status"),
                        Rows.instant(row, "starts_at"), Rows.instant(row, "created_at")))
                .list();
    }
}
