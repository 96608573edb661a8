package app.soiree.console.moderation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import app.soiree.api.chat.BanMember;
import app.soiree.api.chat.DeleteMessage;
import app.soiree.api.chat.MessageReportStatus;
import app.soiree.api.chat.MessageReportSummary;
import app.soiree.api.chat.MessageReportView;
import app.soiree.api.error.ErrorCode;
import app.soiree.api.identity.Actor;
import app.soiree.api.identity.UserId;
import app.soiree.console.layout.AccessDeniedView;
import app.soiree.console.platform.Formats;
import app.soiree.console.support.ConsoleViewTest;
import com.vaadin.flow.component.confirmdialog.ConfirmDialog;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.sidenav.SideNavItem;
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

        Grid<MessageReportSummary> reports = queue.reports;
        assertThat(test(reports).size()).isEqualTo(2);
        assertThat(platform.queueQueries.getLast().status()).isEqualTo(MessageReportStatus.OPEN);
        assertThat(test(reports).getCellText(0, 1)).isEqualTo("second");
        assertThat(test(reports).getCellText(0, 3)).isEqualTo("Group · Supper club");
        assertThat(test(reports).getCellText(0, 5)).isEqualTo("harassment");
        assertThat(test(reports).getCellText(0, 6)).isEqualTo("Rude");
        assertThat(test(reports).getCellText(1, 1)).isEqualTo("first");

        queue.status.setValue(null);
        assertThat(test(reports).size()).isEqualTo(3);
        assertThat(test(reports).getCellText(0, 1)).isEqualTo(ReportLabels.DELETED);
        assertThat(test(reports).getCellText(0, 7)).startsWith("handled: message deleted at ");
        assertThat(menu()).contains("Moderation");
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
