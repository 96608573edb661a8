package app.soiree.server.ledger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import app.soiree.server.support.Api;
import app.soiree.server.support.Api.Response;
import app.soiree.server.support.Api.Session;
import app.soiree.server.support.Gatherings;
import app.soiree.server.support.IntegrationTest;
import app.soiree.server.support.LedgerChecks;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;

/** The ledger's read side over HTTP, after a paid seat captured through the simulated provider. */
@IntegrationTest
class LedgerApiTest {

    @LocalServerPort
    int port;

    private Api api;
    private Session host;
    private Session guest;
    /** Staff are created once per class: the admin's sign-ins are rate limited per minute. */
    private static Session finance;
    private static Session support;
    private String paymentId;
    private Instant beforeCapture;

    @BeforeEach
    void aCapturedPaymentForOneSeat() {
        api = new Api(port);
        host = api.newHost("Ledger Host");
        guest = api.newUser("Ledger Guest");
        if (finance == null) {
            Session admin = api.signIn("", "admin@soiree.test", "admin-password-1");
            finance = api.newStaff(admin, "FINANCE");
            support = api.newStaff(admin, "SUPPORT");
        }
        paymentId = bookOneSeat("Dinner", 2500);
        beforeCapture = Instant.now();
        capture(paymentId);
        await().atMost(Duration.ofSeconds(15)).until(() -> pendingOf(wallet(host)), pending -> pending == 2345);
    }

    @Test
    void theLedgerBalancesAndTheWalletAgreesWithTheJournal() {
        LedgerChecks.assertTrialBalanceBalances(api, finance);
        LedgerChecks.assertWalletAgreesWithJournal(api, finance, host);
        assertThat(LedgerChecks.walletOf(api, host)).containsExactly(Map.entry("EUR:pending", 2345L));
    }

    @Test
    void theHostsWalletShowsTheNetOfTheCapturedSeatAsPending() {
        JsonNode balance = wallet(host).get("balances").get(0);
        assertThat(balance.get("currency").asString()).isEqualTo("EUR");
        assertThat(balance.get("pending").get("amount").asLong()).isEqualTo(2345);
        assertThat(balance.get("pending").get("currency").asString()).isEqualTo("EUR");
        assertThat(balance.get("available").get("amount").asLong()).isZero();
        assertThat(balance.get("reserved").get("amount").asLong()).isZero();
        assertThat(balance.get("disputeHold").get("amount").asLong()).isZero();

        JsonNode entries = api.get("/api/me/wallet/entries", host.accessToken()).expectStatus(200).json();
        JsonNode entry = entries.get("items").get(0);
        assertThat(entry.get("account").asString()).isEqualTo("host:" + host.userId() + ":pending");
        assertThat(entry.get("amount").get("amount").asLong()).isEqualTo(2345);
        assertThat(entry.get("reason").asString()).isEqualTo("Payment captured");
        assertThat(entry.get("reference").asString()).isEqualTo("payment:" + paymentId);
        assertThat(entry.get("entryId").asString()).isNotBlank();
        assertThat(entry.get("occurredAt").asString()).isNotBlank();
        assertThat(entries.has("nextCursor")).isTrue();
    }

    /**
     * Wallet answers are remembered (ten minutes in tests: application-test.yml) until the ledger moves the host's
     * money: a wallet read just before a capture must not be answered again once the capture is in the journal.
     */
    @Test
    void aWalletReadBeforeMoneyMovesIsNotAnsweredAgainAfterIt() {
        long pendingBefore = pendingOf(wallet(host));
        assertThat(pendingOf(wallet(host))).isEqualTo(pendingBefore);
        capture(bookOneSeat("Second dinner", 1000));

        await().atMost(Duration.ofSeconds(15)).until(() -> pendingOf(wallet(host)), pending -> pending > pendingBefore);
        LedgerChecks.assertWalletAgreesWithJournal(api, finance, host);
    }

    @Test
    void theTrialBalanceBalancesAndLeavesOutWhatCameAfterItsMoment() {
        JsonNode now = api.get("/api/finance/ledger/trial-balance", finance.accessToken()).expectStatus(200).json();
        assertThat(now.get("balanced").asBoolean()).isTrue();
        assertThat(accounts(now)).contains("platform:stripe", "platform:fees", "host:" + host.userId() + ":pending");
        JsonNode pending = account(now, "host:" + host.userId() + ":pending");
        assertThat(pending.get("credits").get("amount").asLong()).isEqualTo(2345);
        assertThat(pending.get("debits").get("amount").asLong()).isZero();
        assertThat(pending.get("balance").get("amount").asLong()).isEqualTo(-2345);
        assertThat(pending.get("currency").asString()).isEqualTo("EUR");

        JsonNode before = api.get("/api/finance/ledger/trial-balance?asOf=" + beforeCapture, finance.accessToken()).expectStatus(200).json();
        assertThat(before.get("asOf").asString()).isEqualTo(beforeCapture.toString());
        assertThat(accounts(before)).doesNotContain("host:" + host.userId() + ":pending");
        assertThat(before.get("balanced").asBoolean()).isTrue();
    }

    @Test
    void anAccountsEntriesNameTheEventThatMadeEach() {
        String account = URLEncoder.encode("host:" + host.userId() + ":pending", StandardCharsets.UTF_8);
        JsonNode page = api.get("/api/finance/ledger/accounts/" + account + "/entries?limit=10", finance.accessToken()).expectStatus(200).json();

        assertThat(page.get("items")).hasSize(1);
        JsonNode entry = page.get("items").get(0);
        assertThat(entry.get("amount").get("amount").asLong()).isEqualTo(-2345);
        assertThat(entry.get("eventType").asString()).isEqualTo("PaymentCaptured");
        assertThat(entry.get("reference").asString()).isEqualTo("payment:" + paymentId);
        assertThat(entry.get("eventId").asString()).isNotBlank();
        assertThat(entry.get("actor").asString()).isNotBlank();
        assertThat(page.get("nextCursor").isNull()).isTrue();

        api.get("/api/finance/ledger/accounts/platform:fees/entries?cursor=nonsense", finance.accessToken()).expectStatus(400);
    }

    @Test
    void theAuditTrailOfThePaymentListsItsEventsInOrderWithTheirActors() {
        JsonNode trail = api.get("/api/staff/audit/Payment/" + paymentId, support.accessToken()).expectStatus(200).json();

        List<String> types = new ArrayList<>();
        trail.get("events").forEach(event -> types.add(event.get("type").asString()));
        assertThat(types.getFirst()).isEqualTo("PaymentRequested");
        assertThat(types).contains("PaymentCaptured");
        JsonNode first = trail.get("events").get(0);
        assertThat(first.get("sequence").asLong()).isZero();
        assertThat(first.get("actor").asString()).isEqualTo(guest.userId());
        assertThat(first.get("payload").get("paymentId").asString()).isEqualTo(paymentId);
        assertThat(first.get("occurredAt").asString()).isNotBlank();
        trail.get("events").forEach(event -> assertThat(event.get("actor").asString()).isNotBlank());

        // any case of the class name answers the aggregate's trail; the lower-case subject names answer causal timelines
        api.get("/api/staff/audit/PAYMENT/" + paymentId, finance.accessToken()).expectStatus(200);
        Response unknown = api.get("/api/staff/audit/Payment/" + UUID.randomUUID(), support.accessToken());
        unknown.expectStatus(404);
        assertThat(unknown.code()).isEqualTo("NOT_FOUND");
        api.get("/api/staff/audit/Gathering/" + paymentId, support.accessToken()).expectStatus(404);
    }

    @Test
    void eachEndpointIsForItsRolesOnly() {
        Response guestOnFinance = api.get("/api/finance/ledger/trial-balance", guest.accessToken());
        guestOnFinance.expectStatus(403);
        assertThat(guestOnFinance.code()).isEqualTo("FORBIDDEN");
        api.get("/api/finance/ledger/accounts/platform:fees/entries", host.accessToken()).expectStatus(403);
        api.get("/api/finance/ledger/trial-balance", null).expectStatus(401);
        api.get("/api/staff/audit/Payment/" + paymentId, guest.accessToken()).expectStatus(403);
        api.get("/api/finance/ledger/trial-balance", support.accessToken()).expectStatus(403);

        Response guestOnWallet = api.get("/api/me/wallet", guest.accessToken());
        guestOnWallet.expectStatus(403);
        assertThat(guestOnWallet.code()).isEqualTo("FORBIDDEN");
        api.get("/api/me/wallet", null).expectStatus(401);
        api.get("/api/me/wallet/entries", guest.accessToken()).expectStatus(403);

        Session otherHost = api.newHost("Other Host");
        assertThat(wallet(otherHost).get("balances")).isEmpty();
        assertThat(api.get("/api/me/wallet/entries", otherHost.accessToken()).expectStatus(200).json().get("items")).isEmpty();
    }

    /** The guest's booking of one seat at {@code price} in a new gathering of the host's; returns its payment's id. */
    private String bookOneSeat(String title, long price) {
        String gatheringId = Gatherings.publish(api, host, Gatherings.gathering(title, List.of(Gatherings.tier("Seat", price, 3))));
        String tierId = Gatherings.firstTierId(api, gatheringId);
        return api.postOnce("/api/bookings", guest.accessToken(), Map.of("gatheringId", gatheringId, "tierId", tierId, "quantity", 1))
                .expectStatus(201).json().get("payment").get("paymentId").asString();
    }

    private void capture(String payment) {
        api.post("/api/dev/payments/" + payment + "/outcome", guest.accessToken(), Map.of("outcome", "succeeded")).expectStatus(202);
    }

    private JsonNode wallet(Session who) {
        return api.get("/api/me/wallet", who.accessToken()).expectStatus(200).json();
    }

    private static long pendingOf(JsonNode wallet) {
        JsonNode balances = wallet.get("balances");
        return balances.isEmpty() ? 0 : balances.get(0).get("pending").get("amount").asLong();
    }

    private static List<String> accounts(JsonNode trialBalance) {
        List<String> names = new ArrayList<>();
        trialBalance.get("accounts").forEach(account -> names.add(account.get("account").asString()));
        return names;
    }

    private static JsonNode account(JsonNode trialBalance, String name) {
        for (JsonNode account : trialBalance.get("accounts")) {
            if (account.get("account").asString().equals(name)) {
                return account;
            }
        }
        throw new AssertionError(name + " is not in the trial balance");
    }
}
