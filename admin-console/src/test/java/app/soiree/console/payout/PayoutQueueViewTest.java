package app.soiree.console.payout;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import app.soiree.api.payout.FindPayouts;
import app.soiree.api.payout.PayoutApprovalView;
import app.soiree.api.payout.PayoutStatus;
import app.soiree.api.payout.PayoutView;
import app.soiree.api.identity.UserId;
import app.soiree.console.home.HomeView;
import app.soiree.console.support.ConsoleViewTest;
import java.time.Duration;
import java.util.List;
import org.axonframework.queryhandling.QueryUpdateEmitter;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.test.context.support.WithMockUser;

/** The queue shows what awaits approval, oldest first, filters by status, and follows the query side's updates by push. */
@WithMockUser(username = ConsoleViewTest.STAFF_ID, roles = "FINANCE")
class PayoutQueueViewTest extends ConsoleViewTest {

    @Autowired
    TestPayouts payouts;
    @Autowired
    QueryUpdateEmitter emitter;

    @BeforeEach
    void aQueueOfTwoAndOnePaid() {
        payouts.reset();
        payouts.put(TestPayouts.payout(TestPayouts.HOST, 4000, PayoutStatus.PENDING_APPROVAL, 10, 2,
                List.of(new PayoutApprovalView(UserId.of(STAFF_ID), TestPayouts.T0.plusSeconds(900)))));
        payouts.put(TestPayouts.payout(TestPayouts.HOST, 2000, PayoutStatus.PENDING_APPROVAL, 5, 1, List.of()));
        payouts.put(TestPayouts.payout(TestPayouts.HOST, 900, PayoutStatus.PAID, 1, 0, List.of()));
    }

    @Test
    void theQueueShowsPayoutsAwaitingApprovalOldestFirstWithTheirApprovalsSoFar() {
        PayoutQueueView view = navigate(PayoutQueueView.class);

        assertThat(view.status.getValue()).isEqualTo(PayoutStatus.PENDING_APPROVAL);
        assertThat(test(view.payouts).size()).isEqualTo(2);
        assertThat(test(view.payouts).getCellText(0, 0)).isEqualTo("2026-11-20 09:05:00 UTC");
        assertThat(test(view.payouts).getCellText(0, 2)).isEqualTo("20.00 EUR");
        assertThat(test(view.payouts).getCellText(0, 3)).isEqualTo("0 of 1");
        assertThat(test(view.payouts).getCellText(1, 2)).isEqualTo("40.00 EUR");
        assertThat(test(view.payouts).getCellText(1, 3)).isEqualTo("1 of 2 · first: Casey Staff");
        assertThat(test(view.payouts).getCellText(1, 4)).isEqualTo("awaiting approval");
    }

    @Test
    void choosingAStatusShowsThePayoutsInIt() {
        PayoutQueueView view = navigate(PayoutQueueView.class);

        test(view.status).selectItem("paid");

        assertThat(test(view.payouts).size()).isEqualTo(1);
        assertThat(test(view.payouts).getCellText(0, 2)).isEqualTo("9.00 EUR");
        assertThat(test(view.payouts).getCellText(0, 3)).isEqualTo("automatic");

        view.status.setValue(null);
        assertThat(test(view.payouts).size()).isEqualTo(3);
    }

    @Test
    void theQueueListensOnlyWhileOnScreenAndOnlyToTheStatusItShows() {
        PayoutQueueView view = navigate(PayoutQueueView.class);
        assertThat(subscribedStatuses()).containsExactly(PayoutStatus.PENDING_APPROVAL);

        test(view.status).selectItem("paid");
        assertThat(subscribedStatuses()).containsExactly(PayoutStatus.PAID);

        navigate(HomeView.class);
        assertThat(subscribedStatuses()).isEmpty();
    }

    private List<@Nullable PayoutStatus> subscribedStatuses() {
        return emitter.activeSubscriptions().stream().map(subscription -> subscription.getPayload())
                .filter(FindPayouts.class::isInstance).map(query -> ((FindPayouts) query).status()).toList();
    }

    @Test
    void aPayoutEnteringOrLeavingTheQueueShowsWithoutAReload() {
        PayoutQueueView view = navigate(PayoutQueueView.class);
        PayoutView oldest = payouts.handle(new FindPayouts(PayoutStatus.PENDING_APPROVAL, null, 1)).items().getFirst();

        payouts.put(TestPayouts.payout(TestPayouts.ADA, 3500, PayoutStatus.PENDING_APPROVAL, 20, 2, List.of()));
        await().pollInSameThread().atMost(Duration.ofSeconds(10)).until(() -> {
            runPushedUpdates();
            return test(view.payouts).size() == 3;
        });

        payouts.put(new PayoutView(oldest.payoutId(), oldest.hostId(), oldest.amount(), PayoutStatus.APPROVED, oldest.requestedAt(),
                oldest.approvals(), oldest.requiredApprovals(), UserId.of(STAFF_ID), null, null, oldest.reversed(), false,
                oldest.updatedAt()));
        await().pollInSameThread().atMost(Duration.ofSeconds(10)).until(() -> {
            runPushedUpdates();
            return test(view.payouts).size() == 2;
        });
        assertThat(test(view.payouts).getCellText(0, 2)).isEqualTo("40.00 EUR");
    }
}
