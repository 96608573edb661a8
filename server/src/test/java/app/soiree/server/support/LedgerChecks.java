package app.soiree.server.support;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import app.soiree.server.support.Api.Session;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import tools.jackson.databind.JsonNode;

/**
 * What every money test ends with: the trial balance balances, and a host's wallet agrees with the
 * journal of that host's accounts. Both are projections that catch up asynchronously, so the checks
 * wait for them to agree rather than reading once.
 */
public final class LedgerChecks {

    private static final Duration CATCH_UP = Duration.ofSeconds(20);

    private LedgerChecks() {
    }

    /** The trial balance as of now, through the finance API, balances in every currency. */
    public static void assertTrialBalanceBalances(Api api, Session finance) {
        await().atMost(CATCH_UP).untilAsserted(() -> {
            JsonNode trialBalance = api.get("/api/finance/ledger/trial-balance", finance.accessToken()).expectStatus(200).json();
            assertThat(trialBalance.get("balanced").asBoolean()).as("trial balance %s", trialBalance).isTrue();
        });
    }

    /**
     * The host's wallet (pending, available, reserved, dispute hold per currency) equals what the host's
     * statement entries add up to, as the finance API shows them; waits until both have caught up and agree.
     */
    public static void assertWalletAgreesWithJournal(Api api, Session finance, Session host) {
        await().atMost(CATCH_UP).untilAsserted(() -> assertThat(walletOf(api, host)).isEqualTo(journalOf(api, finance, host.userId())));
    }

    /** The host's wallet as {@code "EUR:available" → minor units}, leaving out zero balances. */
    public static Map<String, Long> walletOf(Api api, Session host) {
        Map<String, Long> wallet = new HashMap<>();
        for (JsonNode balance : api.get("/api/me/wallet", host.accessToken()).expectStatus(200).json().get("balances")) {
            String currency = balance.get("currency").asString();
            for (String kind : new String[] {"pending", "available", "reserved", "disputeHold"}) {
                long amount = balance.get(kind).get("amount").asLong();
                if (amount != 0) {
                    wallet.put(currency + ":" + kind, amount);
                }
            }
        }
        return wallet;
    }

    /** Sums every posting of the host's four accounts from the finance statements, negated as the wallet shows them. */
    public static Map<String, Long> journalOf(Api api, Session finance, String hostId) {
        Map<String, Long> journal = new HashMap<>();
        Map<String, String> kinds = Map.of("pending", "pending", "available", "available", "reserved", "reserved",
                "dispute-hold", "disputeHold");
        kinds.forEach((account, kind) -> {
            String cursor = null;
            do {
                String path = "/api/finance/ledger/accounts/host:" + hostId + ":" + account + "/entries?limit=100"
                        + (cursor == null ? "" : "&cursor=" + URLEncoder.encode(cursor, StandardCharsets.UTF_8));
                JsonNode page = api.get(path, finance.accessToken()).expectStatus(200).json();
                for (JsonNode entry : page.get("items")) {
                    journal.merge(entry.get("amount").get("currency").asString() + ":" + kind, -entry.get("amount").get("amount").asLong(),
                            Long::sum);
                }
                cursor = page.hasNonNull("nextCursor") ? page.get("nextCursor").asString() : null;
            } while (cursor != null);
        });
        journal.values().removeIf(amount -> amount == 0);
        return journal;
    }
}
