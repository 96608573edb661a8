package app.soiree.server.support.stripe;

import static app.soiree.server.support.stripe.StripeEvents.json;
import static app.soiree.server.support.stripe.StripeEvents.object;

import app.soiree.server.support.stripe.StripeEvents.EventPayload;
import com.stripe.Stripe;
import java.security.SecureRandom;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * Stripe webhook events about payouts, shaped like Stripe's: {@code account.updated} for a host's Express account
 * (a Connect event: it names the connected account it happened on) and {@code transfer.created} /
 * {@code transfer.reversed} for a payout's transfer (platform events). Each takes the event's {@code created} time,
 * since the order Stripe made events in is what tells a late copy from news.
 */
public final class StripeConnectWebhooks {

    private static final SecureRandom RANDOM = new SecureRandom();

    private StripeConnectWebhooks() {
    }

    /** The host's account after onboarding ({@code enabled}) or before it / after Stripe disabled it. */
    public static EventPayload accountUpdated(String accountId, String hostId, boolean enabled, Instant created) {
        Map<String, Object> account = object(
                "id", accountId,
                "object", "account",
                "business_profile", object("mcc", "5812", "name", "Soiree host", "url", null),
                "business_type", "individual",
                "capabilities", object("transfers", enabled ? "active" : "inactive"),
                "charges_enabled", enabled,
                "controller", object("is_controller", true, "requirement_collection", "stripe", "type", "application",
                        "stripe_dashboard", object("type", "express")),
                "country", "PT",
                "created", created.getEpochSecond() - 3600,
                "default_currency", "eur",
                "details_submitted", true,
                "email", "host@soiree.test",
                "metadata", Map.of("soiree_host_id", hostId),
                "payouts_enabled", enabled,
                "requirements", object("currently_due", enabled ? List.of() : List.of("external_account"),
                        "disabled_reason", enabled ? null : "requirements.past_due", "past_due", List.of(), "eventually_due", List.of()),
                "type", "express");
        return event("account.updated", created, account, accountId);
    }

    public static EventPayload transferCreated(String transferId, String payoutId, String hostId, String accountId, long amount,
                                               Instant created) {
        return event("transfer.created", created, transfer(transferId, payoutId, hostId, accountId, amount, 0), null);
    }

    /** {@code amountReversed} is the transfer's total reversed so far, as on the Transfer object. */
    public static EventPayload transferReversed(String transferId, String payoutId, String hostId, String accountId, long amount,
                                                long amountReversed, Instant created) {
        return event("transfer.reversed", created, transfer(transferId, payoutId, hostId, accountId, amount, amountReversed), null);
    }

    private static Map<String, Object> transfer(String transferId, String payoutId, String hostId, String accountId, long amount,
                                                long amountReversed) {
        List<Object> reversals = amountReversed == 0 ? List.of() : List.of(object(
                "id", "trr_" + randomAlphanumeric(24),
                "object", "transfer_reversal",
                "amount", amountReversed,
                "balance_transaction", "txn_" + randomAlphanumeric(24),
                "created", Instant.now().getEpochSecond(),
                "currency", "eur",
                "destination_payment_refund", "pyr_" + randomAlphanumeric(24),
                "metadata", Map.of(),
                "source_refund", null,
                "transfer", transferId));
        return object(
                "id", transferId,
                "object", "transfer",
                "amount", amount,
                "amount_reversed", amountReversed,
                "balance_transaction", "txn_" + randomAlphanumeric(24),
                "created", Instant.now().getEpochSecond(),
                "currency", "eur".toLowerCase(Locale.ROOT),
                "description", null,
                "destination", accountId,
                "destination_payment", "py_" + randomAlphanumeric(24),
                "livemode", false,
                "metadata", Map.of("soiree_payout_id", payoutId, "soiree_host_id", hostId),
                "reversals", object("object", "list", "data", reversals, "has_more", false, "total_count", reversals.size(),
                        "url", "/v1/transfers/" + transferId + "/reversals"),
                "reversed", amountReversed == amount,
                "source_transaction", null,
                "source_type", "card",
                "transfer_group", "payout_" + payoutId);
    }

    /** An event as Stripe posts it; {@code account} is set on Connect events, which happen on a connected account. */
    private static EventPayload event(String type, Instant created, Map<String, ?> dataObject, @Nullable String account) {
        String id = "evt_" + randomAlphanumeric(24);
        Map<String, Object> event = object(
                "id", id,
                "object", "event",
                "api_version", Stripe.API_VERSION,
                "created", created.getEpochSecond(),
                "data", object("object", dataObject),
                "livemode", false,
                "pending_webhooks", 1,
                "request", object("id", null, "idempotency_key", null),
                "type", type);
        if (account != null) {
            event.put("account", account);
        }
        return new EventPayload(id, json(event));
    }

    private static String randomAlphanumeric(int length) {
        String alphabet = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz";
        StringBuilder text = new StringBuilder(length);
        for (int i = 0; i < length; i++) {
            text.append(alphabet.charAt(RANDOM.nextInt(alphabet.length())));
        }
        return text.toString();
    }
}
