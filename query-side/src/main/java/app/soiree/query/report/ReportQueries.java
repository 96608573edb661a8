package app.soiree.query.report;

import app.soiree.api.chat.MessageReportPage;
import app.soiree.api.chat.MessageReportStatus;
import app.soiree.api.chat.MessageReportSummary;
import app.soiree.api.chat.ReportReason;
import app.soiree.api.identity.UserId;
import app.soiree.api.report.FindReport;
import app.soiree.api.report.FindReports;
import app.soiree.api.report.ReportId;
import app.soiree.api.report.ReportOutcome;
import app.soiree.api.report.ReportPage;
import app.soiree.api.report.ReportStatus;
import app.soiree.api.report.ReportSummary;
import app.soiree.api.report.ReportTargetType;
import app.soiree.query.chat.MessageReportQueries;
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
import java.util.ArrayList;
import java.util.Comparator;
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
 * The one moderation queue: reports of users and gatherings from {@code reports}, and the chat's message reports,
 * merged newest first. Both are ordered by (reported at, report id) and continue after the same {@link Cursor}, so
 * one cursor pages through both: each side gives its next rows after it, and the page takes the newest of them.
 */
@Component
class ReportQueries {

    /** PostgreSQL orders uuids byte by byte, unsigned; the merge must order ties the same way, which UUID.compareTo does not. */
    static final Comparator<UUID> DATABASE_UUID_ORDER = Comparator.<UUID>comparingLong(id -> id.getMostSignificantBits() ^ Long.MIN_VALUE)
            .thenComparingLong(id -> id.getLeastSignificantBits() ^ Long.MIN_VALUE);
    static final Comparator<ReportSummary> NEWEST_FIRST = Comparator.comparing(ReportSummary::reportedAt)
            .thenComparing(summary -> summary.reportId().value(), DATABASE_UUID_ORDER).reversed();

    private static final String REPORT = """
            select report_id, target_type, target_id, subject_id, reported_by, reason, note, reported_at, status, outcome, handled_by,
                   handling_note, handled_at
            from reports""";

    private final NamedParameterJdbcTemplate jdbc;
    private final MessageReportQueries messageReports;
    private final DisplayNames displayNames;
    private final GatheringCards gatheringCards;

    ReportQueries(NamedParameterJdbcTemplate jdbc, MessageReportQueries messageReports, DisplayNames displayNames,
                  GatheringCards gatheringCards) {
        this.jdbc = jdbc;
        this.messageReports = messageReports;
        this.displayNames = displayNames;
        this.gatheringCards = gatheringCards;
    }

    @QueryHandler
    ReportPage handle(FindReports query) {
        int limit = PageLimit.clamped(query.limit());
        List<ReportSummary> merged = new ArrayList<>();
        boolean messagesContinue = false;
        if (query.targetType() == null || query.targetType() == ReportTargetType.MESSAGE) {
            MessageReportPage messages = messageReports.page(query.status() == null ? null : MessageReportStatus.valueOf(query.status().name()),
                    limit, query.cursor());
            messages.items().forEach(message -> merged.add(ofMessage(message)));
            messagesContinue = messages.nextCursor() != null;
        }
        if (query.targetType() != ReportTargetType.MESSAGE) {
            merged.addAll(summaries(userAndGatheringReports(query, limit)));
        }
        merged.sort(NEWEST_FIRST);
        // Each side gave at most a page and one more row; what is left out of this page, or a side that has more, follows.
        if (merged.size() <= limit && !messagesContinue) {
            return new ReportPage(List.copyOf(merged), null);
        }
        List<ReportSummary> items = List.copyOf(merged.subList(0, Math.min(limit, merged.size())));
        ReportSummary last = items.getLast();
        return new ReportPage(items, new Cursor(last.reportedAt(), last.reportId().value()).encode());
    }

    @QueryHandler
    @Nullable ReportSummary handle(FindReport query) {
        List<Row> found = jdbc.query(REPORT + " where report_id = :id", new MapSqlParameterSource("id", query.reportId().value()),
                ReportQueries::row);
        if (!found.isEmpty()) {
            return summaries(found).getFirst();
        }
        MessageReportSummary message = messageReports.summary(query.reportId().value());
        return message == null ? null : ofMessage(message);
    }

    private List<Row> userAndGatheringReports(FindReports query, int limit) {
        Cursor before = Cursor.decode(query.cursor());
        StringBuilder sql = new StringBuilder(REPORT).append(" where true");
        MapSqlParameterSource parameters = new MapSqlParameterSource("rows", KeysetPage.rowsToFetch(limit));
        if (query.status() != null) {
            sql.append(" and status = :status");
            parameters.addValue("status", query.status().name());
        }
        if (query.targetType() != null) {
            sql.append(" and target_type = :type");
            parameters.addValue("type", query.targetType().name());
        }
        if (before != null) {
            sql.append(" and (reported_at, report_id) < (:at, :id)");
            parameters.addValue("at", Timestamp.from(before.at())).addValue("id", before.id());
        }
        sql.append(" order by reported_at desc, report_id desc limit :rows");
        return jdbc.query(sql.toString(), parameters, ReportQueries::row);
    }

    /** The rows with the names of everyone in them and the titles of their gatherings, as they are now. */
    private List<ReportSummary> summaries(List<Row> rows) {
        Set<UUID> people = new HashSet<>();
        rows.forEach(row -> Stream.of(row.subjectId(), row.reportedBy(), row.handledBy()).filter(Objects::nonNull).forEach(people::add));
        Map<UUID, String> names = displayNames.of(people);
        Map<UUID, GatheringCard> gatherings = gatheringCards.of(rows.stream()
                .filter(row -> row.targetType() == ReportTargetType.GATHERING).map(Row::targetId).toList());
        return rows.stream().map(row -> {
            GatheringCard gathering = gatherings.get(row.targetId());
            String targetLabel = row.targetType() == ReportTargetType.USER ? names.get(row.targetId())
                    : gathering == null ? null : gathering.title();
            return new ReportSummary(new ReportId(row.reportId()), row.targetType(), row.targetId(), targetLabel,
                    new UserId(row.subjectId()), names.get(row.subjectId()), new UserId(row.reportedBy()), names.get(row.reportedBy()),
                    row.reason(), row.note(), row.reportedAt(), row.status(), row.outcome(), row.handledAt(),
                    row.handledBy() == null ? null : new UserId(row.handledBy()), row.handledBy() == null ? null : names.get(row.handledBy()),
                    row.handlingNote(), null);
        }).toList();
    }

    /** A message report in the one queue: about the message's sender, labelled with its text (none once deleted). */
    static ReportSummary ofMessage(MessageReportSummary message) {
        ReportOutcome outcome = message.handledBecause() == null ? null : switch (message.handledBecause()) {
            case MESSAGE_DELETED -> ReportOutcome.MESSAGE_DELETED;
            case AUTHOR_BANNED -> ReportOutcome.AUTHOR_BANNED;
        };
        return new ReportSummary(new ReportId(message.reportId()), ReportTargetType.MESSAGE, message.messageId().value(),
                message.messageDeleted() ? null : message.text(), message.authorId(), message.authorName(), message.reportedBy(),
                message.reporterName(), message.reason(), message.note(), message.reportedAt(), ReportStatus.valueOf(message.status().name()),
                outcome, message.handledAt(), null, null, null, message);
    }

    private static Row row(ResultSet row, int index) throws SQLException {
        String outcome = row.getString("outcome");
        Timestamp handledAt = row.getTimestamp("handled_at");
        return new Row(row.getObject("report_id", UUID.class), ReportTargetType.valueOf(row.getString("target_type")),
                row.getObject("target_id", UUID.class), row.getObject("subject_id", UUID.class), row.getObject("reported_by", UUID.class),
                ReportReason.valueOf(row.getString("reason")), row.getString("note"), row.getTimestamp("reported_at").toInstant(),
                ReportStatus.valueOf(row.getString("status")), outcome == null ? null : ReportOutcome.valueOf(outcome),
                row.getObject("handled_by", UUID.class), row.getString("handling_note"), handledAt == null ? null : handledAt.toInstant());
    }

    private record Row(UUID reportId, ReportTargetType targetType, UUID targetId, UUID subjectId, UUID reportedBy, ReportReason reason,
                       @Nullable String note, Instant reportedAt, ReportStatus status, @Nullable ReportOutcome outcome,
                       @Nullable UUID handledBy, @Nullable String handlingNote, @Nullable Instant handledAt) {
    }
}
