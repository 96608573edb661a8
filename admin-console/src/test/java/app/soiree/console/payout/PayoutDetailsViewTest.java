package app.soiree.console.payout;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import app.soiree.api.identity.Actor;
import app.soiree.api.identity.UserId;
import app.soiree.api.payout.ApprovePayout;
import app.soiree.api.payout.PayoutApprovalView;
import app.soiree.api.payout.PayoutStatus;
import app.soiree.api.payout.PayoutView;
import app.soiree.api.payout.RejectPayout;
import app.soiree.console.support.ConsoleViewTest;
import com.vaadin.flow.component.confirmdialog.ConfirmDialog;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.html.Span;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.test.context.support.WithMockUser;

/**
 * A payout's page states the approval rule and who approved first, offers Approve only to someone who
 * may give it (four eyes), sends decisions in the signed-in member's name after a confirmation, and
 * shows the decision once the read side has it.
 */
@WithMockUser(username = ConsoleViewTest.STAFF_ID, roles = "FINANCE")
class PayoutDetailsViewTest extends ConsoleViewTest {

    static final UserId ME = UserId.of(STAFF_ID);

    @Autowired
    TestPayouts payouts;

    @BeforeEach
    void noPayoutsYet() {
        payouts.reset();
    }

    @Test
    void approvingSendsApprovePayoutInTheSignedInMembersNameAndShowsTheFirstApproval() {
        PayoutView payout = payouts.put(TestPayouts.payout(TestPayouts.HOST, 4000, PayoutStatus.PENDING_APPROVAL, 0, 2, List.of()));
        PayoutDetailsView view = open(payout);
        assertThat(view.decision.rule.getText()).isEqualTo("Needs 2 approvals from different finance staff; none given yet.");

        test(view.decision.approve).click();
        ConfirmDialog confirm = $(ConfirmDialog.class).single();
        test(confirm).confirm();

        assertThat(payouts.commands).containsExactly(new ApprovePayout(payout.payoutId(), ME));
        assertThat(payouts.commandMetaData).singleElement().satisfies(metaData -> {
            assertThat(metaData.get(Actor.USER_ID_KEY)).isEqualTo(STAFF_ID);
            assertThat(metaData.get(Actor.ROLES_KEY)).isEqualTo("FINANCE");
        });
        await().pollInSameThread().atMost(Duration.ofSeconds(10)).until(() -> {
            runPushedUpdates();
            return view.decision.rule.getText().contains("1 given, first by Casey Staff");
        });
        assertThat(view.decision.approve.isEnabled()).as("nobody approves twice").isFalse();
        assertThat(view.decision.decisionNote.getText()).contains("You approved it already");
    }

    @Test
    void someoneWhoApprovedAlreadyIsShownAsFirstApproverAndCannotApproveAgain() {
        PayoutView payout = payouts.put(TestPayouts.payout(TestPayouts.HOST, 4000, PayoutStatus.PENDING_APPROVAL, 0, 2,
                List.of(new PayoutApprovalView(ME, TestPayouts.T0.plusSeconds(60)))));

        PayoutDetailsView view = open(payout);

        assertThat(view.decision.rule.getText()).isEqualTo(
                "Needs 2 approvals from different finance staff; 1 given, first by Casey Staff at 2026-11-20 09:01:00 UTC.");
        assertThat(test(view.decision.approvals).getCellText(0, 0)).isEqualTo("Casey Staff");
        assertThat(view.decision.approve.isEnabled()).isFalse();
        assertThat(view.decision.reject.isEnabled()).as("they may still reject it").isTrue();
    }

    @Test
    void theRequesterCannotDecideOnTheirOwnPayout() {
        PayoutView own = payouts.put(TestPayouts.payout(ME, 2000, PayoutStatus.PENDING_APPROVAL, 0, 1, List.of()));

        PayoutDetailsView view = open(own);

        assertThat(view.decision.approve.isEnabled()).isFalse();
        assertThat(view.decision.reject.isEnabled()).isFalse();
        assertThat(view.decision.decisionNote.getText()).contains("You requested this payout");
    }

    @Test
    void aRefusedApprovalIsExplainedAndChangesNothing() {
        PayoutView payout = payouts.put(TestPayouts.payout(TestPayouts.HOST, 2000, PayoutStatus.PENDING_APPROVAL, 0, 1, List.of()));
        payouts.refuseApprovals();
        PayoutDetailsView view = open(payout);

        test(view.decision.approve).click();
        test($(ConfirmDialog.class).single()).confirm();

        assertThat(test($(Notification.class).last()).getText()).startsWith("Someone else must approve this");
        assertThat(view.decision.rule.getText()).endsWith("none given yet.");
        assertThat(view.decision.approve.isEnabled()).isTrue();
    }

    @Test
    void aRejectionNeedsAReasonAndSendsIt() {
        PayoutView payout = payouts.put(TestPayouts.payout(TestPayouts.HOST, 2000, PayoutStatus.PENDING_APPROVAL, 0, 1, List.of()));
        PayoutDetailsView view = open(payout);

        test(view.decision.reject).click();

        assertThat($(ConfirmDialog.class).all()).isEmpty();
        assertThat(view.decision.reason.isInvalid()).isTrue();
        assertThat(payouts.commands).isEmpty();

        test(view.decision.reason).setValue("  Bank details under review ");
        test(view.decision.reject).click();
        test($(ConfirmDialog.class).single()).confirm();

        assertThat(payouts.commands).containsExactly(new RejectPayout(payout.payoutId(), ME, "Bank details under review"));
        await().pollInSameThread().atMost(Duration.ofSeconds(10)).until(() -> {
            runPushedUpdates();
            return "rejected".equals(view.status.getText());
        });
        assertThat(view.summary.getText()).contains("reason: Bank details under review");
    }

    @Test
    void theHostsWalletHistoryAndRiskHintsAreShown() {
        payouts.put(TestPayouts.payout(TestPayouts.HOST, 1500, PayoutStatus.REJECTED, 0, 1, List.of()));
        PayoutView payout = payouts.put(TestPayouts.payout(TestPayouts.HOST, 4000, PayoutStatus.PENDING_APPROVAL, 30, 2, List.of()));

        PayoutDetailsView view = open(payout);

        assertThat(view.title.getText()).isEqualTo("Payout of 40.00 EUR to " + TestPayouts.HOST);
        assertThat(test(view.wallet).getCellText(0, 1)).isEqualTo("3.00 EUR");
        assertThat(test(view.history).size()).isEqualTo(2);
        assertThat(test(view.history).getCellText(1, 2)).isEqualTo("rejected");
        List<String> warnings = $(Span.class, view.hints).all().stream().filter(span -> span.hasClassName("risk-warning"))
                .map(Span::getText).toList();
        assertThat(warnings).anyMatch(text -> text.startsWith("Host since"))
                .anyMatch(text -> text.startsWith("Payout account opened"))
                .contains("Open disputes: 1", "Earlier payouts failed or rejected: 1",
                        "Refunds of the host's gatherings since their last paid payout: 1");
    }

    private PayoutDetailsView open(PayoutView payout) {
        return navigate("payouts/" + payout.payoutId(), PayoutDetailsView.class);
    }
}
