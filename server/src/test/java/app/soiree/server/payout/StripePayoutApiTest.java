package app.soiree.server.payout;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import app.soiree.api.payout.PayoutAccountStatusReported;
import app.soiree.api.payout.PayoutFundsReturned;
import app.soiree.api.payout.PayoutId;
import app.soiree.api.payout.PayoutPaid;
import app.soiree.api.payout.PayoutReversed;
import app.soiree.server.support.Api.Response;
import app.soiree.server.support.Api.Session;
import app.soiree.server.support.StripeIntegrationTest;
import app.soiree.server.support.stripe.StripeConnectStandIn;
import app.soiree.server.support.stripe.StripeConnectWebhooks;
import app.soiree.server.support.stripe.StripeEvents.EventPayload;
import app.soiree.server.support.stripe.StripeWebhookDeliveries;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * What only Stripe Connect has, for payouts: onboarding an Express account, account.updated webhooks in copies and out
 * of order, transfer webhooks in copies, transfers that time out, a reversal that arrives before its transfer is
 * known, and the simulator's endpoints absent. Every test ends with a balanced trial balance, a wallet that agrees with
 * the journal and only authenticated requests at Stripe. The scenarios Stripe shares with the simulator are in
 * {@link PayoutContract}.
 */
@StripeIntegrationTest
class StripePayoutApiTest extends PayoutFixture {

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
        awaitStatus(finance, payoutId, "PAID");
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

        stripe().deliverConnect(onboarded).expectStatus(200);
        stripe().deliverConnect(stale).expectStatus(200);

        awaitAccountStatus(host, "ENABLED");
        await().atMost(Duration.ofSeconds(20)).until(() -> processed(stale.id()));
        assertThat(api.get("/api/me/payout-account", host.accessToken()).json().get("status").asString()).isEqualTo("ENABLED");

        stripe().deliverConnect(disabledLater).expectStatus(200);

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
        awaitStatus(finance, payoutId, "PAID");

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
    void aTransferThatTimesOutIsAskedAgainWithTheSameKeyAndMadeOnce() {
        host = onboarded(hosts.pop());
        String account = StripeConnectStandIn.accountIdFor(host.userId());
        StripeConnectStandIn.timeOutTransfersTo(account, 1);

        String payoutId = request(host, 1000).expectStatus(201).json().get("payoutId").asString();

        awaitStatus(finance, payoutId, "PAID");
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
        JsonNode failed = awaitStatus(finance, payoutId, "FAILED");
        assertThat(failed.get("reversed").get("amount").asLong()).isEqualTo(1000);
        await().atMost(Duration.ofSeconds(20)).until(() -> processed(created.id()));
        assertThat(payoutEvents(payoutId, PayoutPaid.class)).hasSize(1);
        assertThat(payoutEvents(payoutId, PayoutReversed.class)).hasSize(1);
        awaitWallet(host, NET, 0);
        await().atMost(Duration.ofSeconds(20)).until(() -> walletEvents(host, PayoutFundsReturned.class).size() == 1);
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


    private List<Response> deliverConcurrently(List<EventPayload> deliveries, boolean connect) throws Exception {
        return StripeWebhookDeliveries.deliverConcurrently(api,
                connect ? StripeWebhookDeliveries.CONNECT_ENDPOINT : StripeWebhookDeliveries.ACCOUNT_ENDPOINT, deliveries);
    }

    /** Whether the inbox applied (or deliberately ignored) the stored event. */
    private boolean processed(String eventId) {
        return stripe().outcomeOf(eventId) != null;
    }
}
