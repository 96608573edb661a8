package app.soiree.query.report;

import static org.assertj.core.api.Assertions.assertThat;

import app.soiree.api.chat.ConversationId;
import app.soiree.api.chat.ConversationKind;
import app.soiree.api.chat.ConversationStarted;
import app.soiree.api.chat.MessageId;
import app.soiree.api.chat.MessageReported;
import app.soiree.api.chat.ReportReason;
import app.soiree.api.gathering.GatheringId;
import app.soiree.api.identity.Role;
import app.soiree.api.identity.UserId;
import app.soiree.api.identity.UserRegistered;
import app.soiree.api.report.FindReport;
import app.soiree.api.report.FindReports;
import app.soiree.api.report.GatheringReported;
import app.soiree.api.report.ReportDismissed;
import app.soiree.api.report.ReportId;
import app.soiree.api.report.ReportOutcome;
import app.soiree.api.report.ReportPage;
import app.soiree.api.report.ReportStatus;
import app.soiree.api.report.ReportSummary;
import app.soiree.api.report.ReportTargetType;
import app.soiree.api.report.UserReported;
import app.soiree.query.ProjectionTest;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.axonframework.messaging.responsetypes.ResponseTypes;
import org.axonframework.queryhandling.QueryGateway;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** The one moderation queue: reports of users and gatherings merged with the chat's message reports, through the query bus. */
class ReportQueriesTest extends ProjectionTest {

    static final Instant START = Instant.parse("2026-12-05T10:00:00Z");

    final UserId ana = UserId.random();
    final UserId troll = UserId.random();
    final UserId support = UserId.random();
    final ConversationId conversation = ConversationId.random();

    @Autowired
    QueryGateway queries;

    @BeforeEach
    void twoMembersOfAGroup() {
        events.publish(new UserRegistered(ana, "ana@soiree.test", "Ana", null, Set.of(Role.GUEST), START),
                new UserRegistered(troll, "troll@soiree.test", "Troll", null, Set.of(Role.GUEST), START),
                new UserRegistered(support, "support@soiree.test", "Sue Support", null, Set.of(Role.SUPPORT), START),
                new ConversationStarted(conversation, 1, ConversationKind.GROUP, "Climbing", null, ana, List.of(troll), START));
    }

    @Test
    void reportsOfEveryKindArePagedNewestFirstThroughOneCursor() {
        List<ReportId> filed = List.of(messageReport(1, UUID.randomUUID()), userReport(2, UUID.randomUUID()), messageReport(3, UUID.randomUUID()),
                gatheringReport(4), userReport(5, UUID.randomUUID()));

        assertThat(allPages(null, null, 2)).containsExactlyElementsOf(filed.reversed());
        assertThat(allPages(null, ReportTargetType.MESSAGE, 1)).containsExactly(filed.get(2), filed.get(0));
        assertThat(allPages(null, ReportTargetType.USER, 1)).containsExactly(filed.get(4), filed.get(1));
        assertThat(allPages(null, ReportTargetType.GATHERING, 5)).containsExactly(filed.get(3));
    }

    @Test
    void reportsFiledAtTheSameMomentAreEachShownOnceWhateverTheirIds() {
        // PostgreSQL orders these two ids the other way round from UUID.compareTo: the merge must agree with the database.
        ReportId low = messageReport(1, UUID.fromString("00000000-0000-4000-8000-000000000001"));
        ReportId high = userReport(1, UUID.fromString("f0000000-0000-4000-8000-000000000001"));

        assertThat(allPages(null, null, 1)).containsExactly(high, low);
    }

    @Test
    void aReportShowsWhoAndWhatAndSupportsDecision() {
        ReportId reportId = userReport(1, UUID.randomUUID());
        ReportId message = messageReport(2, UUID.randomUUID());
        events.publish(new ReportDismissed(reportId, support, "Banter between friends", START.plusSeconds(60)));

        assertThat(allPages(ReportStatus.OPEN, null, 20)).containsExactly(message);
        assertThat(allPages(ReportStatus.HANDLED, null, 20)).containsExactly(reportId);
        ReportSummary report = find(reportId);
        assertThat(report.targetType()).isEqualTo(ReportTargetType.USER);
        assertThat(report.targetLabel()).isEqualTo("Troll");
        assertThat(report.subjectName()).isEqualTo("Troll");
        assertThat(report.reporterName()).isEqualTo("Ana");
        assertThat(report.status()).isEqualTo(ReportStatus.HANDLED);
        assertThat(report.outcome()).isEqualTo(ReportOutcome.DISMISSED);
        assertThat(report.handledByName()).isEqualTo("Sue Support");
        assertThat(report.handlingNote()).isEqualTo("Banter between friends");

        ReportSummary messageReport = find(message);
        assertThat(messageReport.targetType()).isEqualTo(ReportTargetType.MESSAGE);
        assertThat(messageReport.subjectName()).isEqualTo("Troll");
        assertThat(messageReport.message()).isNotNull();
        assertThat(messageReport.message().conversationTitle()).isEqualTo("Climbing");
        assertThat(queries.query(new FindReport(ReportId.random()), ResponseTypes.instanceOf(ReportSummary.class)).join()).isNull();
    }

    @Test
    void aRedeliveredDecisionChangesNothing() {
        ReportId reportId = userReport(1, UUID.randomUUID());
        events.publish(new ReportDismissed(reportId, support, "first", START.plusSeconds(60)));
        events.publish(new ReportDismissed(reportId, support, "again", START.plusSeconds(120)));

        assertThat(find(reportId).handlingNote()).isEqualTo("first");
    }

    private ReportId messageReport(int minutes, UUID id) {
        events.publish(new MessageReported(conversation, MessageId.random(), id, ana, troll, ReportReason.SPAM, null, at(minutes)));
        return new ReportId(id);
    }

    private ReportId userReport(int minutes, UUID id) {
        ReportId reportId = new ReportId(id);
        events.publish(new UserReported(reportId, ana, troll, ReportReason.HARASSMENT, "rude", at(minutes)));
        return reportId;
    }

    private ReportId gatheringReport(int minutes) {
        ReportId reportId = ReportId.random();
        events.publish(new GatheringReported(reportId, ana, GatheringId.random(), troll, ReportReason.OTHER, null, at(minutes)));
        return reportId;
    }

    private static Instant at(int minutes) {
        return START.plusSeconds(60L * minutes);
    }

    private ReportSummary find(ReportId reportId) {
        return queries.query(new FindReport(reportId), ResponseTypes.instanceOf(ReportSummary.class)).join();
    }

    private List<ReportId> allPages(@Nullable ReportStatus status, @Nullable ReportTargetType type, int limit) {
        List<ReportId> seen = new ArrayList<>();
        String cursor = null;
        do {
            ReportPage page = queries.query(new FindReports(status, type, limit, cursor), ResponseTypes.instanceOf(ReportPage.class)).join();
            assertThat(page.items().size()).isLessThanOrEqualTo(limit);
            page.items().forEach(item -> seen.add(item.reportId()));
            cursor = page.nextCursor();
        } while (cursor != null);
        return seen;
    }
}
