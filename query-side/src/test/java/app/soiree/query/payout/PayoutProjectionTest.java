package app.soiree.query.payout;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import app.soiree.api.Money;
import app.soiree.api.error.ErrorCode;
import app.soiree.api.error.SoireeException;
import app.soiree.api.identity.Actor;
import app.soiree.api.identity.Role;
import app.soiree.api.identity.UserId;
import app.soiree.api.ledger.LedgerAccounts;
import app.soiree.api.ledger.Posting;
import app.soiree.api.payout.FindHostPayouts;
import app.soiree.api.payout.FindPayoutAccount;
import app.soiree.api.payout.FindPayoutRiskHints;
import app.soiree.api.payout.FindPayouts;
import app.soiree.api.payout.HostWalletId;
import app.soiree.api.payout.PayoutAccountOpened;
import app.soiree.api.payout.PayoutAccountStatus;
import app.soiree.api.payout.PayoutAccountStatusReported;
import app.soiree.api.payout.PayoutAccountView;
import app.soiree.api.payout.PayoutApprovalGiven;
import app.soiree.api.payout.PayoutApprovalView;
import app.soiree.api.payout.PayoutApproved;
import app.soiree.api.payout.PayoutFailed;
import app.soiree.api.payout.PayoutId;
import app.soiree.api.payout.PayoutPage;
import app.soiree.api.payout.PayoutPaid;
import app.soiree.api.payout.PayoutRejected;
import app.soiree.api.payout.PayoutRequested;
import app.soiree.api.payout.PayoutReversed;
import app.soiree.api.payout.PayoutRiskHints;
import app.soiree.api.payout.PayoutSent;
import app.soiree.api.payout.PayoutStatus;
import app.soiree.api.payout.PayoutTransferUnanswered;
import app.soiree.api.payout.PayoutView;
import app.soiree.query.ProjectionTest;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import org.axonframework.messaging.responsetypes.ResponseTypes;
import org.axonframework.queryhandling.QueryGateway;
import org.axonframework.queryhandling.SubscriptionQueryResult;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

class PayoutProjectionTest extends ProjectionTest {

    static final Instant T0 = Instant.parse("2026-12-20T09:00:00Z");

    @Autowired
    QueryGateway queries;
    @Autowired
    PayoutController controller;

    final UserId host = UserId.random();
    final UserId ada = UserId.random();
    final UserId grace = UserId.random();

    @Test
    void aPayoutWaitingForApprovalIsInTheQueueWithItsApprovalsSoFar() {
        PayoutId payout = PayoutId.random();
        events.publish(requested(payout, 4000, 2, T0), new PayoutApprovalGiven(payout, host, ada, 1, 2, T0.plusSeconds(5)));

        PayoutPage queue = find(new FindPayouts(PayoutStatus.PENDING_APPROVAL, null, 20));

        assertThat(queue.items()).singleElement().satisfies(view -> {
            assertThat(view.status()).isEqualTo(PayoutStatus.PENDING_APPROVAL);
            assertThat(view.requiredApprovals()).isEqualTo(2);
            assertThat(view.approvals()).containsExactly(new PayoutApprovalView(ada, T0.plusSeconds(5)));
            assertThat(view.amount()).isEqualTo(Money.of(4000, "EUR"));
        });
    }

    @Test
    void approvedPaidRejectedAndFailedPayoutsLeaveTheQueueWithWhoDecidedAndWhy() {
        PayoutId paid = PayoutId.random();
        PayoutId rejected = PayoutId.random();
        PayoutId failed = PayoutId.random();
        events.publish(requested(paid, 2000, 1, T0), new PayoutApprovalGiven(paid, host, ada, 1, 1, T0),
                new PayoutApproved(paid, host, Money.of(2000, "EUR"), ada, T0), sent(paid, 2000),
                paid(paid, 2000));
        events.publish(requested(rejected, 2000, 1, T0.plusSeconds(1)),
                new PayoutRejected(rejected, host, Money.of(2000, "EUR"), grace, "Unusual", T0.plusSeconds(2)));
        events.publish(requested(failed, 500, 0, T0.plusSeconds(3)), new PayoutApproved(failed, host, Money.of(500, "EUR"), null, T0),
                sent(failed, 500), new PayoutFailed(failed, host, Money.of(500, "EUR"), "account closed", T0.plusSeconds(4)));

        assertThat(find(new FindPayouts(PayoutStatus.PENDING_APPROVAL, null, 20)).items()).isEmpty();
        assertThat(view(paid)).satisfies(view -> {
            assertThat(view.status()).isEqualTo(PayoutStatus.PAID);
            assertThat(view.decidedBy()).isEqualTo(ada);
            assertThat(view.transferReference()).isEqualTo("tr_1");
        });
        assertThat(view(rejected).status()).isEqualTo(PayoutStatus.REJECTED);
        assertThat(view(rejected).reason()).isEqualTo("Unusual");
        assertThat(view(rejected).decidedBy()).isEqualTo(grace);
        assertThat(view(failed).status()).isEqualTo(PayoutStatus.FAILED);
        assertThat(view(failed).reason()).isEqualTo("account closed");
        assertThat(view(failed).decidedBy()).isNull();
    }

    @Test
    void redeliveredEventsChangeNothingAndNeverUndoALaterStatus() {
        PayoutId payout = PayoutId.random();
        PayoutApprovalGiven approval = new PayoutApprovalGiven(payout, host, ada, 1, 1, T0);
        PayoutApproved approved = new PayoutApproved(payout, host, Money.of(2000, "EUR"), ada, T0);
        events.publish(requested(payout, 2000, 1, T0), approval, approved, sent(payout, 2000),
                paid(payout, 2000));

        events.publish(requested(payout, 2000, 1, T0), approval, approved);

        assertThat(view(payout).status()).isEqualTo(PayoutStatus.PAID);
        assertThat(view(payout).approvals()).hasSize(1);
        assertThat(jdbc.sql("select count(*) from payouts").query(Long.class).single()).isEqualTo(1);
    }

    @Test
    void aReversalInPartKeepsItPaidAndInFullFailsIt() {
        PayoutId payout = PayoutId.random();
        events.publish(requested(payout, 1000, 0, T0), new PayoutApproved(payout, host, Money.of(1000, "EUR"), null, T0), sent(payout, 1000),
                paid(payout, 1000),
                new PayoutReversed(payout, host, Money.of(400, "EUR"), Money.of(400, "EUR"), "tr_1", T0));

        assertThat(view(payout).status()).isEqualTo(PayoutStatus.PAID);
        assertThat(view(payout).reversed()).isEqualTo(Money.of(400, "EUR"));

        events.publish(new PayoutReversed(payout, host, Money.of(600, "EUR"), Money.of(1000, "EUR"), "tr_1", T0));

        assertThat(view(payout).status()).isEqualTo(PayoutStatus.FAILED);
        assertThat(view(payout).reason()).contains("reversed");
    }

    @Test
    void aTransferLeftUnansweredNeedsAttentionUntilItIsSettled() {
        PayoutId payout = PayoutId.random();
        events.publish(requested(payout, 1000, 0, T0), new PayoutApproved(payout, host, Money.of(1000, "EUR"), null, T0), sent(payout, 1000),
                new PayoutTransferUnanswered(payout, host, 3, "timeout", true, T0));

        assertThat(view(payout).needsAttention()).isTrue();
        assertThat(view(payout).status()).isEqualTo(PayoutStatus.APPROVED);

        events.publish(paid(payout, 1000));

        assertThat(view(payout).needsAttention()).isFalse();
    }

    @Test
    void theQueueIsPagedOldestFirstAndTheHostsListNewestFirst() {
        PayoutId first = PayoutId.random();
        PayoutId second = PayoutId.random();
        PayoutId third = PayoutId.random();
        events.publish(requested(first, 2000, 1, T0), requested(second, 2000, 1, T0.plusSeconds(1)), requested(third, 2000, 1, T0.plusSeconds(2)));

        PayoutPage page = find(new FindPayouts(PayoutStatus.PENDING_APPROVAL, null, 2));
        PayoutPage next = find(new FindPayouts(PayoutStatus.PENDING_APPROVAL, page.nextCursor(), 2));
        PayoutPage mine = find(new FindHostPayouts(host, null, 2));

        assertThat(page.items()).extracting(PayoutView::payoutId).containsExactly(first, second);
        assertThat(next.items()).extracting(PayoutView::payoutId).containsExactly(third);
        assertThat(next.nextCursor()).isNull();
        assertThat(mine.items()).extracting(PayoutView::payoutId).containsExactly(third, second);
        assertThat(find(new FindHostPayouts(host, mine.nextCursor(), 2)).items()).extracting(PayoutView::payoutId).containsExactly(first);
        assertThat(find(new FindHostPayouts(ada, null, 20)).items()).isEmpty();
    }

    @Test
    void theFinanceQueueHearsOfPayoutsEnteringAndLeavingIt() {
        SubscriptionQueryResult<PayoutPage, PayoutView> subscription = queries.subscriptionQuery(
                new FindPayouts(PayoutStatus.PENDING_APPROVAL, null, 20), ResponseTypes.instanceOf(PayoutPage.class),
                ResponseTypes.instanceOf(PayoutView.class));
        List<PayoutView> updates = new CopyOnWriteArrayList<>();
        subscription.updates().subscribe(updates::add);
        try {
            PayoutId pending = PayoutId.random();
            PayoutId automatic = PayoutId.random();
            events.publish(requested(pending, 2000, 1, T0), new PayoutApprovalGiven(pending, host, ada, 1, 1, T0),
                    new PayoutApproved(pending, host, Money.of(2000, "EUR"), ada, T0));
            events.publish(requested(automatic, 500, 0, T0), new PayoutApproved(automatic, host, Money.of(500, "EUR"), null, T0));

            assertThat(updates).extracting(PayoutView::payoutId, PayoutView::status).containsExactly(
                    org.assertj.core.groups.Tuple.tuple(pending, PayoutStatus.PENDING_APPROVAL),
                    org.assertj.core.groups.Tuple.tuple(pending, PayoutStatus.PENDING_APPROVAL),
                    org.assertj.core.groups.Tuple.tuple(pending, PayoutStatus.APPROVED));
            assertThat(subscription.initialResult().block(Duration.ofSeconds(5)).items()).isEmpty();
        } finally {
            subscription.close();
        }
    }

    @Test
    void onlyItsHostAndFinanceSeeAPayout() {
        PayoutId payout = PayoutId.random();
        events.publish(requested(payout, 2000, 1, T0));

        assertThat(controller.payout(payout, new Actor(host, Set.of(Role.GUEST, Role.HOST))).payoutId()).isEqualTo(payout);
        assertThat(controller.payout(payout, new Actor(ada, Set.of(Role.FINANCE))).payoutId()).isEqualTo(payout);
        assertThatThrownBy(() -> controller.payout(payout, new Actor(grace, Set.of(Role.GUEST, Role.HOST))))
                .isInstanceOfSatisfying(SoireeException.class, refusal -> assertThat(refusal.code()).isEqualTo(ErrorCode.NOT_FOUND));
    }

    @Test
    void aPayoutAccountIsOnboardingUntilEnabledAndDisabledWhenTheProviderTakesItBack() {
        assertThat(account(host).status()).isEqualTo(PayoutAccountStatus.NONE);
        HostWalletId wallet = HostWalletId.forHost(host);

        events.publish(new PayoutAccountOpened(wallet, host, "stripe", "acct_1", false, T0));
        assertThat(account(host).status()).isEqualTo(PayoutAccountStatus.ONBOARDING);
        events.publish(new PayoutAccountStatusReported(wallet, host, "acct_1", false, T0.plusSeconds(1), "evt_1", T0));
        assertThat(account(host).status()).isEqualTo(PayoutAccountStatus.ONBOARDING);
        events.publish(new PayoutAccountStatusReported(wallet, host, "acct_1", true, T0.plusSeconds(2), "evt_2", T0));
        assertThat(account(host).status()).isEqualTo(PayoutAccountStatus.ENABLED);
        events.publish(new PayoutAccountStatusReported(wallet, host, "acct_1", false, T0.plusSeconds(3), "evt_3", T0));
        assertThat(account(host).status()).isEqualTo(PayoutAccountStatus.DISABLED);
        assertThat(account(host).accountId()).isEqualTo("acct_1");
    }

    @Test
    void riskHintsCountTheHostsEarlierPayouts() {
        PayoutId earlier = PayoutId.random();
        PayoutId now = PayoutId.random();
        events.publish(new PayoutAccountOpened(HostWalletId.forHost(host), host, "simulated", "sim_1", true, T0));
        events.publish(requested(earlier, 1000, 0, T0), new PayoutApproved(earlier, host, Money.of(1000, "EUR"), null, T0),
                sent(earlier, 1000), paid(earlier, 1000));
        events.publish(requested(now, 2000, 1, T0.plusSeconds(60)));

        PayoutRiskHints hints = queries.query(new FindPayoutRiskHints(now), ResponseTypes.instanceOf(PayoutRiskHints.class)).join();

        assertThat(hints.hostId()).isEqualTo(host);
        assertThat(hints.paidPayouts()).isEqualTo(1);
        assertThat(hints.paidTotal()).isEqualTo(Money.of(1000, "EUR"));
        assertThat(hints.failedOrRejectedPayouts()).isZero();
        assertThat(hints.payoutAccountOpenedAt()).isEqualTo(T0);
        assertThat(hints.openDisputes()).isZero();
        assertThat(hints.refundsSinceLastPayout()).isZero();
    }

    @Test
    void riskHintsCountTheHostsOpenDisputesAndTheRefundsSinceTheirLastPaidPayout() {
        PayoutId earlier = PayoutId.random();
        PayoutId now = PayoutId.random();
        UUID gathering = gatheringOf(host);
        UUID othersGathering = gatheringOf(grace);
        events.publish(requested(earlier, 1000, 0, T0), new PayoutApproved(earlier, host, Money.of(1000, "EUR"), null, T0),
                sent(earlier, 1000), paid(earlier, 1000));
        events.publish(requested(now, 2000, 1, T0.plusSeconds(600)));
        dispute(host, "NEEDS_RESPONSE");
        dispute(host, "ACCEPTED");
        dispute(host, "WON");
        dispute(grace, "UNDER_REVIEW");
        refund(gathering, "SUCCEEDED", T0.minusSeconds(60)); // before the last paid payout: already counted then
        refund(gathering, "PENDING", T0.plusSeconds(60));
        refund(gathering, "SUCCEEDED", T0.plusSeconds(120));
        refund(gathering, "FAILED", T0.plusSeconds(180));
        refund(othersGathering, "SUCCEEDED", T0.plusSeconds(60));

        PayoutRiskHints hints = await().atMost(Duration.ofSeconds(10)).until(
                () -> queries.query(new FindPayoutRiskHints(now), ResponseTypes.instanceOf(PayoutRiskHints.class)).join(),
                answer -> answer != null && answer.paidPayouts() == 1);

        assertThat(hints.openDisputes()).as("open until won or lost").isEqualTo(2);
        assertThat(hints.refundsSinceLastPayout()).isEqualTo(2);
    }

    private UUID gatheringOf(UserId who) {
        UUID gathering = UUID.randomUUID();
        jdbc.sql("""
                insert into gatherings (id, host_id, title, description, starts_at, ends_at, timezone, online, tags,
                                        refund_full_hours_before, status, created_at)
                values (?, ?, 'Supper', '', ?, ?, 'UTC', false, '{}', 24, 'PUBLISHED', ?)""")
                .params(gathering, who.value(), Timestamp.from(T0), Timestamp.from(T0.plusSeconds(3600)), Timestamp.from(T0)).update();
        return gathering;
    }

    /** A row as the dispute projection keeps it: that context's own tests cover how its events get there. */
    private void dispute(UserId who, String status) {
        jdbc.sql("""
                insert into disputes (dispute_id, payment_id, booking_id, gathering_id, host_id, guest_id, provider, provider_dispute_id,
                                      amount, currency, fee, host_share, reason, status, provider_status, evidence_due_by, opened_at, updated_at)
                values (?, ?, ?, ?, ?, ?, 'simulated', 'dp_1', 2500, 'EUR', 1500, 2345, 'fraudulent', ?, 'NEEDS_RESPONSE', ?, ?, ?)""")
                .params(UUID.randomUUID(), UUID.randomUUID(), UUID.randomUUID(), UUID.randomUUID(), who.value(), UUID.randomUUID(), status,
                        Timestamp.from(T0.plusSeconds(86_400)), Timestamp.from(T0), Timestamp.from(T0)).update();
    }

    /** A row as the refund projection keeps it. */
    private void refund(UUID gathering, String status, Instant requestedAt) {
        jdbc.sql("""
                insert into refunds (refund_id, payment_id, booking_id, gathering_id, amount, currency, reason, status, requested_by,
                                     requested_at, updated_at)
                values (?, ?, ?, ?, 2500, 'EUR', 'could not come', ?, 'system', ?, ?)""")
                .params(UUID.randomUUID(), UUID.randomUUID(), UUID.randomUUID(), gathering, status, Timestamp.from(requestedAt),
                        Timestamp.from(requestedAt)).update();
    }

    private PayoutRequested requested(PayoutId payout, long amount, int approvals, Instant at) {
        return new PayoutRequested(payout, host, Money.of(amount, "EUR"), "acct_1", approvals, at);
    }

    private PayoutSent sent(PayoutId payout, long amount) {
        Money money = Money.of(amount, "EUR");
        return new PayoutSent(payout, host, money, "acct_1", List.of(Posting.debit(LedgerAccounts.hostReserved(host), money),
                Posting.credit(LedgerAccounts.PAYOUTS_IN_TRANSIT, money)), T0);
    }

    private PayoutPaid paid(PayoutId payout, long amount) {
        Money money = Money.of(amount, "EUR");
        return new PayoutPaid(payout, host, money, "tr_1", List.of(Posting.debit(LedgerAccounts.PAYOUTS_IN_TRANSIT, money),
                Posting.credit(LedgerAccounts.PROVIDER_CASH, money)), T0);
    }

    private PayoutPage find(Object query) {
        return queries.query(query, ResponseTypes.instanceOf(PayoutPage.class)).join();
    }

    private PayoutView view(PayoutId payout) {
        return controller.payout(payout, new Actor(ada, Set.of(Role.FINANCE)));
    }

    private PayoutAccountView account(UserId who) {
        return queries.query(new FindPayoutAccount(who), ResponseTypes.instanceOf(PayoutAccountView.class)).join();
    }

}
