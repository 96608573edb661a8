package app.soiree.console.moderation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import app.soiree.api.chat.BanMember;
import app.soiree.api.chat.DeleteMessage;
import app.soiree.api.chat.MessageReportView;
import app.soiree.api.error.ErrorCode;
import app.soiree.api.identity.Actor;
import app.soiree.api.identity.UserId;
import app.soiree.api.report.DismissReport;
import app.soiree.api.report.ReportStatus;
import app.soiree.api.report.ReportSummary;
import app.soiree.api.report.ReportTargetType;
import app.soiree.api.report.ResolveReport;
import app.soiree.console.layout.AccessDeniedView;
import app.soiree.console.platform.Formats;
import app.soiree.console.support.ConsoleViewTest;
import com.vaadin.flow.component.confirmdialog.ConfirmDialog;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.sidenav.SideNavItem;
import com.vaadin.flow.router.RouterLink;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.UUID;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.test.context.support.WithMockUser;

/**
 * The moderation queue and a report's page, with {@link TestModeration} answering for the platform: what support reads,
 * what goes out after a confirmation and in whose name, what the console refuses before asking, and what it says when
 * the platform refuses.
 */
@WithMockUser(username = ConsoleViewTest.STAFF_ID, roles = "SUPPORT")
class ModerationViewsTest extends ConsoleViewTest {

    /** Columns of the queue's grid. */
    private static final int TYPE = 1;
    private static final int WHAT = 2;
    private static final int ABOUT = 3;
    private static final int CONVERSATION = 4;
    private static final int REASON = 6;
    private static final int NOTE = 7;
    private static final int STATUS = 8;
    private static final int OPEN_LINK = 9;

    @Autowired
    TestModeration platform;

    @BeforeEach
    void noReportsYet() {
        platform.reset();
    }

    @Test
    void theQueueShowsOpenReportsNewestFirst() {
        platform.open("first", TestModeration.SENDER, 1);
        platform.open("second", TestModeration.SENDER, 2);
        platform.deleted(platform.open("settled", TestModeration.SENDER, 3));

        ModerationQueueView queue = navigate(ModerationQueueView.class);

        Grid<ReportSummary> reports = queue.reports;
        assertThat(test(reports).size()).isEqualTo(2);
        assertThat(platform.oneQueueQueries.getLast().status()).isEqualTo(ReportStatus.OPEN);
        assertThat(test(reports).getCellText(0, TYPE)).isEqualTo("message");
        assertThat(test(reports).getCellText(0, WHAT)).isEqualTo("second");
        assertThat(test(reports).getCellText(0, CONVERSATION)).isEqualTo("Group · Supper club");
        assertThat(test(reports).getCellText(0, REASON)).isEqualTo("harassment");
        assertThat(test(reports).getCellText(0, NOTE)).isEqualTo("Rude");
        assertThat(test(reports).getCellText(1, WHAT)).isEqualTo("first");

        queue.status.setValue(null);
        assertThat(test(reports).size()).isEqualTo(3);
        assertThat(test(reports).getCellText(0, WHAT)).isEqualTo(ReportLabels.DELETED);
        assertThat(test(reports).getCellText(0, STATUS)).startsWith("handled: message deleted at ");
        assertThat(menu()).contains("Moderation");
    }

    @Test
    void theQueueListsUsersGatheringsAndMessagesTogetherAndFiltersByType() {
        MessageReportView message = platform.open("Buy followers", TestModeration.SENDER, 1);
        ReportSummary user = platform.openUserReport(2);
        ReportSummary gathering = platform.openGatheringReport(3);

        ModerationQueueView queue = navigate(ModerationQueueView.class);
        Grid<ReportSummary> reports = queue.reports;
        assertThat(test(reports).size()).isEqualTo(3);
        assertThat(List.of(test(reports).getCellText(0, TYPE), test(reports).getCellText(1, TYPE), test(reports).getCellText(2, TYPE)))
                .containsExactly("gathering", "user", "message");
        assertThat(test(reports).getCellText(0, WHAT)).isEqualTo("Loud supper");
        assertThat(((RouterLink) test(reports).getCellComponent(0, ABOUT)).getText()).isEqualTo("Hana Host");
        assertThat(test(reports).getCellText(1, WHAT)).isEqualTo("Sam Sender");
        assertThat(((RouterLink) test(reports).getCellComponent(1, OPEN_LINK)).getHref()).isEqualTo("moderation/reports/" + user.reportId());
        assertThat(((RouterLink) test(reports).getCellComponent(2, OPEN_LINK)).getHref())
                .isEqualTo("moderation/" + message.report().reportId());

        queue.targetType.setValue(ReportTargetType.GATHERING);
        assertThat(test(reports).size()).isEqualTo(1);
        assertThat(platform.oneQueueQueries.getLast().targetType()).isEqualTo(ReportTargetType.GATHERING);
        assertThat(test(reports).getRow(0).reportId()).isEqualTo(gathering.reportId());
    }

    @Test
    void dismissingAUserReportNeedsANoteGoesOutAfterAConfirmationInTheMembersNameAndThePageShowsItHandled() {
        ReportSummary report = platform.openUserReport(1);
        TargetReportView page = navigate("moderation/reports/" + report.reportId(), TargetReportView.class);
        assertThat(page.title.getText()).isEqualTo("Report of user Sam Sender");
        assertThat(page.facts.getElement().getTextRecursively()).contains("Sam Sender", "harassment", "Threatens guests", "Olga Owner");
        assertThat(page.status.getText()).isEqualTo("open");

        test(page.actions.dismiss).click();
        assertThat(page.actions.note.isInvalid()).as("a decision needs a note").isTrue();
        assertThat($(ConfirmDialog.class).all()).isEmpty();

        test(page.actions.note).setValue("Banter between friends");
        test(page.actions.dismiss).click();
        assertThat(platform.commands).as("nothing before the confirmation").isEmpty();
        test($(ConfirmDialog.class).last()).confirm();

        DismissReport sent = (DismissReport) platform.commands.getFirst();
        assertThat(sent.reportId()).isEqualTo(report.reportId());
        assertThat(sent.dismissedBy()).isEqualTo(UserId.of(STAFF_ID));
        assertThat(sent.note()).isEqualTo("Banter between friends");
        assertSentAsTheSignedInSupportMember();
        awaitPushed(() -> page.status.getText().startsWith("handled: dismissed"));
        assertThat(page.facts.getElement().getTextRecursively()).contains("Sue Support", "Banter between friends");
        assertThat(page.actions.dismiss.isEnabled()).isFalse();
        assertThat(page.actions.resolve.isEnabled()).isFalse();
    }

    @Test
    void resolvingAGatheringReportNamesItsHostAndARefusalIsShownInSupportsWords() {
        ReportSummary report = platform.openGatheringReport(1);
        TargetReportView page = navigate("moderation/reports/" + report.reportId(), TargetReportView.class);
        assertThat(page.title.getText()).isEqualTo("Report of gathering Loud supper");
        assertThat(page.facts.getElement().getTextRecursively()).contains("Hana Host", "Loud supper");

        platform.refuseWith(ErrorCode.STATE_CONFLICT);
        test(page.actions.note).setValue("Asked the host to tone it down");
        test(page.actions.resolve).click();
        test($(ConfirmDialog.class).last()).confirm();
        assertThat(page.actions.refusal.isVisible()).isTrue();
        assertThat(page.actions.refusal.getText()).isEqualTo("Another decision was taken on this report meanwhile; the page shows it.");

        platform.refuseWith(null);
        test(page.actions.note).setValue("Asked the host to tone it down");
        test(page.actions.resolve).click();
        test($(ConfirmDialog.class).last()).confirm();
        ResolveReport sent = (ResolveReport) platform.commands.getFirst();
        assertThat(sent.resolvedBy()).isEqualTo(UserId.of(STAFF_ID));
        awaitPushed(() -> page.status.getText().startsWith("handled: resolved"));
    }

    @Test
    void eachReportOpensOnItsOwnKindOfPageAndAnUnknownReportSaysSo() {
        MessageReportView message = platform.open("Hello", TestModeration.SENDER, 1);
        navigate("moderation/reports/" + message.report().reportId(), ReportDetailView.class);
        ReportSummary user = platform.openUserReport(2);
        assertThat(navigate("moderation/" + user.reportId(), TargetReportView.class).title.getText()).isEqualTo("Report of user Sam Sender");

        TargetReportView unknown = navigate("moderation/reports/" + UUID.randomUUID(), TargetReportView.class);
        assertThat(unknown.facts.getElement().getTextRecursively()).contains("No user or gathering report has this id.");
        assertThat(unknown.actions.isVisible()).isFalse();
    }

    @Test
    void deletingGoesOutAfterAConfirmationAsSupportInTheMembersNameAndThePageShowsTheReportHandled() {
        MessageReportView report = platform.open("You are all hopeless", TestModeration.SENDER, 1);
        ReportDetailView page = navigate("moderation/" + report.report().reportId(), ReportDetailView.class);
        assertThat($(Div.class).withClassName(ConversationContext.REPORTED_CLASS).single().getElement().getTextRecursively())
                .contains("You are all hopeless", "Sam Sender", "REPORTED");

        test(page.actions.delete).click();
        assertThat(platform.commands).as("nothing before the confirmation").isEmpty();
        test($(ConfirmDialog.class).last()).confirm();

        DeleteMessage sent = (DeleteMessage) platform.commands.getFirst();
        assertThat(sent.messageId()).isEqualTo(report.report().messageId());
        assertThat(sent.conversationId()).isEqualTo(report.report().conversationId());
        assertThat(sent.deletedBy()).isEqualTo(UserId.of(STAFF_ID));
        assertThat(sent.support()).isTrue();
        assertSentAsTheSignedInSupportMember();
        awaitPushed(() -> page.status.getText().startsWith("handled: message deleted"));
        assertThat(page.getElement().getTextRecursively()).doesNotContain("You are all hopeless");
        assertThat(page.actions.delete.isEnabled()).isFalse();
        assertThat(page.actions.ban.isEnabled()).as("a deletion may still call for a ban").isTrue();
    }

    @Test
    void aBanNeedsAReasonAndAFutureEndAndGoesOutWithBoth() {
        MessageReportView report = platform.open("Buy followers", TestModeration.SENDER, 1);
        ReportDetailView page = navigate("moderation/" + report.report().reportId(), ReportDetailView.class);

        test(page.actions.ban).click();
        assertThat(page.actions.banReason.isInvalid()).isTrue();
        test(page.actions.banReason).setValue("Spamming the group");
        page.actions.bannedUntil.setValue(Formats.local(Instant.now().minus(Duration.ofHours(1))));
        test(page.actions.ban).click();
        assertThat(page.actions.bannedUntil.isInvalid()).isTrue();
        assertThat($(ConfirmDialog.class).all()).as("nothing to confirm yet").isEmpty();

        Instant until = Instant.now().plus(Duration.ofDays(7)).truncatedTo(ChronoUnit.MINUTES);
        page.actions.bannedUntil.setValue(Formats.local(until));
        test(page.actions.ban).click();
        test($(ConfirmDialog.class).last()).confirm();

        BanMember sent = (BanMember) platform.commands.getFirst();
        assertThat(sent.userId()).isEqualTo(TestModeration.SENDER);
        assertThat(sent.bannedBy()).isEqualTo(UserId.of(STAFF_ID));
        assertThat(sent.support()).isTrue();
        assertThat(sent.until()).isEqualTo(until);
        assertThat(sent.reason()).isEqualTo("Spamming the group");
        awaitPushed(() -> page.status.getText().startsWith("handled: sender banned"));
        assertThat(page.actions.ban.isEnabled()).isFalse();
        assertThat(page.actions.delete.isEnabled()).as("a ban leaves the message").isTrue();
    }

    @Test
    void aRefusalIsShownInSupportsWords() {
        MessageReportView report = platform.open("Hello", TestModeration.SENDER, 1);
        platform.refuseWith(ErrorCode.FORBIDDEN);
        ReportDetailView page = navigate("moderation/" + report.report().reportId(), ReportDetailView.class);

        test(page.actions.banReason).setValue("Rude");
        test(page.actions.ban).click();
        test($(ConfirmDialog.class).last()).confirm();

        assertThat(page.actions.refusal.isVisible()).isTrue();
        assertThat(page.actions.refusal.getText()).isEqualTo("The platform refused: a conversation's owner or host cannot be banned from it.");
        assertThat(page.status.getText()).isEqualTo("open");
    }

    @Test
    void aSystemMessageHasNoSenderToBanAndAnUnknownReportSaysSo() {
        MessageReportView report = platform.open("Reminder: supper at 8", null, 1);
        ReportDetailView page = navigate("moderation/" + report.report().reportId(), ReportDetailView.class);
        assertThat(page.actions.ban.isEnabled()).isFalse();
        assertThat(page.actions.actionsNote.getText()).isEqualTo("The platform posted this message; there is no sender to ban.");

        ReportDetailView unknown = navigate("moderation/" + UUID.randomUUID(), ReportDetailView.class);
        assertThat(unknown.facts.getElement().getTextRecursively()).contains("No report has this id.");
        assertThat(unknown.actions.isVisible()).isFalse();
    }

    @Test
    @WithMockUser(username = ConsoleViewTest.STAFF_ID, roles = {"FINANCE", "ADMIN"})
    void staffWithoutSupportCannotOpenModeration() {
        navigate("moderation", AccessDeniedView.class);
        navigate("moderation/" + UUID.randomUUID(), AccessDeniedView.class);
        navigate("moderation/reports/" + UUID.randomUUID(), AccessDeniedView.class);
        assertThat(menu()).doesNotContain("Moderation");
    }

    private void assertSentAsTheSignedInSupportMember() {
        assertThat(platform.commandMetaData).allSatisfy(metaData -> {
            assertThat(metaData.get(Actor.USER_ID_KEY)).isEqualTo(STAFF_ID);
            assertThat(metaData.get(Actor.ROLES_KEY)).isEqualTo("SUPPORT");
        });
    }

    private List<String> menu() {
        return $(SideNavItem.class).all().stream().map(SideNavItem::getLabel).toList();
    }

    private static void awaitPushed(BooleanSupplier shown) {
        await().pollInSameThread().atMost(Duration.ofSeconds(20)).until(() -> {
            runPushedUpdates();
            return shown.getAsBoolean();
        });
    }
}
