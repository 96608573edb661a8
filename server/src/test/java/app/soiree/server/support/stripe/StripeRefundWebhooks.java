package app.soiree.server.support.stripe;

import app.soiree.server.support.stripe.StripeEvents.EventPayload;
import java.util.List;
import java.util.Map;

/**
 * Refund webhooks shaped like Stripe's: {@code refund.created}, {@code refund.updated}, {@code refund.failed}
 * and {@code charge.refund.updated} carry the Refund; {@code charge.refunded} carries the Charge, without its
 * refunds (Stripe has left them out since API version 2022-11-15 unless expanded) or with them.
 * Signed like every other event, by {@link EventPayload#signatureHeader()}.
 */
public final class StripeRefundWebhooks {

    private StripeRefundWebhooks() {
    }

    public static EventPayload refundCreated(Map<String, Object> refund) {
        return StripeEvents.event("refund.created", refund);
    }

    public static EventPayload refundUpdated(Map<String, Object> refund) {
        return StripeEvents.event("refund.updated", refund);
    }

    public static EventPayload refundFailed(Map<String, Object> refund) {
        return StripeEvents.event("refund.failed", refund);
    }

    public static EventPayload chargeRefundUpdated(Map<String, Object> refund) {
        return StripeEvents.event("charge.refund.updated", refund);
    }

    /** The charge after refunds of {@code amountRefunded}; {@code refunds} null leaves the list out, as Stripe does now. */
    public static EventPayload chargeRefunded(String intentId, long amount, long amountRefunded, Map<String, String> paymentMetadata,
                                              List<Map<String, Object>> refunds, boolean includeRefunds) {
        Map<String, Object> charge = StripeEvents.charge(intentId, amount, "eur", paymentMetadata,
                StripeEvents.balanceTransactionId(intentId));
        charge.put("amount_refunded", amountRefunded);
        charge.put("refunded", amountRefunded == amount);
        if (includeRefunds) {
            charge.put("refunds", StripeEvents.object("object", "list", "data", refunds, "has_more", false,
                    "total_count", refunds.size(), "url", "/v1/charges/" + StripeEvents.chargeId(intentId) + "/refunds"));
        }
        return StripeEvents.event("charge.refunded", charge);
    }
}
