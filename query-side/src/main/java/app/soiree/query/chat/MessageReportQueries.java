package app.soiree.query.chat;

import app.soiree.api.chat.ChatMessageSummary;
import app.soiree.api.chat.ConversationId;
import app.soiree.api.chat.ConversationKind;
import app.soiree.api.chat.FindMessageReport;
import app.soiree.api.chat.FindMessageReports;
import app.soiree.api.chat.MessageId;
import app.soiree.api.chat.MessageReportPage;
import app.soiree.api.chat.MessageReportStatus;
import app.soiree.api.chat.MessageReportSummary;
import app.soiree.api.chat.MessageReportView;
import app.soiree.api.chat.MessageType;
import app.soiree.api.chat.ReportHandling;
import app.soiree.api.chat.ReportReason;
import app.soiree.api.identity.UserId;
import app.soiree.query.gathering.GatheringCard;
import app.soiree.query.gathering.GatheringCards;
import app.soiree.query.identity.DisplayNames;
import app.soiree.query.paging.Cursor;
import app.soiree.query.paging.KeysetPage;
import app.soiree.query.paging.PageLimit;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Stream;
import org.axonframework.queryhandling.QueryHandler;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * The console's moderation queue of messages: reports newest first, each with the reported message as it is now
 * (no text once deleted), and one report with the messages around the reported one. The one queue of every kind
 * ({@code report}) reads its message reports from here, paged by the same cursor.
 */
@Component
public class MessageReportQueries {

    private static final String REPORT = """
            select r.report_id, r.conversation_id, c.kind, c.title, c.gathering_id, r.message_id, x.type, x.text, coalesce(x.deleted, false) as deleted,
                   r.author_id, r.reported_by, r.reason, r.note, r.reported_at, r.status, r.handled_because, r.handled_at, x.seq
            from chat_reports r
            join chat_conversations c on c.conversation_id = r.conversation_id
            left join chat_messages x on x.message_id = r.message_id""";

    private final NamedParameterJdbcTemplate jdbc;
    private final MessageRows messages;
    private final DisplayNames displayNames;
    private final GatheringCards gatheringCards;

    MessageReportQueries(NamedParameterJdbcTemplate jdbc, MessageRows messages, DisplayNames displayNames, GatheringCards gatheringCards) {
        this.jdbc = jdbc;
        this.messages = messages;
        this.displayNames = displayNames;
        this.gatheringCards = gatheringCards;
    }

    @QueryHandler
    MessageReportPage handle(FindMessageReports query) {
        int limit = PageLimit.clamped(query.limit());
        Cursor before = Cursor.decode(query.cursor());
        StringBuilder sql = new StringBuilder(REPORT).append(" where true");
        MapSqlParameterSource parameters = new MapSqlParameterSource("rows", KeysetPage.rowsToFetch(limit));
        if (query.status() != null) {
            sql.append(" and r.status = :status");
            parameters.addValue("status", query.status().name());
        }
        if (before != null) {
            sql.append(" and (r.reported_at, r.report_id) < (:at, :id)");
            parameters.addValue("at", Timestamp.from(before.at())).addValue("id", before.id());
        }
        sql.append(" order by r.reported_at desc, r.report_id desc limit :rows");
        List<Row> rows = jdbc.query(sql.toString(), parameters, MessageReportQueries::row);
        KeysetPage<Row> page = KeysetPage.of(rows, limit, row -> new Cursor(row.reportedAt(), row.reportId()));
        Map<UUID, String> names = displayNames.of(people(page.items()));
        Map<UUID, String> titles = titles(page.items());
        return new MessageReportPage(page.items().stream().map(row -> row.summary(names, titles)).toList(), page.nextCursor());
    }

    /** A page of the message reports, newest first, continuing after {@code cursor} (a {@link Cursor} of time and report id). */
    public MessageReportPage page(@Nullable MessageReportStatus status, int limit, @Nullable String cursor) {
        return handle(new FindMessageReports(status, limit, cursor));
    }

    /** One message report as the queue shows it, without the messages around it; null when there is none. */
    public @Nullable MessageReportSummary summary(UUID reportId) {
        List<Row> found = jdbc.query(REPORT + " where r.report_id = :id", new MapSqlParameterSource("id", reportId), MessageReportQueries::row);
        if (found.isEmpty()) {
            return null;
        }
        return found.getFirst().summary(displayNames.of(people(found)), titles(found));
    }

    @QueryHandler
    @Nullable MessageReportView handle(FindMessageReport query) {
        List<Row> found = jdbc.query(REPORT + " where r.report_id = :id", new MapSqlParameterSource("id", query.reportId()),
                MessageReportQueries::row);
        if (found.isEmpty()) {
            return null;
        }
        Row report = found.getFirst();
        List<MessageRow> context = report.seq() == null ? List.of()
                : messages.around(report.conversationId(), report.seq(), FindMessageReport.CONTEXT_EACH_SIDE);
        Set<UUID> people = new HashSet<>(people(List.of(report)));
        context.stream().map(MessageRow::senderId).filter(Objects::nonNull).forEach(people::add);
        Map<UUID, String> names = displayNames.of(people);
        return new MessageReportView(report.summary(names, titles(List.of(report))), context.stream()
                .map(message -> new ChatMessageSummary(new MessageId(message.messageId()), message.seq(),
                        message.senderId() == null ? null : new UserId(message.senderId()),
                        message.senderId() == null ? null : names.get(message.senderId()), message.type(), message.text(), message.deleted(),
                        message.createdAt()))
                .toList());
    }

    /** Each conversation's title by its id: a group's own, a gathering's from its card; a direct conversation has none. */
    private Map<UUID, String> titles(List<Row> rows) {
        Map<UUID, GatheringCard> cards = gatheringCards.of(rows.stream().map(Row::gatheringId).filter(Objects::nonNull).toList());
        Map<UUID, String> titles = new HashMap<>();
        for (Row row : rows) {
            GatheringCard card = row.gatheringId() == null ? null : cards.get(row.gatheringId());
            String title = switch (row.kind()) {
                case GROUP -> row.title();
                case GATHERING -> card == null ? null : card.title();
                case DIRECT -> null;
            };
            if (title != null) {
                titles.put(row.conversationId(), title);
            }
        }
        return titles;
    }

    private static Set<UUID> people(List<Row> rows) {
        Set<UUID> people = new HashSet<>();
        rows.forEach(row -> Stream.of(row.authorId(), row.reportedBy()).filter(Objects::nonNull).forEach(people::add));
        return people;
    }

    private static Row row(ResultSet row, int index) throws SQLException {
        String type = row.getString("type");
        String handledBecause = row.getString("handled_because");
        long seq = row.getLong("seq");
        Long seqOrNull = row.wasNull() ? null : seq;
        return new Row(row.getObject("report_id", UUID.class), row.getObject("conversation_id", UUID.class),
                ConversationKind.valueOf(row.getString("kind")), row.getString("title"), row.getObject("gathering_id", UUID.class),
                row.getObject("message_id", UUID.class), type == null ? null : MessageType.valueOf(type), row.getString("text"),
                row.getBoolean("deleted"),
                row.getObject("author_id", UUID.class), row.getObject("reported_by", UUID.class), ReportReason.valueOf(row.getString("reason")),
                row.getString("note"), Instants.required(row, "reported_at"), MessageReportStatus.valueOf(row.getString("status")),
                handledBecause == null ? null : ReportHandling.valueOf(handledBecause), Instants.optional(row, "handled_at"), seqOrNull);
    }

    private record Row(UUID reportId, UUID conversationId, ConversationKind kind, @Nullable String title, @Nullable UUID gatheringId,
                       UUID messageId, @Nullable MessageType type, @Nullable String text, boolean deleted, @Nullable UUID authorId,
                       UUID reportedBy, ReportReason reason,
                       @Nullable String note, Instant reportedAt, MessageReportStatus status, @Nullable ReportHandling handledBecause,
                       @Nullable Instant handledAt, @Nullable Long seq) {

        MessageReportSummary summary(Map<UUID, String> names, Map<UUID, String> titles) {
            return new MessageReportSummary(reportId, new ConversationId(conversationId), kind, titles.get(conversationId),
                    new MessageId(messageId), type, text, deleted, authorId == null ? null : new UserId(authorId),
                    authorId == null ? null : names.get(authorId), new UserId(reportedBy), names.get(reportedBy), reason, note, reportedAt,
                    status, handledBecause, handledAt);
        }
    }
}
