package app.soiree.server.payout;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import app.soiree.api.identity.UserId;
import app.soiree.api.payout.HostWalletId;
import app.soiree.api.payout.PayoutFundsReturned;
import app.soiree.api.payout.PayoutReversed;
import app.soiree.server.support.Api.Response;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * Payouts, said once for every provider: approvals (automatic, one, two, never the requester's own), rejection, a
 * transfer the provider refuses, one it reverses, and a rush of concurrent requests. What the provider was asked to
 * transfer is checked where the provider can show it.
 */
abstract class PayoutContract extends PayoutFixture {

    @Test
    void aSmallPayoutIsApprovedByItselfAndPaid() {
        host = onboarded(hosts.pop());

        JsonNode requested = request(host, 1000).expectStatus(201).json();

        assertThat(requested.get("status").asString()).isEqualTo("APPROVED");
        String payoutId = requested.get("payoutId").asString();
        JsonNode payout = awaitStatus(host, payoutId, "PAID");
        assertThat(payout.get("amount").get("amount").asLong()).isEqualTo(1000);
        assertThat(payout.get("requiredApprovals").asInt()).isZero();
        assertThat(payout.get("decidedBy").isNull()).isTrue();
        provider.verifyTransferReference(payoutId, payout.get("transferReference").asString());
        provider.verifyTransfersAsked(host, List.of(payoutId), List.of(1000L));
        awaitWallet(host, NET - 1000, 0);
        JsonNode mine = api.get("/api/me/payouts", host.accessToken()).expectStatus(200).json();
        assertThat(mine.get("items").get(0).get("payoutId").asString()).isEqualTo(payoutId);
    }

    @Test
    void aMediumPayoutWaitsForOneFinanceApproval() {
        host = onboarded(hosts.pop());

        JsonNode requested = request(host, 2000).expectStatus(201).json();
        String payoutId = requested.get("payoutId").asString();

        assertThat(requested.get("status").asString()).isEqualTo("PENDING_APPROVAL");
        JsonNode queued = awaitInQueue(payoutId);
        assertThat(queued.get("requiredApprovals").asInt()).isEqualTo(1);
        awaitWallet(host, NET - 2000, 2000);
        provider.verifyTransfersAsked(host, List.of(), List.of());
        Response hostTries = api.post("/api/staff/payouts/" + payoutId + "/approve", host.accessToken(), null);
        assertThat(hostTries.status()).isEqualTo(403);
        JsonNode approved = api.post("/api/staff/payouts/" + payoutId + "/approve", finance.accessToken(), null).expectStatus(200).json();
        assertThat(approved.get("status").asString()).isEqualTo("APPROVED");
        JsonNode paid = awaitStatus(host, payoutId, "PAID");
        assertThat(paid.get("decidedBy").asString()).isEqualTo(finance.userId());
        assertThat(paid.get("approvals").get(0).get("by").asString()).isEqualTo(finance.userId());
        provider.verifyTransfersAsked(host, List.of(payoutId), List.of(2000L));
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
        provider.verifyTransfersAsked(host, List.of(), List.of());
        JsonNode second = api.post("/api/staff/payouts/" + payoutId + "/approve", otherFinance.accessToken(), null).expectStatus(200).json();
        assertThat(second.get("status").asString()).isEqualTo("APPROVED");
        JsonNode paid = awaitStatus(host, payoutId, "PAID");
        assertThat(paid.get("approvals")).hasSize(2);
        assertThat(paid.get("decidedBy").asString()).isEqualTo(otherFinance.userId());
        provider.verifyTransfersAsked(host, List.of(payoutId), List.of(4000L));
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
        provider.verifyTransfersAsked(host, List.of(), List.of());
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
        provider.refuseTransfers(host);

        String payoutId = request(host, 1000).expectStatus(201).json().get("payoutId").asString();

        JsonNode failed = awaitStatus(host, payoutId, "FAILED");
        assertThat(failed.get("reason").asString()).contains(provider.transferRefusal());
        awaitWallet(host, NET, 0);
        assertThat(walletEvents(host, PayoutFundsReturned.class)).hasSize(1);
    }

    @Test
    void aReversedTransferReturnsTheFundsToAvailable() {
        host = onboarded(hosts.pop());
        String payoutId = request(host, 1000).expectStatus(201).json().get("payoutId").asString();
        awaitStatus(host, payoutId, "PAID");

        provider.reverseTransfer(finance, host, payoutId, 1000);

        JsonNode reversed = awaitStatus(host, payoutId, "FAILED");
        assertThat(reversed.get("reversed").get("amount").asLong()).isEqualTo(1000);
        awaitWallet(host, NET, 0);
        assertThat(payoutEvents(payoutId, PayoutReversed.class)).hasSize(1);
        await().atMost(Duration.ofSeconds(20)).until(() -> walletEvents(host, PayoutFundsReturned.class).size() == 1);
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
}
