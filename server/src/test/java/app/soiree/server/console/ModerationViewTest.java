package app.soiree.server.console;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import app.soiree.api.audit.AuditEventView;
import app.soiree.api.audit.AuditTrailPage;
import app.soiree.api.audit.FindAuditTrail;
import app.soiree.api.chat.FindMessageReport;
import app.soiree.api.chat.MessageReportView;
import app.soiree.api.report.FindReport;
import app.soiree.api.report.ReportId;
import app.soiree.api.report.ReportSummary;
import app.soiree.console.layout.AccessDeniedView;
import app.soiree.console.moderation.ModerationQueueView;
import app.soiree.console.moderation.ReportDetailView;
import app.soiree.console.moderation.TargetReportView;
import app.soiree.server.support.Api;
import app.soiree.server.support.Api.Session;
import app.soiree.server.support.IntegrationTest;
import com.vaadin.browserless.SpringBrowserlessTest;
import com.vaadin.browserless.ViewPackages;
import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.confirmdialog.ConfirmDialog;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.sidenav.SideNavItem;
import com.vaadin.flow.component.textfield.TextArea;
import com.vaadin.flow.router.RouterLink;
import com.vaadin.flow.server.VaadinSession;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.IntStream;
import org.axonframework.messaging.responsetypes.ResponseTypes;
import org.axonframework.queryhandling.QueryGateway;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.security.test.context.support.WithUserDetails;

/**
 * The moderation queue against the whole platform: members chat and report through the API, support works the report
 * in the console (Vaadin browserless), and the members then see the outcome through the API.
 */
@IntegrationTest
@ViewPackages(packages = "app.soiree.console")
class ModerationViewTest extends SpringBrowserlessTest {

    private static final String PREFIX = "moderation";
    private static final String SUPPORT = PREFIX + ".support@soiree.test";
    private static final String FINANCE = PREFIX + ".finance@soiree.test";
    /** Columns of the queue's grid. */
    private static final int TYPE = 1;
    private static final int WHAT = 2;
    private static final int SENDER = 3;
    private static final int CONVERSATION = 4;
    private static final int REPORTER = 5;
    private static final int REASON = 6;
    private static final int NOTE = 7;
    private static final int OPEN_LINK = 9;

    private static Map<String, Session> staff;

    @Autowired
    QueryGateway queries;
    @LocalServerPort
    int port;

    @BeforeAll
    static void staff(@LocalServerPort int port) {
        Api api = new Api(port);
        staff = StaffAccounts.open(api, StaffAccounts.admin(api), PREFIX, List.of("SUPPORT", "FINANCE"));
    }

    @Test
    @WithUserDetails(SUPPORT)
    void supportFindsTheReportInTheQueueDeletesTheMessageAndItsTextIsGoneFromTheReport() {
        Api api = new Api(port);
        Reported reported = reportedMessage(api, "You are all hopeless " + UUID.randomUUID(), "Insulting the whole group");

        navigate(ModerationQueueView.class);
        assertThat(menu()).contains("Moderation");
        Grid<ReportSummary> queue = queue();
        int row = rowOf(queue, reported.reportId());
        assertThat(row).as("the open report is in the queue").isNotNegative();
        assertThat(test(queue).getCellText(row, WHAT)).isEqualTo(reported.text());
        assertThat(linkText(queue, row, SENDER)).isEqualTo("Mod Sender");
        assertThat(test(queue).getCellText(row, CONVERSATION)).isEqualTo("Group · Moderated supper");
        assertThat(linkText(queue, row, REPORTER)).isEqualTo("Mod Owner");
        assertThat(test(queue).getCellText(row, REASON)).isEqualTo("harassment");
        assertThat(test(queue).getCellText(row, NOTE)).isEqualTo("Insulting the whole group");

        ReportDetailView page = navigate(((RouterLink) test(queue).getCellComponent(row, OPEN_LINK)).getHref(), ReportDetailView.class);
        assertThat(page.getElement().getTextRecursively()).contains("Mod Owner", "harassment", "Insulting the whole group", "open");
        assertThat(highlighted()).as("the reported message, marked among the others").contains(reported.text());
        assertThat(contextTexts()).containsExactly("Welcome, everyone", reported.text(), "Please keep it friendly");

        test($(Button.class).withText("Delete message").single()).click();
        test($(ConfirmDialog.class).single()).confirm();

        awaitPushed(() -> statusText().startsWith("handled: message deleted"));
        test($(Button.class).withText("Refresh").single()).click();
        assertThat(highlighted()).contains("deleted").doesNotContain(reported.text());
        assertThat(page.getElement().getTextRecursively()).doesNotContain(reported.text());
        assertThat($(Button.class).withText("Delete message").single().isEnabled()).isFalse();
        AuditEventView deleted = trail(reported.conversationId()).events().stream().filter(event -> event.type().equals("MessageDeleted"))
                .findFirst().orElseThrow();
        assertThat(deleted.actor()).as("deleted in the support member's name").isEqualTo(staff.get("SUPPORT").userId());

        navigate(ModerationQueueView.class);
        assertThat(rowOf(queue(), reported.reportId())).as("a handled report leaves the open queue").isNegative();
    }

    @Test
    @WithUserDetails(SUPPORT)
    void supportBansTheSenderFromTheConversationWithAReasonAndTheSenderCanNoLongerPost() {
        Api api = new Api(port);
        Reported reported = reportedMessage(api, "Buy followers at spam.example " + UUID.randomUUID(), null);
        navigate("moderation/" + reported.reportId(), ReportDetailView.class);
        Button ban = $(Button.class).withText("Ban sender from this conversation").single();

        test(ban).click();
        TextArea reason = $(TextArea.class).withLabel("Reason for the ban").single();
        assertThat(reason.isInvalid()).as("a ban needs a reason").isTrue();
        assertThat($(ConfirmDialog.class).exists()).isFalse();

        test(reason).setValue("Harassing members after a warning");
        test(ban).click();
        test($(ConfirmDialog.class).single()).confirm();

        awaitPushed(() -> statusText().startsWith("handled: sender banned"));
        assertThat(ban.isEnabled()).isFalse();
        Api.Response refused = api.postOnce("/api/conversations/" + reported.conversationId() + "/messages", reported.sender().accessToken(),
                Map.of("type", "TEXT", "text", "Still here?"));
        assertThat(refused.status()).isEqualTo(403);
        assertThat(refused.code()).isEqualTo("BANNED");
        MessageReportView view = queries.query(new FindMessageReport(reported.reportId()), ResponseTypes.instanceOf(MessageReportView.class))
                .join();
        assertThat(view.report().messageDeleted()).as("a ban leaves the message").isFalse();
    }

    @Test
    @WithUserDetails(SUPPORT)
    void supportDismissesAUserReportWithANoteInTheirOwnName() {
        Api api = new Api(port);
        Session reporter = api.newUser("Mod Reporter");
        Session reportedUser = api.newUser("Mod Reported");
        UUID reportId = UUID.fromString(api.post("/api/reports", reporter.accessToken(), Map.of("targetType", "USER",
                "targetId", reportedUser.userId(), "reason", "HARASSMENT", "note", "Threatens guests")).expectStatus(201)
                .json().get("reportId").asString());
        await().atMost(Duration.ofSeconds(30)).until(() -> targetReport(reportId) != null);

        navigate(ModerationQueueView.class);
        Grid<ReportSummary> queue = queue();
        int row = rowOf(queue, reportId);
        assertThat(row).as("the open report is in the one queue").isNotNegative();
        assertThat(test(queue).getCellText(row, TYPE)).isEqualTo("user");
        assertThat(test(queue).getCellText(row, WHAT)).isEqualTo("Mod Reported");
        assertThat(linkText(queue, row, REPORTER)).isEqualTo("Mod Reporter");

        TargetReportView page = navigate(((RouterLink) test(queue).getCellComponent(row, OPEN_LINK)).getHref(), TargetReportView.class);
        assertThat(page.getElement().getTextRecursively()).contains("Mod Reported", "Mod Reporter", "harassment", "Threatens guests");
        test($(TextArea.class).withLabel("Note").single()).setValue("Talked to both; a misunderstanding");
        test($(Button.class).withText("Dismiss").single()).click();
        test($(ConfirmDialog.class).single()).confirm();

        awaitPushed(() -> statusText().startsWith("handled: dismissed"));
        ReportSummary decided = targetReport(reportId);
        assertThat(decided.handledBy()).isNotNull();
        assertThat(decided.handledBy().toString()).as("dismissed in the support member's name").isEqualTo(staff.get("SUPPORT").userId());
        assertThat(decided.handlingNote()).isEqualTo("Talked to both; a misunderstanding");
        assertThat($(Button.class).withText("Resolve").single().isEnabled()).isFalse();
    }

    @Test
    @WithUserDetails(FINANCE)
    void financeCannotOpenModeration() {
        navigate("moderation", AccessDeniedView.class);
        navigate("moderation/" + UUID.randomUUID(), AccessDeniedView.class);
        assertThat(menu()).doesNotContain("Moderation");
    }

    /** Two members in a group; the second writes {@code text} between two of the owner's messages, and the owner reports it. */
    private Reported reportedMessage(Api api, String text, String note) {
        Session owner = api.newUser("Mod Owner");
        Session sender = api.newUser("Mod Sender");
        String conversationId = api.post("/api/conversations", owner.accessToken(), Map.of("title", "Moderated supper",
                "memberIds", List.of(sender.userId()))).expectStatus(201).json().get("conversationId").asString();
        post(api, conversationId, owner, "Welcome, everyone");
        String messageId = post(api, conversationId, sender, text);
        post(api, conversationId, owner, "Please keep it friendly");
        Map<String, Object> report = note == null ? Map.of("reason", "HARASSMENT") : Map.of("reason", "HARASSMENT", "note", note);
        UUID reportId = UUID.fromString(api.post("/api/messages/" + messageId + "/reports", owner.accessToken(), report)
                .expectStatus(201).json().get("reportId").asString());
        // The queue reads the query side, which follows the events a moment later.
        await().atMost(Duration.ofSeconds(30)).until(() -> report(reportId) != null
                && report(reportId).context().stream().anyMatch(message -> "Please keep it friendly".equals(message.text())));
        return new Reported(conversationId, reportId, text, sender);
    }

    private record Reported(String conversationId, UUID reportId, String text, Session sender) {
    }

    private static String post(Api api, String conversationId, Session sender, String text) {
        return api.postOnce("/api/conversations/" + conversationId + "/messages", sender.accessToken(), Map.of("type", "TEXT", "text", text))
                .expectStatus(201).json().get("messageId").asString();
    }

    private ReportSummary targetReport(UUID reportId) {
        return queries.query(new FindReport(new ReportId(reportId)), ResponseTypes.instanceOf(ReportSummary.class)).join();
    }

    private MessageReportView report(UUID reportId) {
        return queries.query(new FindMessageReport(reportId), ResponseTypes.instanceOf(MessageReportView.class)).join();
    }

    private AuditTrailPage trail(String conversationId) {
        return queries.query(new FindAuditTrail("Conversation", UUID.fromString(conversationId), 0, 100),
                ResponseTypes.instanceOf(AuditTrailPage.class)).join();
    }

    @SuppressWarnings("unchecked")
    private Grid<ReportSummary> queue() {
        return $(Grid.class).single();
    }

    private int rowOf(Grid<ReportSummary> queue, UUID reportId) {
        return IntStream.range(0, test(queue).size()).filter(row -> test(queue).getRow(row).reportId().value().equals(reportId)).findFirst()
                .orElse(-1);
    }

    private String linkText(Grid<ReportSummary> queue, int row, int column) {
        return ((RouterLink) test(queue).getCellComponent(row, column)).getText();
    }

    private String highlighted() {
        return $(Div.class).withClassName("reported-message").single().getElement().getTextRecursively();
    }

    /** The messages' texts in the context, in order, without the line about who wrote each and when. */
    private List<String> contextTexts() {
        return $(Div.class).withClassName("chat-message").all().stream().map(entry -> entry.getChildren().skip(1).findFirst()
                .map(Component::getElement).orElseThrow().getText()).toList();
    }

    private String statusText() {
        return $(Span.class).withClassName("report-status").single().getText();
    }

    private List<String> menu() {
        return $(SideNavItem.class).all().stream().map(SideNavItem::getLabel).toList();
    }

    /** Waits for what a background thread pushes into the page once the read side has the change. */
    private static void awaitPushed(java.util.concurrent.Callable<Boolean> shown) {
        await().pollInSameThread().atMost(Duration.ofSeconds(30)).until(() -> {
            VaadinSession session = VaadinSession.getCurrent();
            session.getService().runPendingAccessTasks(session);
            roundTrip();
            return shown.call();
        });
    }
}
