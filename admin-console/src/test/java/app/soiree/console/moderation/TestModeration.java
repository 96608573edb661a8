package app.soiree.console.moderation;

import app.soiree.api.chat.BanMember;
import app.soiree.api.chat.ChatMessageSummary;
import app.soiree.api.chat.ConversationId;
import app.soiree.api.chat.ConversationKind;
import app.soiree.api.chat.DeleteMessage;
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
import app.soiree.api.error.ErrorCode;
import app.soiree.api.identity.UserId;
import app.soiree.api.report.DismissReport;
import app.soiree.api.report.FindReport;
import app.soiree.api.report.FindReports;
import app.soiree.api.report.ReportId;
import app.soiree.api.report.ReportOutcome;
import app.soiree.api.report.ReportPage;
import app.soiree.api.report.ReportStatus;
import app.soiree.api.report.ReportSummary;
import app.soiree.api.report.ReportTargetType;
import app.soiree.api.report.ResolveReport;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Predicate;
import org.axonframework.commandhandling.CommandExecutionException;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.messaging.MetaData;
import org.axonframework.queryhandling.QueryHandler;
import org.jspecify.annotations.Nullable;

/**
 * Reports as the platform answers the console about them on Axon's buses: the one queue of every kind paged by cursor,
 * one message report with its context, one user or gathering report, and support's delete, ban, dismiss and resolve,
 * which settle reports as the command and query sides together would. The platform can be told to refuse every action
 * with a code.
 */
public class TestModeration {

    public static final Instant T0 = Instant.parse("2026-12-01T10:00:00Z");
    public static final UserId OWNER = new UserId(UUID.fromString("0a000000-0000-4000-8000-000000000001"));
    public static final UserId SENDER = new UserId(UUID.fromString("0a000000-0000-4000-8000-000000000002"));
    public static final UserId HOST = new UserId(UUID.fromString("0a000000-0000-4000-8000-000000000003"));

    private final Map<UUID, MessageReportView> reports = new ConcurrentHashMap<>();
    private final Map<ReportId, ReportSummary> targetReports = new ConcurrentHashMap<>();
    public final List<FindReports> oneQueueQueries = new CopyOnWriteArrayList<>();
    private volatile @Nullable ErrorCode refusing;
    public final List<FindMessageReports> queueQueries = new CopyOnWriteArrayList<>();
    public final List<Object> commands = new CopyOnWriteArrayList<>();
    public final List<MetaData> commandMetaData = new CopyOnWriteArrayList<>();

    public void reset() {
        reports.clear();
        targetReports.clear();
        refusing = null;
        queueQueries.clear();
        oneQueueQueries.clear();
        commands.clear();
        commandMetaData.clear();
    }

    public void refuseWith(@Nullable ErrorCode code) {
        refusing = code;
    }

    /** An open report of {@code text} by {@code author} (null: a system message) in the group "Supper club", {@code minutes} after T0. */
    public MessageReportView open(String text, @Nullable UserId author, int minutes) {
        ConversationId conversation = ConversationId.random();
        MessageId reported = MessageId.random();
        Instant at = T0.plusSeconds(60L * minutes);
        MessageReportSummary report = new MessageReportSummary(UUID.randomUUID(), conversation, ConversationKind.GROUP, "Supper club",
                reported, author == null ? MessageType.SYSTEM : MessageType.TEXT, text, false, author, author == null ? null : "Sam Sender",
                OWNER, "Olga Owner", ReportReason.HARASSMENT, "Rude", at, MessageReportStatus.OPEN, null, null);
        List<ChatMessageSummary> context = List.of(
                new ChatMessageSummary(MessageId.random(), 2, OWNER, "Olga Owner", MessageType.TEXT, "Welcome", false, T0),
                new ChatMessageSummary(reported, 3, author, author == null ? null : "Sam Sender",
                        author == null ? MessageType.SYSTEM : MessageType.TEXT, text, false, T0.plusSeconds(1)));
        MessageReportView view = new MessageReportView(report, context);
        reports.put(report.reportId(), view);
        return view;
    }

    /** An open report by the owner of the user "Sam Sender", {@code minutes} after T0. */
    public ReportSummary openUserReport(int minutes) {
        return openTargetReport(new ReportSummary(ReportId.random(), ReportTargetType.USER, SENDER.value(), "Sam Sender", SENDER, "Sam Sender",
                OWNER, "Olga Owner", ReportReason.HARASSMENT, "Threatens guests", T0.plusSeconds(60L * minutes), ReportStatus.OPEN, null, null,
                null, null, null, null));
    }

    /** An open report by the owner of the gathering "Loud supper", hosted by Hana Host, {@code minutes} after T0. */
    public ReportSummary openGatheringReport(int minutes) {
        return openTargetReport(new ReportSummary(ReportId.random(), ReportTargetType.GATHERING, UUID.randomUUID(), "Loud supper", HOST,
                "Hana Host", OWNER, "Olga Owner", ReportReason.SPAM, null, T0.plusSeconds(60L * minutes), ReportStatus.OPEN, null, null, null,
                null, null, null));
    }

    private ReportSummary openTargetReport(ReportSummary report) {
        targetReports.put(report.reportId(), report);
        return report;
    }

    /** The report's message deleted, as support's delete would leave it. */
    public void deleted(MessageReportView view) {
        settle(report -> report.messageId().equals(view.report().messageId()), ReportHandling.MESSAGE_DELETED, true);
    }

    @QueryHandler
    MessageReportPage handle(FindMessageReports query) {
        queueQueries.add(query);
        List<MessageReportSummary> queue = reports.values().stream().map(MessageReportView::report)
                .filter(report -> query.status() == null || report.status() == query.status())
                .sorted(Comparator.comparing(MessageReportSummary::reportedAt).reversed()).toList();
        int start = query.cursor() == null ? 0 : Integer.parseInt(query.cursor());
        int end = Math.min(queue.size(), start + query.limit());
        return new MessageReportPage(start >= end ? List.of() : queue.subList(start, end), end < queue.size() ? Integer.toString(end) : null);
    }

    @QueryHandler
    @Nullable MessageReportView handle(FindMessageReport query) {
        return reports.get(query.reportId());
    }

    @QueryHandler
    ReportPage handle(FindReports query) {
        oneQueueQueries.add(query);
        List<ReportSummary> queue = java.util.stream.Stream.concat(reports.values().stream().map(view -> ofMessage(view.report())),
                        targetReports.values().stream())
                .filter(report -> query.status() == null || report.status() == query.status())
                .filter(report -> query.targetType() == null || report.targetType() == query.targetType())
                .sorted(Comparator.comparing(ReportSummary::reportedAt).reversed()).toList();
        int start = query.cursor() == null ? 0 : Integer.parseInt(query.cursor());
        int end = Math.min(queue.size(), start + query.limit());
        return new ReportPage(start >= end ? List.of() : queue.subList(start, end), end < queue.size() ? Integer.toString(end) : null);
    }

    @QueryHandler
    @Nullable ReportSummary handle(FindReport query) {
        MessageReportView message = reports.get(query.reportId().value());
        return message != null ? ofMessage(message.report()) : targetReports.get(query.reportId());
    }

    @CommandHandler
    void handle(DismissReport command, MetaData metaData) {
        received(command, metaData);
        decide(command.reportId(), ReportOutcome.DISMISSED, command.dismissedBy(), command.note());
    }

    @CommandHandler
    void handle(ResolveReport command, MetaData metaData) {
        received(command, metaData);
        decide(command.reportId(), ReportOutcome.RESOLVED, command.resolvedBy(), command.note());
    }

    private void decide(ReportId reportId, ReportOutcome outcome, UserId by, String note) {
        targetReports.computeIfPresent(reportId, (id, r) -> new ReportSummary(r.reportId(), r.targetType(), r.targetId(), r.targetLabel(),
                r.subjectId(), r.subjectName(), r.reportedBy(), r.reporterName(), r.reason(), r.note(), r.reportedAt(), ReportStatus.HANDLED,
                outcome, T0.plusSeconds(3600), by, "Sue Support", note, null));
    }

    /** As the query side lists a message report in the one queue. */
    private static ReportSummary ofMessage(MessageReportSummary m) {
        ReportOutcome outcome = m.handledBecause() == null ? null
                : m.handledBecause() == ReportHandling.MESSAGE_DELETED ? ReportOutcome.MESSAGE_DELETED : ReportOutcome.AUTHOR_BANNED;
        return new ReportSummary(new ReportId(m.reportId()), ReportTargetType.MESSAGE, m.messageId().value(), m.text(), m.authorId(),
                m.authorName(), m.reportedBy(), m.reporterName(), m.reason(), m.note(), m.reportedAt(), ReportStatus.valueOf(m.status().name()),
                outcome, m.handledAt(), null, null, null, m);
    }

    @CommandHandler
    void handle(DeleteMessage command, MetaData metaData) {
        received(command, metaData);
        settle(report -> report.messageId().equals(command.messageId()), ReportHandling.MESSAGE_DELETED, true);
    }

    @CommandHandler
    void handle(BanMember command, MetaData metaData) {
        received(command, metaData);
        settle(report -> report.conversationId().equals(command.conversationId()) && command.userId().equals(report.authorId()),
                ReportHandling.AUTHOR_BANNED, false);
    }

    private void received(Object command, MetaData metaData) {
        ErrorCode refusal = refusing;
        if (refusal != null) {
            throw new CommandExecutionException("Refused for the test", null, refusal.name());
        }
        commands.add(command);
        commandMetaData.add(metaData);
    }

    private void settle(Predicate<MessageReportSummary> which, ReportHandling because, boolean deleted) {
        reports.replaceAll((id, view) -> {
            MessageReportSummary r = view.report();
            if (!which.test(r)) {
                return view;
            }
            boolean open = r.status() == MessageReportStatus.OPEN;
            MessageReportSummary settled = new MessageReportSummary(r.reportId(), r.conversationId(), r.conversationKind(),
                    r.conversationTitle(), r.messageId(), r.messageType(), deleted ? null : r.text(), deleted || r.messageDeleted(),
                    r.authorId(), r.authorName(), r.reportedBy(), r.reporterName(), r.reason(), r.note(), r.reportedAt(),
                    MessageReportStatus.HANDLED, open ? because : r.handledBecause(), open ? T0.plusSeconds(3600) : r.handledAt());
            List<ChatMessageSummary> context = view.context().stream()
                    .map(m -> !deleted || !m.messageId().equals(r.messageId()) ? m
                            : new ChatMessageSummary(m.messageId(), m.seq(), m.senderId(), m.senderName(), m.type(), null, true, m.createdAt()))
                    .toList();
            return new MessageReportView(settled, context);
        });
    }
}
