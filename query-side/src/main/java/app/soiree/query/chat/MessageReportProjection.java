package app.soiree.query.chat;

import app.soiree.api.chat.MemberBanned;
import app.soiree.api.chat.MessageDeleted;
import app.soiree.api.chat.MessageReportStatus;
import app.soiree.api.chat.MessageReported;
import app.soiree.api.chat.ReportHandling;
import app.soiree.api.identity.PersonalDataErased;
import java.sql.Timestamp;
import java.time.Instant;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * The moderation queue. A report is settled by what settles it in the stream: its message deleted,
 * or its author banned from the conversation; a report of a message that is already so is settled
 * from the start. Reports are keyed by their id and only ever move from open to handled, so a
 * redelivered event changes nothing.
 */
@Component
@ProcessingGroup(ConversationProjection.PROCESSING_GROUP)
class MessageReportProjection {

    private final NamedParameterJdbcTemplate jdbc;

    MessageReportProjection(NamedParameterJdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    @EventHandler
    void on(MessageReported event) {
        jdbc.update("""
                        insert into chat_reports (report_id, conversation_id, message_id, reported_by, author_id, reason, note, reported_at,
                                                  status, handled_because, handled_at)
                        values (:id, :conversation, :message, :reportedBy, :author, :reason, :note, :at, :open, null, null)
                        on conflict (report_id) do nothing""",
                new MapSqlParameterSource("id", event.reportId()).addValue("conversation", event.conversationId().value())
                        .addValue("message", event.messageId().value()).addValue("reportedBy", event.reportedBy().value())
                        .addValue("author", event.author() == null ? null : event.author().value())
                        .addValue("reason", event.reason().name()).addValue("note", event.note()).addValue("at", Timestamp.from(event.at()))
                        .addValue("open", MessageReportStatus.OPEN.name()));
        handle("""
                        report_id = :report and exists (select 1 from chat_messages x where x.message_id = chat_reports.message_id and x.deleted)""",
                new MapSqlParameterSource("report", event.reportId()), ReportHandling.MESSAGE_DELETED, event.at());
        handle("""
                        report_id = :report and exists (select 1 from chat_bans b where b.conversation_id = chat_reports.conversation_id
                                                         and b.user_id = chat_reports.author_id and (b.until is null or b.until > :at))""",
                new MapSqlParameterSource("report", event.reportId()).addValue("at", Timestamp.from(event.at())),
                ReportHandling.AUTHOR_BANNED, event.at());
    }

    @EventHandler
    void on(MessageDeleted event) {
        handle("message_id = :message", new MapSqlParameterSource("message", event.messageId().value()), ReportHandling.MESSAGE_DELETED,
                event.at());
    }

    @EventHandler
    void on(MemberBanned event) {
        handle("conversation_id = :conversation and author_id = :author",
                new MapSqlParameterSource("conversation", event.conversationId().value()).addValue("author", event.userId().value()),
                ReportHandling.AUTHOR_BANNED, event.at());
    }

    /** Settles the open reports {@code which} selects. */
    private void handle(String which, MapSqlParameterSource parameters, ReportHandling because, Instant at) {
        jdbc.update("update chat_reports set status = :handled, handled_because = :because, handled_at = :handledAt "
                        + "where status = :open and " + which,
                parameters.addValue("handled", MessageReportStatus.HANDLED.name()).addValue("open", MessageReportStatus.OPEN.name())
                        .addValue("because", because.name()).addValue("handledAt", Timestamp.from(at)));
    }

    /** The notes an erased user wrote when reporting messages go; the reports stay in the moderation history. */
    @EventHandler
    void on(PersonalDataErased event) {
        jdbc.update("update chat_reports set note = null where reported_by = :user", new MapSqlParameterSource("user", event.userId().value()));
    }
}
