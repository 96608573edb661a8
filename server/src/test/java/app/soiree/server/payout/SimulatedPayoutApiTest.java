package app.soiree.server.payout;

import static app.soiree.server.support.Gatherings.money;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import app.soiree.api.identity.UserId;
import app.soiree.api.payout.HostWalletId;
import app.soiree.server.support.Api;
import app.soiree.server.support.Api.Response;
import app.soiree.server.support.Api.Session;
import app.soiree.server.support.HostEarnings;
import app.soiree.server.support.IntegrationTest;
import app.soiree.server.support.LedgerChecks;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import tools.jackson.databind.JsonNode;

/**
 * Payouts end to end with the simulated provider: earnings released by a real gathering's end, onboarding,
 * approvals (automatic, one, two), rejection, refused and unanswered transfers, reversals, and a rush of
 * concurrent requests. Every test ends with a balanced trial balance and a wallet that agrees with the journal.
 * Test profile thresholds: automatic up to 1000, one approval up to 3000, two above.
 */
@IntegrationTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class SimulatedPayoutApiTest {

    static final int SEATS = 2;
    static final long NET = HostEarnings.netFor(SEATS); // 4720

    @LocalServerPort
    int port;
    @Autowired
    EventStore events;
    @Autowired
    JdbcTemplate jdbc;

    private Api api;
    private Session finance;
    private Session otherFinance;
    private Session financeHost;
    private Session support;
    private Map<String, String> bookings;
    private final Deque<Session> hosts = new ArrayDeque<>();
    private Session host;

    @BeforeAll
    void earn() {
        api = new Api(port);
        Session admin = api.signIn("", "admin@soiree.test", "admin-password-1");
        finance = api.newStaff(admin, "FINANCE");
        otherFinance = api.newStaff(admin, "FINANCE");
        support = api.newStaff(admin, "SUPPORT");
        financeHost = HostEarnings.financeHost(api, admin);
        List<Session> earning = new ArrayList<>();
        earning.add(financeHost);
        for (int i = 0; i < 13; i++) { // one per test that needs earnings, and one to spare
            earning.add(api.newHost("Payout Host " + i));
        }
        bookings = HostEarnings.earn(api, events, earning, SEATS, HostEarnings.simulated(api));
        hosts.addAll(earning.subList(1, earning.size()));
    }

    @AfterEach
    void ledgerStillAddsUp() {
        LedgerChecks.assertTrialBalanceBalances(api, finance);
        if (host != null) {
            LedgerChecks.assertWalletAgreesWithJournal(api, finance, host);
        }
    }

    @Test
    void aSmallPayoutIsApprovedByItselfAndPaid() {
        host = onboarded(hosts.pop());

        JsonNode requested = request(host, 1000).expectStatus(201).json();

        assertThat(requested.get("status").asString()).isEqualTo("APPROVED");
        JsonNode payout = awaitStatus(host, requested.get("payoutId").asString(), "PAID");
        assertThat(payout.get("amount").get("amount").asLong()).isEqualTo(1000);
        assertThat(payout.get("requiredApprovals").asInt()).isZero();
        assertThat(payout.get("decidedBy").isNull()).isTrue();
        assertThat(payout.get("transferReference").asString()).startsWith("sim_tr_");
        awaitWallet(host, NET - 1000, 0);
        JsonNode mine = api.get("/api/me/payouts", host.accessToken()).expectStatus(200).json();
        assertThat(mine.get("items").get(0).get("payoutId").asString()).isEqualTo(requested.get("payoutId").asString());
    }

    /** Issue 12: a payout id is the server's, derived from its host and Idempotency-Key; a client-chosen one is ignored. */
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
    void aMediumPayoutWaitsForOneFinanceApproval() {
        host = onboarded(hosts.pop());

        String payoutId = request(host, 2000).expectStatus(201).json().get("payoutId").asString();

        JsonNode queued = awaitInQueue(payoutId);
        assertThat(queued.get("requiredApprovals").asInt()).isEqualTo(1);
        awaitWallet(host, NET - 2000, 2000);
        Response hostTries = api.post("/api/staff/payouts/" + payoutId + "/approve", host.accessToken(), null);
        assertThat(hostTries.status()).isEqualTo(403);
        JsonNode approved = api.post("/api/staff/payouts/" + payoutId + "/approve", finance.accessToken(), null).expectStatus(200).json();
        assertThat(approved.get("status").asString()).isEqualTo("APPROVED");
        JsonNode paid = awaitStatus(host, payoutId, "PAID");
        assertThat(paid.get("decidedBy").asString()).isEqualTo(finance.userId());
        assertThat(paid.get("approvals").get(0).get("by").asString()).isEqualTo(finance.userId());
        awaitNotInQueue(payoutId);
        awaitWallet(host, NET - 2000, 0);
    }

    @Test
    void aLargePayoutNeedsTwoDifferentFinanceApprovers() {
        host = onboarded(hosts.pop());
        String payoutId = request(host, 4000).expectStatus(201).json().get("payoutId").asString();

        JsonNode first = api.post("/api/staff/payouts/" + payoutId + "/approve", finance.accessToken(), null).expectStatus(200).json();
        Response again = api.post("/api/staff/payouts/" + payoutId + "/approve", finance.accessToken(), null);

        assertThat(first.get("status").asString()).isEqualTo("PENDING_APPROVAL");
        assertThat(again.status()).isEqualTo(403);
        assertThat(again.code()).isEqualTo("APPROVAL_NOT_ALLOWED");
        JsonNode queued = await().atMost(Duration.ofSeconds(20)).until(() -> awaitInQueue(payoutId),
                payout -> payout.get("approvals").size() == 1);
        assertThat(queued.get("approvals").get(0).get("by").asString()).isEqualTo(finance.userId());
        assertThat(queued.get("requiredApprovals").asInt()).isEqualTo(2);
        JsonNode second = api.post("/api/staff/payouts/" + payoutId + "/approve", otherFinance.accessToken(), null).expectStatus(200).json();
        assertThat(second.get("status").asString()).isEqualTo("APPROVED");
        JsonNode paid = awaitStatus(host, payoutId, "PAID");
        assertThat(paid.get("approvals")).hasSize(2);
        assertThat(paid.get("decidedBy").asString()).isEqualTo(otherFinance.userId());
        awaitWallet(host, NET - 4000, 0);
    }

    @Test
    void theRequesterCanNeverApproveTheirOwnPayoutEvenAsFinance() {
        host = onboarded(financeHost);
        String payoutId = request(host, 2000).expectStatus(201).json().get("payoutId").asString();

        Response own = api.post("/api/staff/payouts/" + payoutId + "/approve", host.accessToken(), null);

        assertThat(own.status()).isEqualTo(403);
        assertThat(own.code()).isEqualTo("APPROVAL_NOT_ALLOWED");
        Response ownRejection = api.post("/api/staff/payouts/" + payoutId + "/reject", host.accessToken(), Map.of("reason", "mine"));
        assertThat(ownRejection.code()).isEqualTo("APPROVAL_NOT_ALLOWED");
        // Another FINANCE user still can.
        api.post("/api/staff/payouts/" + payoutId + "/approve", finance.accessToken(), null).expectStatus(200);
        awaitStatus(host, payoutId, "PAID");
        awaitWallet(host, NET - 2000, 0);
    }

    @Test
    void aRejectionNeedsAReasonAndReturnsTheFunds() {
        host = onboarded(hosts.pop());
        String payoutId = request(host, 2500).expectStatus(201).json().get("payoutId").asString();
        awaitWallet(host, NET - 2500, 2500);

        Response noReason = api.post("/api/staff/payouts/" + payoutId + "/reject", finance.accessToken(), Map.of("reason", " "));
        assertThat(noReason.status()).isEqualTo(400);
        assertThat(noReason.code()).isEqualTo("VALIDATION_FAILED");
        assertThat(noReason.json().get("errors").get(0).get("field").asString()).isEqualTo("reason");

        JsonNode rejected = api.post("/api/staff/payouts/" + payoutId + "/reject", finance.accessToken(),
                Map.of("reason", "Bank details under review")).expectStatus(200).json();

        assertThat(rejected.get("status").asString()).isEqualTo("REJECTED");
        JsonNode payout = awaitStatus(host, payoutId, "REJECTED");
        assertThat(payout.get("reason").asString()).isEqualTo("Bank details under review");
        assertThat(payout.get("decidedBy").asString()).isEqualTo(finance.userId());
        awaitWallet(host, NET, 0);
        Response late = api.post("/api/staff/payouts/" + payoutId + "/approve", otherFinance.accessToken(), null);
        assertThat(late.status()).isEqualTo(409);
        assertThat(late.code()).isEqualTo("PAYOUT_NOT_PENDING");
        // The returned funds can be paid out again, by a wallet that is loaded from its snapshot by now.
        assertThat(request(host, NET).status()).isEqualTo(201);
        await().atMost(Duration.ofSeconds(20)).until(() -> jdbc.queryForObject(
                "select count(*) from snapshot_event_entry where aggregate_identifier = ?", Integer.class,
                HostWalletId.forHost(UserId.of(host.userId())).toString()) > 0);
        assertThat(request(host, 1).code()).isEqualTo("INSUFFICIENT_FUNDS");
    }

    @Test
    void aTransferTheProviderRefusesFailsAndReturnsTheFunds() {
        host = onboarded(hosts.pop());
        api.post("/api/dev/payout-account/transfer-outcome", host.accessToken(), Map.of("outcome", "failed")).expectStatus(202);

        String payoutId = request(host, 1000).expectStatus(201).json().get("payoutId").asString();

        JsonNode failed = awaitStatus(host, payoutId, "FAILED");
        assertThat(failed.get("reason").asString()).contains("refused by the simulated provider");
        awaitWallet(host, NET, 0);
    }

    @Test
    void fiftyConcurrentRequestsAgainstABalanceThatCoversOneReserveItOnce() throws Exception {
        host = onboarded(hosts.pop());
        int requests = 50;
        List<Response> answers = new ArrayList<>();
        CountDownLatch start = new CountDownLatch(1);
        try (ExecutorService pool = Executors.newFixedThreadPool(requests)) {
            List<Future<Response>> futures = new ArrayList<>();
            for (int i = 0; i < requests; i++) {
                futures.add(pool.submit(() -> {
                    start.await();
                    return request(host, 3000);
                }));
            }
            start.countDown();
            for (Future<Response> future : futures) {
                answers.add(future.get());
            }
        }

        assertThat(answers.stream().filter(answer -> answer.status() == 201)).hasSize(1);
        assertThat(answers.stream().filter(answer -> answer.status() == 422))
                .hasSize(requests - 1)
                .allSatisfy(answer -> assertThat(answer.code()).isEqualTo("INSUFFICIENT_FUNDS"));
        awaitWallet(host, NET - 3000, 3000);
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

    @Test
    void aReversedTransferReturnsTheFundsToAvailable() {
        host = onboarded(hosts.pop());
        String payoutId = request(host, 1000).expectStatus(201).json().get("payoutId").asString();
        awaitStatus(host, payoutId, "PAID");

        api.post("/api/dev/payouts/" + payoutId + "/outcome", finance.accessToken(), Map.of("outcome", "reversed")).expectStatus(202);

        JsonNode reversed = awaitStatus(host, payoutId, "FAILED");
        assertThat(reversed.get("reversed").get("amount").asLong()).isEqualTo(1000);
        awaitWallet(host, NET, 0);
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

    private Session onboarded(Session who) {
        JsonNode onboarding = api.post("/api/me/payout-account", who.accessToken(), null).expectStatus(200).json();
        assertThat(onboarding.get("onboardingUrl").asString()).contains("simulated=enabled");
        await().atMost(Duration.ofSeconds(20)).until(() -> api.get("/api/me/payout-account", who.accessToken()).json()
                .get("status").asString(), "ENABLED"::equals);
        return who;
    }

    private Response request(Session who, long amount) {
        return api.postOnce("/api/payouts", who.accessToken(), Map.of("amount", money(amount)));
    }

    /** The payout as {@code who} reads it; null until the read side shows it. */
    private JsonNode payout(Session who, String payoutId) {
        Response response = api.get("/api/payouts/" + payoutId, who.accessToken());
        return response.status() == 200 ? response.json() : null;
    }

    private JsonNode awaitStatus(Session who, String payoutId, String status) {
        return await().atMost(Duration.ofSeconds(30)).until(() -> payout(who, payoutId),
                payout -> payout != null && status.equals(payout.path("status").asString()));
    }

    private JsonNode awaitInQueue(String payoutId) {
        return await().atMost(Duration.ofSeconds(20)).until(() -> queued(payoutId), payout -> payout != null);
    }

    private void awaitNotInQueue(String payoutId) {
        await().atMost(Duration.ofSeconds(20)).until(() -> queued(payoutId) == null);
    }

    /** The payout in the finance queue, paging through it; null when it is not there. */
    private JsonNode queued(String payoutId) {
        String cursor = null;
        do {
            JsonNode page = api.get("/api/staff/payouts?status=PENDING_APPROVAL&limit=100" + (cursor == null ? "" : "&cursor=" + cursor),
                    finance.accessToken()).expectStatus(200).json();
            for (JsonNode item : page.get("items")) {
                if (item.get("payoutId").asString().equals(payoutId)) {
                    return item;
                }
            }
            cursor = page.hasNonNull("nextCursor") ? page.get("nextCursor").asString() : null;
        } while (cursor != null);
        return null;
    }

    private void awaitWallet(Session who, long available, long reserved) {
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
            Map<String, Long> wallet = LedgerChecks.walletOf(api, who);
            assertThat(wallet.getOrDefault("EUR:available", 0L)).as("available").isEqualTo(available);
            assertThat(wallet.getOrDefault("EUR:reserved", 0L)).as("reserved").isEqualTo(reserved);
        });
    }
}
