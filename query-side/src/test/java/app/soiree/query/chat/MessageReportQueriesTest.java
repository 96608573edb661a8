package app.soiree.query.chat;

import static org.assertj.core.api.Assertions.assertThat;

import app.soiree.api.chat.ChatMessageSummary;
import app.soiree.api.chat.FindMessageReport;
import app.soiree.api.chat.FindMessageReports;
import app.soiree.api.chat.MemberBanned;
import app.soiree.api.chat.MessagePosted;
import app.soiree.api.chat.MessageReportPage;
import app.soiree.api.chat.MessageReportStatus;
import app.soiree.api.chat.MessageReportSummary;
import app.soiree.api.chat.MessageReportView;
import app.soiree.api.chat.MessageReported;
import app.soiree.api.chat.RemovalReason;
import app.soiree.api.chat.ReportHandling;
import app.soiree.api.chat.ReportReason;
import app.soiree.api.identity.Role;
import app.soiree.api.identity.UserId;
import app.soiree.api.identity.UserRegistered;
import app.soiree.query.ProjectionTest;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.axonframework.messaging.responsetypes.ResponseTypes;
import org.axonframework.queryhandling.QueryGateway;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** The console's moderation queue, through the query bus as the console asks it. */
class MessageReportQueriesTest extends ProjectionTest {

    final UserId ana = UserId.random();
    final UserId troll = UserId.random();

    @Autowired
    QueryGateway queries;

    ChatScenario chat;
    List<MessagePosted> posted = new ArrayList<>();

    @BeforeEach
    void aConversationWithTwentyMessages() {
        jdbc.sql("truncate content_keys").update();
        chat = new ChatScenario(jdbc);
        events.publish(new UserRegistered(ana, "ana@soiree.test", "Ana", null, Set.of(Role.GUEST), ChatScenario.START),
                new UserRegistered(troll, "troll@soiree.test", "Troll", null, Set.of(Role.GUEST), ChatScenario.START),
                chat.group(ana, "Climbing", troll));
        for (int i = 1; i <= 20; i++) {
            MessagePosted message = chat.text(i == 10 || i == 12 ? troll : ana, "message " + i);
            posted.add(message);
            events.publish(message);
        }
    }

    @Test
    void aReportShowsTheMessageItsAuthorAndReporterAndTheMessagesAroundIt() {
        UUID reportId = report(posted.get(9), "buy followers at …");

        MessageReportPage open = page(MessageReportStatus.OPEN);
        assertThat(open.items()).singleElement().satisfies(report -> {
            assertThat(report.text()).isEqualTo("message 10");
            assertThat(report.authorName()).isEqualTo("Troll");
            assertThat(report.reporterName()).isEqualTo("Ana");
            assertThat(report.reason()).isEqualTo(ReportReason.SPAM);
            assertThat(report.status()).isEqualTo(MessageReportStatus.OPEN);
        });

        MessageReportView view = queries.query(new FindMessageReport(reportId), ResponseTypes.instanceOf(MessageReportView.class)).join();
        assertThat(view.context()).extracting(ChatMessageSummary::text).containsExactly("message 5", "message 6", "message 7", "message 8",
                "message 9", "message 10", "message 11", "message 12", "message 13", "message 14", "message 15");
        assertThat(view.context().get(5).senderName()).isEqualTo("Troll");
        assertThat(queries.query(new FindMessageReport(UUID.randomUUID()), ResponseTypes.instanceOf(MessageReportView.class)).join()).isNull();
    }

    @Test
    void aReportIsHandledWhenItsMessageIsDeletedOrItsAuthorBanned() {
        UUID deleted = report(posted.get(9), null);
        UUID banned = report(posted.get(11), null);
        events.publish(chat.delete(posted.get(9).messageId(), ana));
        UUID reportedAfterDeletion = report(posted.get(9), "again");

        assertThat(page(MessageReportStatus.OPEN).items()).extracting(MessageReportSummary::reportId).containsExactly(banned);
        events.publish(new MemberBanned(chat.id, troll, null, "spam", ana, chat.tick()), chat.remove(troll, RemovalReason.BANNED, ana));

        assertThat(page(MessageReportStatus.OPEN).items()).isEmpty();
        MessageReportPage handled = page(MessageReportStatus.HANDLED);
        assertThat(handled.items()).extracting(MessageReportSummary::reportId).containsExactly(reportedAfterDeletion, banned, deleted);
        assertThat(handled.items()).extracting(MessageReportSummary::handledBecause).containsExactly(ReportHandling.MESSAGE_DELETED,
                ReportHandling.AUTHOR_BANNED, ReportHandling.MESSAGE_DELETED);
        assertThat(handled.items().getLast()).satisfies(report -> {
            assertThat(report.text()).isNull();
            assertThat(report.messageDeleted()).isTrue();
        });
    }

    @Test
    void theQueueIsPagedNewestFirst() {
        List<UUID> reports = new ArrayList<>();
        for (MessagePosted message : posted.subList(0, 5)) {
            reports.add(report(message, null));
        }
        List<UUID> seen = new ArrayList<>();
        String cursor = null;
        do {
            MessageReportPage page = queries.query(new FindMessageReports(null, 2, cursor), ResponseTypes.instanceOf(MessageReportPage.class))
                    .join();
            page.items().forEach(item -> seen.add(item.reportId()));
            cursor = page.nextCursor();
        } while (cursor != null);
        assertThat(seen).containsExactlyElementsOf(reports.reversed());
    }

    private UUID report(MessagePosted message, String note) {
        UUID reportId = UUID.randomUUID();
        events.publish(new MessageReported(chat.id, message.messageId(), reportId, ana, message.senderId(), ReportReason.SPAM, note,
                chat.tick()));
        return reportId;
    }

    private MessageReportPage page(MessageReportStatus status) {
        return queries.query(new FindMessageReports(status, 20, null), ResponseTypes.instanceOf(MessageReportPage.class)).join();
    }
}
