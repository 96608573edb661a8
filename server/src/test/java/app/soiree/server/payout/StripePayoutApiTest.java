package app.soiree.server.payout;

import static app.soiree.server.support.Gatherings.money;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import app.soiree.api.payout.HostWalletId;
import app.soiree.api.payout.PayoutAccountStatusReported;
import app.soiree.api.payout.PayoutFundsReturned;
import app.soiree.api.payout.PayoutId;
import app.soiree.api.payout.PayoutPaid;
import app.soiree.api.payout.PayoutReversed;
import app.soiree.api.identity.UserId;
import app.soiree.server.support.Api;
import app.soiree.server.support.Api.Response;
import app.soiree.server.support.Api.Session;
import app.soiree.server.support.HostEarnings;
import app.soiree.server.support.LedgerChecks;
import app.soiree.server.support.StripeIntegrationTest;
import app.soiree.server.support.stripe.StripeConnectStandIn;
import app.soiree.server.support.stripe.StripeConnectWebhooks;
import app.soiree.server.support.stripe.StripeEvents.EventPayload;
import app.soiree.server.support.stripe.StripeEvents;
import app.soiree.server.support.stripe.StripeStandIn;
import app.soiree.server.support.stripe.StripeWebhookDeliveries;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Supplier;
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
 * Payouts through Stripe Connect: the real stripe-java SDK against the WireMock stand-in for accounts, account
 * links and transfers, and signed webhooks (account.updated on the Connect endpoint, transfer.* on the account
 * endpoint) delivered in copies and out of order. Earnings come from bookings paid through Stripe's webhooks.
 * Every test ends with a balanced trial balance and a wallet that agrees with the journal.
 */
@StripeIntegrationTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class StripePayoutApiTest {

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
    private final Deque<Session> hosts = new ArrayDeque<>();
    private Session host;

    @BeforeAll
    void earn() {
        api = new Api(port);
        StripeConnectStandIn.install();
        Session admin = api.signIn("", "admin@soiree.test", "admin-password-1");
        finance = api.newStaff(admin, "FINANCE");
        otherFinance = api.newStaff(admin, "FINANCE");
        financeHost = HostEarnings.financeHost(api, admin);
        List<Session> earning = new ArrayList<>();
        earning.add(financeHost);
        for (int i = 0; i < 10; i++) {
            earning.add(api.newHost("Stripe Payout Host " + i));
        }
        HostEarnings.earn(api, events, earning, SEATS, this::payThroughStripe);
        hosts.addAll(earning.subList(1, earning.size()));
    }

    @AfterEach
    void ledgerStillAddsUp() {
        try {
            LedgerChecks.assertTrialBalanceBalances(api, finance);
            if (host != null) {
                LedgerChecks.assertWalletAgreesWithJournal(api, finance, host);
            }
            StripeStandIn.verifyAllRequestsAuthenticated();
        } finally {
            StripeStandIn.reset();
        }
    }

    @Test
    void onboardingCreatesOneExpressAccountAndAccountUpdatedEnablesPayouts() throws Exception {
        host = hosts.pop();
        String account = StripeConnectStandIn.accountIdFor(host.userId());

        JsonNode onboarding = api.post("/api/me/payout-account", host.accessToken(), null).expectStatus(200).json();

        assertThat(onboarding.get("onboardingUrl").asString()).startsWith("https://connect.stripe.com/setup/e/" + account + "/");
        LoggedRequest create = StripeConnectStandIn.accountCreatesFor(host.userId()).getFirst();
        assertThat(create.getHeader("Idempotency-Key")).isEqualTo("payout-account-" + host.userId());
        assertThat(create.formParameters().get("type").firstValue()).isEqualTo("express");
        assertThat(create.formParameters().get("capabilities[transfers][requested]").firstValue()).isEqualTo("true");
        LoggedRequest link = StripeConnectStandIn.accountLinksFor(account).getFirst();
        assertThat(link.formParameters().get("type").firstValue()).isEqualTo("account_onboarding");
        assertThat(link.formParameters().get("return_url").firstValue()).isEqualTo("http://localhost:8080/payout-account/return");
        assertThat(link.formParameters().get("refresh_url").firstValue()).isEqualTo("http://localhost:8080/payout-account/refresh");
        awaitAccountStatus(host, "ONBOARDING");
        Response tooEarly = request(host, 1000);
        assertThat(tooEarly.status()).isEqualTo(409);
        assertThat(tooEarly.code()).isEqualTo("PAYOUT_ACCOUNT_NOT_READY");

        // Onboarding again hands out a fresh link to the same account.
        api.post("/api/me/payout-account", host.accessToken(), null).expectStatus(200);
        assertThat(StripeConnectStandIn.accountCreatesFor(host.userId())).hasSize(1);
        assertThat(StripeConnectStandIn.accountLinksFor(account)).hasSize(2);

        EventPayload enabled = StripeConnectWebhooks.accountUpdated(account, host.userId(), true, Instant.now());
        List<Response> copies = deliverConcurrently(Collections.nCopies(5, enabled), true);

        assertThat(copies).allSatisfy(answer -> assertThat(answer.status()).isEqualTo(200));
        assertThat(copies.stream().filter(answer -> !answer.json().get("duplicate").asBoolean())).hasSize(1);
        awaitAccountStatus(host, "ENABLED");
        assertThat(walletEvents(host, PayoutAccountStatusReported.class)).hasSize(1);

        JsonNode requested = request(host, 1000).expectStatus(201).json();
        String payoutId = requested.get("payoutId").asString();
        awaitStatus(payoutId, "PAID");
        LoggedRequest transfer = StripeConnectStandIn.transfersTo(account).getFirst();
        assertThat(transfer.getHeader("Idempotency-Key")).isEqualTo(payoutId);
        assertThat(transfer.formParameters().get("amount").firstValue()).isEqualTo("1000");
        assertThat(transfer.formParameters().get("currency").firstValue()).isEqualTo("eur");
        assertThat(transfer.formParameters().get("metadata[soiree_payout_id]").firstValue()).isEqualTo(payoutId);
        awaitWallet(host, NET - 1000, 0);
    }

    @Test
    void accountUpdatesInAnyOrderEndInTheLatestState() {
        host = hosts.pop();
        String account = StripeConnectStandIn.accountIdFor(host.userId());
        api.post("/api/me/payout-account", host.accessToken(), null).expectStatus(200);
        Instant start = Instant.now();
        EventPayload onboarded = StripeConnectWebhooks.accountUpdated(account, host.userId(), true, start.plusSeconds(10));
        EventPayload stale = StripeConnectWebhooks.accountUpdated(account, host.userId(), false, start.plusSeconds(5));
        EventPayload disabledLater = StripeConnectWebhooks.accountUpdated(account, host.userId(), false, start.plusSeconds(20));

        deliverConnect(onboarded).expectStatus(200);
        deliverConnect(stale).expectStatus(200);

        awaitAccountStatus(host, "ENABLED");
        await().atMost(Duration.ofSeconds(20)).until(() -> processed(stale.id()));
        assertThat(api.get("/api/me/payout-account", host.accessToken()).json().get("status").asString()).isEqualTo("ENABLED");

        deliverConnect(disabledLater).expectStatus(200);

        awaitAccountStatus(host, "DISABLED");
        Response refused = request(host, 1000);
        assertThat(refused.status()).isEqualTo(409);
        assertThat(refused.code()).isEqualTo("PAYOUT_ACCOUNT_NOT_READY");
    }

    @Test
    void aSmallPayoutIsPaidOnceHoweverManyTransferWebhooksArrive() throws Exception {
        host = onboarded(hosts.pop());
        String account = StripeConnectStandIn.accountIdFor(host.userId());
        String payoutId = request(host, 1000).expectStatus(201).json().get("payoutId").asString();
        awaitStatus(payoutId, "PAID");

        EventPayload created = StripeConnectWebhooks.transferCreated(StripeConnectStandIn.transferIdFor(payoutId), payoutId,
                host.userId(), account, 1000, Instant.now());
        List<Response> answers = deliverConcurrently(Collections.nCopies(5, created), false);

        assertThat(answers).allSatisfy(answer -> assertThat(answer.status()).isEqualTo(200));
        await().atMost(Duration.ofSeconds(20)).until(() -> processed(created.id()));
        assertThat(payoutEvents(payoutId, PayoutPaid.class)).hasSize(1);
        assertThat(payoutEvents(payoutId, PayoutPaid.class).getFirst().transferReference())
                .isEqualTo(StripeConnectStandIn.transferIdFor(payoutId));
        awaitWallet(host, NET - 1000, 0);
    }

    @Test
    void aMediumPayoutIsSentOnceOneFinanceUserApproves() {
        host = onboarded(hosts.pop());
        JsonNode requested = request(host, 2000).expectStatus(201).json();
        String payoutId = requested.get("payoutId").asString();
        assertThat(requested.get("status").asString()).isEqualTo("PENDING_APPROVAL");
        assertThat(StripeConnectStandIn.transfersTo(StripeConnectStandIn.accountIdFor(host.userId()))).isEmpty();

        api.post("/api/staff/payouts/" + payoutId + "/approve", finance.accessToken(), null).expectStatus(200);

        JsonNode paid = awaitStatus(payoutId, "PAID");
        assertThat(paid.get("decidedBy").asString()).isEqualTo(finance.userId());
        awaitWallet(host, NET - 2000, 0);
    }

    @Test
    void aLargePayoutIsSentOnlyAfterTwoDifferentApprovers() {
        host = onboarded(hosts.pop());
        String payoutId = request(host, 4000).expectStatus(201).json().get("payoutId").asString();

        api.post("/api/staff/payouts/" + payoutId + "/approve", finance.accessToken(), null).expectStatus(200);
        Response twice = api.post("/api/staff/payouts/" + payoutId + "/approve", finance.accessToken(), null);
        assertThat(twice.code()).isEqualTo("APPROVAL_NOT_ALLOWED");
        assertThat(StripeConnectStandIn.transfersTo(StripeConnectStandIn.accountIdFor(host.userId()))).isEmpty();
        api.post("/api/staff/payouts/" + payoutId + "/approve", otherFinance.accessToken(), null).expectStatus(200);

        awaitStatus(payoutId, "PAID");
        assertThat(StripeConnectStandIn.transfersTo(StripeConnectStandIn.accountIdFor(host.userId()))).hasSize(1);
        awaitWallet(host, NET - 4000, 0);
    }

    @Test
    void theRequesterCanNeverApproveTheirOwnPayout() {
        host = onboarded(financeHost);
        String payoutId = request(host, 2000).expectStatus(201).json().get("payoutId").asString();

        Response own = api.post("/api/staff/payouts/" + payoutId + "/approve", host.accessToken(), null);

        assertThat(own.status()).isEqualTo(403);
        assertThat(own.code()).isEqualTo("APPROVAL_NOT_ALLOWED");
        api.post("/api/staff/payouts/" + payoutId + "/reject", finance.accessToken(), Map.of("reason", "Ask a colleague"))
                .expectStatus(200);
        awaitStatus(payoutId, "REJECTED");
        awaitWallet(host, NET, 0);
    }

    @Test
    void aTransferStripeRefusesFailsThePayoutAndReturnsTheFunds() {
        host = onboarded(hosts.pop());
        StripeConnectStandIn.refuseTransfersTo(StripeConnectStandIn.accountIdFor(host.userId()));

        String payoutId = request(host, 1000).expectStatus(201).json().get("payoutId").asString();

        JsonNode failed = awaitStatus(payoutId, "FAILED");
        assertThat(failed.get("reason").asString()).contains("insufficient_capabilities_for_transfer");
        awaitWallet(host, NET, 0);
        assertThat(walletEvents(host, PayoutFundsReturned.class)).hasSize(1);
    }

    @Test
    void aTransferThatTimesOutIsAskedAgainWithTheSameKeyAndMadeOnce() {
        host = onboarded(hosts.pop());
        String account = StripeConnectStandIn.accountIdFor(host.userId());
        StripeConnectStandIn.timeOutTransfersTo(account, 1);

        String payoutId = request(host, 1000).expectStatus(201).json().get("payoutId").asString();

        awaitStatus(payoutId, "PAID");
        List<LoggedRequest> attempts = StripeConnectStandIn.transfersTo(account);
        assertThat(attempts).hasSize(2).allSatisfy(attempt -> assertThat(attempt.getHeader("Idempotency-Key")).isEqualTo(payoutId));
        assertThat(payoutEvents(payoutId, PayoutPaid.class)).hasSize(1);
        awaitWallet(host, NET - 1000, 0);
    }

    @Test
    void aReversalThatArrivesBeforeTheTransferIsKnownReturnsTheFundsOnce() throws Exception {
        host = onboarded(hosts.pop());
        String account = StripeConnectStandIn.accountIdFor(host.userId());
        StripeConnectStandIn.timeOutTransfersTo(account, 0); // Stripe makes the transfer, but its answer never arrives
        String payoutId = request(host, 1000).expectStatus(201).json().get("payoutId").asString();
        await().atMost(Duration.ofSeconds(20)).until(() -> !StripeConnectStandIn.transfersTo(account).isEmpty());
        String transferId = StripeConnectStandIn.transferIdFor(payoutId);
        Instant now = Instant.now();
        EventPayload reversed = StripeConnectWebhooks.transferReversed(transferId, payoutId, host.userId(), account, 1000, 1000, now);
        EventPayload created = StripeConnectWebhooks.transferCreated(transferId, payoutId, host.userId(), account, 1000, now.minusSeconds(1));

        List<EventPayload> deliveries = new ArrayList<>(Collections.nCopies(5, reversed));
        List<Response> answers = deliverConcurrently(deliveries, false);
        deliverConcurrently(Collections.nCopies(5, created), false);

        assertThat(answers).allSatisfy(answer -> assertThat(answer.status()).isEqualTo(200));
        JsonNode failed = awaitStatus(payoutId, "FAILED");
        assertThat(failed.get("reversed").get("amount").asLong()).isEqualTo(1000);
        await().atMost(Duration.ofSeconds(20)).until(() -> processed(created.id()));
        assertThat(payoutEvents(payoutId, PayoutPaid.class)).hasSize(1);
        assertThat(payoutEvents(payoutId, PayoutReversed.class)).hasSize(1);
        awaitWallet(host, NET, 0);
        await().atMost(Duration.ofSeconds(20)).until(() -> walletEvents(host, PayoutFundsReturned.class).size() == 1);
    }

    @Test
    void fiftyConcurrentRequestsAgainstABalanceThatCoversOneReserveItOnce() throws Exception {
        host = onboarded(hosts.pop());
        int requests = 50;
        CountDownLatch start = new CountDownLatch(1);
        List<Response> answers = new ArrayList<>();
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
        assertThat(answers.stream().filter(answer -> answer.status() == 422)).hasSize(requests - 1)
                .allSatisfy(answer -> assertThat(answer.code()).isEqualTo("INSUFFICIENT_FUNDS"));
        awaitWallet(host, NET - 3000, 3000);
    }

    @Test
    void theSimulatorsDevelopmentEndpointsDoNotExistWithStripe() {
        host = null;
        Session someone = api.newHost("Stripe Dev Host");
        assertThat(api.post("/api/dev/payout-account/transfer-outcome", someone.accessToken(), Map.of("outcome", "failed")).status())
                .isEqualTo(404);
        assertThat(api.post("/api/dev/payouts/" + PayoutId.random() + "/outcome", finance.accessToken(), Map.of("outcome", "reversed"))
                .status()).isEqualTo(404);
    }

    // ---- Helpers -----------------------------------------------------------------------------------------------

    private void payThroughStripe(Session guest, JsonNode booking) {
        String paymentId = booking.get("payment").get("paymentId").asString();
        String intentId = StripeStandIn.intentIdFor(paymentId);
        long amount = booking.get("amount").get("amount").asLong();
        Map<String, String> metadata = Map.of("soiree_payment_id", paymentId, "soiree_booking_id", booking.get("bookingId").asString());
        StripeStandIn.stubRetrieve(intentId, "succeeded", amount, "eur", metadata);
        deliver(StripeEvents.paymentIntentSucceeded(intentId, amount, "eur", metadata)).expectStatus(200);
    }

    private Session onboarded(Session who) {
        api.post("/api/me/payout-account", who.accessToken(), null).expectStatus(200);
        deliverConnect(StripeConnectWebhooks.accountUpdated(StripeConnectStandIn.accountIdFor(who.userId()), who.userId(), true,
                Instant.now())).expectStatus(200);
        awaitAccountStatus(who, "ENABLED");
        return who;
    }

    private Response request(Session who, long amount) {
        return api.postOnce("/api/payouts", who.accessToken(), Map.of("amount", money(amount)));
    }

    private Response deliver(EventPayload event) {
        return StripeWebhookDeliveries.deliver(api, StripeWebhookDeliveries.ACCOUNT_ENDPOINT, event);
    }

    private Response deliverConnect(EventPayload event) {
        return StripeWebhookDeliveries.deliver(api, StripeWebhookDeliveries.CONNECT_ENDPOINT, event);
    }

    private List<Response> deliverConcurrently(List<EventPayload> deliveries, boolean connect) throws Exception {
        return StripeWebhookDeliveries.deliverConcurrently(api,
                connect ? StripeWebhookDeliveries.CONNECT_ENDPOINT : StripeWebhookDeliveries.ACCOUNT_ENDPOINT, deliveries);
    }

    /** Whether the inbox applied (or deliberately ignored) the stored event. */
    private boolean processed(String eventId) {
        return jdbc.queryForObject("select count(*) from provider_events where event_id = ? and processed_at is not null", Integer.class,
                eventId) == 1;
    }

    private void awaitAccountStatus(Session who, String status) {
        await().atMost(Duration.ofSeconds(20)).until(() -> api.get("/api/me/payout-account", who.accessToken()).json()
                .get("status").asString(), status::equals);
    }

    private JsonNode awaitStatus(String payoutId, String status) {
        Supplier<JsonNode> read = () -> {
            Response response = api.get("/api/payouts/" + payoutId, finance.accessToken());
            return response.status() == 200 ? response.json() : null;
        };
        return await().atMost(Duration.ofSeconds(30)).until(read::get, payout -> payout != null
                && status.equals(payout.get("status").asString()));
    }

    private void awaitWallet(Session who, long available, long reserved) {
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
            Map<String, Long> wallet = LedgerChecks.walletOf(api, who);
            assertThat(wallet.getOrDefault("EUR:available", 0L)).as("available").isEqualTo(available);
            assertThat(wallet.getOrDefault("EUR:reserved", 0L)).as("reserved").isEqualTo(reserved);
        });
    }

    private <T> List<T> walletEvents(Session who, Class<T> type) {
        return events.readEvents(HostWalletId.forHost(UserId.of(who.userId())).toString(), 0L).asStream().map(message -> message.getPayload())
                .filter(type::isInstance).map(type::cast).toList();
    }

    private <T> List<T> payoutEvents(String payoutId, Class<T> type) {
        return events.readEvents(PayoutId.of(payoutId).toString(), 0L).asStream().map(message -> message.getPayload())
                .filter(type::isInstance).map(type::cast).toList();
    }
}
