package app.soiree.server.payout;

import static app.soiree.server.support.Gatherings.money;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import app.soiree.api.Money;
import app.soiree.api.identity.UserId;
import app.soiree.api.payout.HostWalletId;
import app.soiree.api.payout.PayoutAbandoned;
import app.soiree.api.payout.PayoutId;
import app.soiree.api.payout.PayoutRequested;
import app.soiree.api.payout.ReservePayoutFunds;
import app.soiree.server.support.Api.Response;
import app.soiree.server.support.Api.Session;
import app.soiree.server.support.HostEarnings;
import app.soiree.server.support.IntegrationTest;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.JsonNode;

/**
 * Payouts with the simulated provider beyond the provider contract ({@link PayoutContract}): payout ids a host cannot
 * choose, unanswered transfers left to staff, a refund after a payout, the checks at the door, retried requests and
 * who sees a payout. Every test ends with a balanced trial balance and a wallet that agrees with the journal.
 */
@IntegrationTest
class SimulatedPayoutApiTest extends PayoutFixture {

    @Autowired
    private CommandGateway commands;

    @Test
    void aHostCannotNameAnotherHostsPayout() {
        Session other = onboarded(hosts.pop());
        String othersPayout = request(other, 1000).expectStatus(201).json().get("payoutId").asString();
        host = onboarded(hosts.pop());

        JsonNode mine = api.postOnce("/api/payouts", host.accessToken(), Map.of("payoutId", othersPayout, "amount", money(1000)))
                .expectStatus(201).json();

        assertThat(mine.get("payoutId").asString()).isNotEqualTo(othersPayout);
        awaitStatus(host, mine.get("payoutId").asString(), "PAID");
        JsonNode others = awaitStatus(other, othersPayout, "PAID");
        assertThat(others.get("amount").get("amount").asLong()).isEqualTo(1000);
        assertThat(api.get("/api/payouts/" + othersPayout, host.accessToken()).status()).isEqualTo(404);
    }

    @Test
    void anUnansweredTransferIsRetriedThenLeftToStaffWhoRetryIt() {
        host = onboarded(hosts.pop());
        api.post("/api/dev/payout-account/transfer-outcome", host.accessToken(), Map.of("outcome", "unanswered")).expectStatus(202);

        String payoutId = request(host, 1000).expectStatus(201).json().get("payoutId").asString();

        // Three attempts, a second and two seconds apart (test profile), then it waits for staff.
        JsonNode stuck = await().atMost(Duration.ofSeconds(30)).until(() -> payout(finance, payoutId),
                payout -> payout != null && payout.get("needsAttention").asBoolean());
        assertThat(stuck.get("status").asString()).isEqualTo("APPROVED");
        awaitWallet(host, NET - 1000, 0); // the money is in transit
        Response hostTries = api.post("/api/staff/payouts/" + payoutId + "/retry-transfer", host.accessToken(), null);
        assertThat(hostTries.status()).isEqualTo(403);

        api.post("/api/dev/payout-account/transfer-outcome", host.accessToken(), Map.of("outcome", "succeeded")).expectStatus(202);
        api.post("/api/staff/payouts/" + payoutId + "/retry-transfer", finance.accessToken(), null).expectStatus(202);

        JsonNode paid = awaitStatus(host, payoutId, "PAID");
        assertThat(paid.get("needsAttention").asBoolean()).isFalse();
        awaitWallet(host, NET - 1000, 0);
    }

    /**
     * A refund after the earnings were paid out leaves the host owing: the refund takes its share from
     * available, the wallet learns of it, and no payout is possible until later earnings settle the debt.
     */
    @Test
    void aRefundAfterAPayoutLeavesTheHostOwingAndPayingOutNothing() {
        host = onboarded(hosts.pop());
        String payoutId = request(host, NET).expectStatus(201).json().get("payoutId").asString();
        api.post("/api/staff/payouts/" + payoutId + "/approve", finance.accessToken(), null).expectStatus(200);
        api.post("/api/staff/payouts/" + payoutId + "/approve", otherFinance.accessToken(), null).expectStatus(200);
        awaitStatus(host, payoutId, "PAID");

        String refundId = api.postOnce("/api/staff/refunds", support.accessToken(), Map.of("bookingId", bookings.get(host.userId()),
                "amount", money(HostEarnings.PRICE), "reason", "One guest could not come")).expectStatus(201).json()
                .get("refundId").asString();
        api.post("/api/dev/refunds/" + refundId + "/outcome", support.accessToken(), Map.of("outcome", "succeeded")).expectStatus(202);

        // The host's share of a refund of one seat out of two: round(2500 * 4720 / 5000).
        long owed = Math.round(HostEarnings.PRICE * (double) NET / (HostEarnings.PRICE * SEATS));
        awaitWallet(host, -owed, 0);
        await().atMost(Duration.ofSeconds(30)).until(() -> HostEarnings.knownToWallet(events, host) == NET - owed);
        Response refused = request(host, 1);
        assertThat(refused.status()).isEqualTo(422);
        assertThat(refused.code()).isEqualTo("INSUFFICIENT_FUNDS");
    }

    @Test
    void requestsAreCheckedAtTheDoor() {
        Session fresh = api.newHost("Fresh Host");
        host = fresh;
        assertThat(api.get("/api/me/payout-account", fresh.accessToken()).expectStatus(200).json().get("status").asString())
                .isEqualTo("NONE");

        Response noAccount = request(fresh, 100);
        Response zero = request(fresh, 0);
        Response noKey = api.post("/api/payouts", fresh.accessToken(), Map.of("amount", money(100)));
        Response noAmount = api.postOnce("/api/payouts", fresh.accessToken(), Map.of());
        Response guest = request(api.newUser("Not A Host"), 100);

        assertThat(noAccount.status()).isEqualTo(409);
        assertThat(noAccount.code()).isEqualTo("PAYOUT_ACCOUNT_NOT_READY");
        assertThat(zero.status()).isEqualTo(400);
        assertThat(noKey.status()).isEqualTo(400);
        assertThat(noKey.code()).isEqualTo("IDEMPOTENCY_KEY_REQUIRED");
        assertThat(noAmount.status()).isEqualTo(400);
        assertThat(guest.status()).isEqualTo(403);

        onboarded(fresh);
        Response nothingAvailable = request(fresh, 1);
        assertThat(nothingAvailable.status()).isEqualTo(422);
        assertThat(nothingAvailable.code()).isEqualTo("INSUFFICIENT_FUNDS");
    }

    @Test
    void aRetriedRequestIsAnsweredOnceAndPayoutsAreSeenOnlyByTheirHostAndFinance() {
        host = onboarded(hosts.pop());
        String key = UUID.randomUUID().toString();
        Response first = api.post("/api/payouts", host.accessToken(), Map.of("amount", money(2000)), Map.of("Idempotency-Key", key));
        Response retried = api.post("/api/payouts", host.accessToken(), Map.of("amount", money(2000)), Map.of("Idempotency-Key", key));

        assertThat(first.status()).isEqualTo(201);
        assertThat(retried.status()).isEqualTo(201);
        String payoutId = first.json().get("payoutId").asString();
        assertThat(retried.json().get("payoutId").asString()).isEqualTo(payoutId);
        awaitWallet(host, NET - 2000, 2000);

        Session stranger = api.newHost("Curious Host");
        await().atMost(Duration.ofSeconds(20)).until(() -> api.get("/api/payouts/" + payoutId, finance.accessToken()).status() == 200);
        assertThat(api.get("/api/payouts/" + payoutId, stranger.accessToken()).status()).isEqualTo(404);
        assertThat(api.get("/api/payouts/" + payoutId, host.accessToken()).status()).isEqualTo(200);
        assertThat(api.get("/api/staff/payouts?status=PENDING_APPROVAL", host.accessToken()).status()).isEqualTo(403);
        JsonNode hints = api.get("/api/staff/payouts/" + payoutId + "/risk-hints", finance.accessToken()).expectStatus(200).json();
        assertThat(hints.get("hostId").asString()).isEqualTo(host.userId());
        assertThat(hints.get("hostSince").isNull()).isFalse();
    }

    /**
     * The request reserved the funds and stopped before it opened the payout (the server went down between its two
     * commands), and its client never retried: once the saga's deadline comes, the payout is abandoned, the funds go
     * back, and a late retry with the same key cannot open a payout whose funds are gone.
     */
    @Test
    void fundsOfARequestThatNeverOpenedItsPayoutGoBack() {
        host = onboarded(hosts.pop());
        UserId hostId = UserId.of(host.userId());
        String key = UUID.randomUUID().toString();
        PayoutId payoutId = PayoutId.forRequest(hostId, key);
        commands.sendAndWait(new ReservePayoutFunds(HostWalletId.forHost(hostId), hostId, payoutId, Money.of(1500, "EUR")));
        awaitWallet(host, NET - 1500, 1500);

        bringForwardTheDeadlineOf(payoutId);

        awaitWallet(host, NET, 0);
        assertThat(payoutEvents(payoutId.toString(), PayoutAbandoned.class)).hasSize(1);
        Response late = api.post("/api/payouts", host.accessToken(), Map.of("amount", money(1500)), Map.of("Idempotency-Key", key));
        assertThat(late.status()).isEqualTo(409);
        assertThat(payoutEvents(payoutId.toString(), PayoutRequested.class)).isEmpty();
        awaitWallet(host, NET, 0);
    }

    /** The saga's deadline (the default is minutes away) is due now; db-scheduler polls every second. */
    private void bringForwardTheDeadlineOf(PayoutId payoutId) {
        byte[] id = payoutId.value().toString().getBytes(StandardCharsets.UTF_8);
        String scheduled = "select count(*) from scheduled_tasks where position(? in task_data) > 0";
        await().atMost(Duration.ofSeconds(30)).until(() -> jdbc.queryForObject(scheduled, Long.class, id) == 1);
        jdbc.update("update scheduled_tasks set execution_time = now() where position(? in task_data) > 0", id);
    }
}
