package app.soiree.server.payout;

import static app.soiree.server.support.Gatherings.money;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import app.soiree.api.identity.UserId;
import app.soiree.api.payout.HostWalletId;
import app.soiree.api.payout.PayoutId;
import app.soiree.server.support.Api.Response;
import app.soiree.server.support.Api.Session;
import app.soiree.server.support.HostEarnings;
import app.soiree.server.support.LedgerChecks;
import app.soiree.server.support.ProviderTest;
import java.lang.reflect.Method;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import tools.jackson.databind.JsonNode;

/**
 * What the payout tests of either provider stand on: hosts whose earnings a real gathering's end released (paid through
 * the provider), finance approvers, a FINANCE user who is also a host. Every test ends with a balanced trial balance
 * and a wallet that agrees with the journal. Test profile thresholds: automatic up to 1000, one approval up to 3000,
 * two above.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class PayoutFixture extends ProviderTest {

    static final int SEATS = 2;
    static final long NET = HostEarnings.netFor(SEATS); // 4720

    Session finance;
    Session otherFinance;
    Session financeHost;
    Session support;
    /** Each earning host's booking id, by host id. */
    Map<String, String> bookings;
    final Deque<Session> hosts = new ArrayDeque<>();
    Session host;

    @BeforeAll
    void earn() {
        connect();
        Session admin = api.signIn("", "admin@soiree.test", "admin-password-1");
        finance = api.newStaff(admin, "FINANCE");
        otherFinance = api.newStaff(admin, "FINANCE");
        support = api.newStaff(admin, "SUPPORT");
        financeHost = HostEarnings.financeHost(api, admin);
        List<Session> earning = new ArrayList<>();
        earning.add(financeHost);
        for (int i = 0; i <= testsOfThisClass(); i++) { // one per test (some need two), and one to spare
            earning.add(api.newHost("Payout Host " + i));
        }
        bookings = HostEarnings.earn(api, events, earning, SEATS, provider::pay);
        hosts.addAll(earning.subList(1, earning.size()));
    }

    private int testsOfThisClass() {
        int tests = 0;
        for (Class<?> type = getClass(); type != Object.class; type = type.getSuperclass()) {
            for (Method method : type.getDeclaredMethods()) {
                tests += method.isAnnotationPresent(Test.class) ? 1 : 0;
            }
        }
        return tests;
    }

    @AfterEach
    void ledgerStillAddsUp() {
        try {
            LedgerChecks.assertTrialBalanceBalances(api, finance);
            if (host != null) {
                LedgerChecks.assertWalletAgreesWithJournal(api, finance, host);
            }
            provider.verifyRequestsAuthenticated();
        } finally {
            provider.afterEach();
            provider.beforeEach();
        }
    }

    /** The host onboards with the provider, which enables the payout account. */
    Session onboarded(Session who) {
        JsonNode onboarding = api.post("/api/me/payout-account", who.accessToken(), null).expectStatus(200).json();
        provider.verifyOnboardingUrl(who, onboarding.get("onboardingUrl").asString());
        provider.enablePayoutAccount(who);
        awaitAccountStatus(who, "ENABLED");
        return who;
    }

    void awaitAccountStatus(Session who, String status) {
        await().atMost(Duration.ofSeconds(20)).until(() -> api.get("/api/me/payout-account", who.accessToken()).json()
                .get("status").asString(), status::equals);
    }

    Response request(Session who, long amount) {
        return api.postOnce("/api/payouts", who.accessToken(), Map.of("amount", money(amount)));
    }

    /** The payout as {@code who} reads it; null until the read side shows it. */
    JsonNode payout(Session who, String payoutId) {
        Response response = api.get("/api/payouts/" + payoutId, who.accessToken());
        return response.status() == 200 ? response.json() : null;
    }

    JsonNode awaitStatus(Session who, String payoutId, String status) {
        return await().atMost(Duration.ofSeconds(30)).until(() -> payout(who, payoutId),
                payout -> payout != null && status.equals(payout.path("status").asString()));
    }

    JsonNode awaitInQueue(String payoutId) {
        return await().atMost(Duration.ofSeconds(20)).until(() -> queued(payoutId), payout -> payout != null);
    }

    void awaitNotInQueue(String payoutId) {
        await().atMost(Duration.ofSeconds(20)).until(() -> queued(payoutId) == null);
    }

    /** The payout in the finance queue, paging through it; null when it is not there. */
    JsonNode queued(String payoutId) {
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

    void awaitWallet(Session who, long available, long reserved) {
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
            Map<String, Long> wallet = LedgerChecks.walletOf(api, who);
            assertThat(wallet.getOrDefault("EUR:available", 0L)).as("available").isEqualTo(available);
            assertThat(wallet.getOrDefault("EUR:reserved", 0L)).as("reserved").isEqualTo(reserved);
        });
    }

    <T> List<T> walletEvents(Session who, Class<T> type) {
        return events.readEvents(HostWalletId.forHost(UserId.of(who.userId())).toString(), 0L).asStream().map(message -> message.getPayload())
                .filter(type::isInstance).map(type::cast).toList();
    }

    <T> List<T> payoutEvents(String payoutId, Class<T> type) {
        return events.readEvents(PayoutId.of(payoutId).toString(), 0L).asStream().map(message -> message.getPayload())
                .filter(type::isInstance).map(type::cast).toList();
    }
}
