package app.soiree.server.support.stripe;

import com.stripe.Stripe;
import java.nio.charset.StandardCharsets;
import java.security.InvalidKeyException;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Instant;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.json.JsonMapper;

/**
 * Webhook event payloads shaped like the ones Stripe posts, and Stripe's {@code Stripe-Signature} header for them.
 *
 * <p>Every event carries {@link Stripe#API_VERSION}: the SDK only deserializes {@code data.object} into its model
 * classes when the event's API version matches the one it was generated for, so a payload with another version
 * would look like a misconfigured webhook endpoint rather than like Stripe.
 *
 * <p>The PaymentIntent, Charge and BalanceTransaction shapes here are also what {@link StripeStandIn#stubRetrieve}
 * answers with, so that the API and webhooks tell a test the same story.
 */
public final class StripeEvents {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final SecureRandom RANDOM = new SecureRandom();
    private static final String ALPHANUMERIC = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz";

    private StripeEvents() {
    }

    /** One webhook event: its id (what Stripe retries under and a handler deduplicates by) and its exact body. */
    public record EventPayload(String id, String payload) {

        /** The {@code Stripe-Signature} header for this payload, signed now with {@link StripeStandIn#WEBHOOK_SECRET}. */
        public String signatureHeader() {
            return signatureHeader(Instant.now().getEpochSecond());
        }

        /** The {@code Stripe-Signature} header for this payload, signed at the given time with the stand-in's secret. */
        public String signatureHeader(long epochSeconds) {
            return StripeEvents.signatureHeader(payload, StripeStandIn.WEBHOOK_SECRET, epochSeconds);
        }
    }

    public static EventPayload paymentIntentCreated(String intentId, long amount, String currency, Map<String, String> metadata) {
        return event("payment_intent.created",
                paymentIntent(intentId, "requires_payment_method", amount, currency, metadata, null, null));
    }

    /** Payment methods that settle asynchronously (SEPA debit, some wallets) pass through processing first. */
    public static EventPayload paymentIntentProcessing(String intentId, long amount, String currency, Map<String, String> metadata) {
        return event("payment_intent.processing",
                paymentIntent(intentId, "processing", amount, currency, metadata, chargeId(intentId), null));
    }

    public static EventPayload paymentIntentSucceeded(String intentId, long amount, String currency, Map<String, String> metadata) {
        return event("payment_intent.succeeded",
                paymentIntent(intentId, "succeeded", amount, currency, metadata, chargeId(intentId), null));
    }

    /**
     * A declined card: Stripe puts the intent back to {@code requires_payment_method} (the customer may try another
     * card) and reports the decline in {@code last_payment_error}; the failed charge stays as {@code latest_charge}.
     */
    public static EventPayload paymentIntentPaymentFailed(String intentId, long amount, String currency, Map<String, String> metadata) {
        return event("payment_intent.payment_failed",
                paymentIntent(intentId, "requires_payment_method", amount, currency, metadata, chargeId(intentId),
                        cardDeclined(intentId)));
    }

    public static EventPayload paymentIntentCanceled(String intentId, long amount, String currency, Map<String, String> metadata) {
        return event("payment_intent.canceled",
                paymentIntent(intentId, "canceled", amount, currency, metadata, null, null));
    }

    /** An event of a type a payment handler does not subscribe to, for proving that it is acknowledged and ignored. */
    public static EventPayload customerCreated(String customerId, Map<String, String> metadata) {
        Map<String, Object> customer = object(
                "id", customerId,
                "object", "customer",
                "address", null,
                "balance", 0,
                "created", Instant.now().getEpochSecond(),
                "currency", null,
                "default_source", null,
                "delinquent", false,
                "description", null,
                "email", "guest@soiree.test",
                "invoice_prefix", "SOIREE01",
                "invoice_settings", object("custom_fields", null, "default_payment_method", null, "footer", null,
                        "rendering_options", null),
                "livemode", false,
                "metadata", metadata,
                "name", null,
                "phone", null,
                "preferred_locales", List.of(),
                "shipping", null,
                "tax_exempt", "none",
                "test_clock", null);
        return event("customer.created", customer);
    }

    /** Any event type around any {@code data.object}, for cases the factory methods above do not cover. */
    public static EventPayload event(String type, Map<String, ?> dataObject) {
        return event(type, Stripe.API_VERSION, dataObject);
    }

    /** An event as an endpoint pinned to another API version would receive it; the SDK then declines to deserialize. */
    public static EventPayload event(String type, String apiVersion, Map<String, ?> dataObject) {
        String id = "evt_" + randomAlphanumeric(24);
        // request.id and idempotency_key are null when the event was not caused by an API request of ours,
        // which is the case for everything the customer does in the browser (confirming, 3DS, ...).
        Map<String, Object> event = object(
                "id", id,
                "object", "event",
                "api_version", apiVersion,
                "created", Instant.now().getEpochSecond(),
                "data", object("object", dataObject),
                "livemode", false,
                "pending_webhooks", 1,
                "request", object("id", null, "idempotency_key", null),
                "type", type);
        return new EventPayload(id, json(event));
    }

    /**
     * Stripe's webhook signature, computed the way Stripe documents it rather than with the SDK's own code, so that a
     * test would notice if the SDK (or our use of it) stopped verifying what Stripe actually sends: HMAC-SHA256 keyed
     * with the endpoint secret over {@code "<timestamp>.<payload>"}, hex-encoded, sent as {@code t=<timestamp>,v1=<hex>}.
     */
    public static String signatureHeader(String payload, String secret, long epochSeconds) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            byte[] signature = mac.doFinal((epochSeconds + "." + payload).getBytes(StandardCharsets.UTF_8));
            return "t=" + epochSeconds + ",v1=" + HexFormat.of().formatHex(signature);
        } catch (NoSuchAlgorithmException | InvalidKeyException e) {
            throw new IllegalStateException("HmacSHA256 is part of every JDK", e);
        }
    }

    // ---- Stripe objects, shared with StripeStandIn -------------------------------------------------------------

    /**
     * A PaymentIntent as Stripe renders it, for the given status. {@code latestCharge} is either a charge id or an
     * expanded Charge object (what {@code expand[]=latest_charge} gives).
     */
    static Map<String, Object> paymentIntent(String intentId, String status, long amount, String currency,
            Map<String, String> metadata, @Nullable Object latestCharge, @Nullable Map<String, Object> lastPaymentError) {
        long created = Instant.now().getEpochSecond();
        boolean charged = latestCharge != null && lastPaymentError == null;
        return object(
                "id", intentId,
                "object", "payment_intent",
                "amount", amount,
                "amount_capturable", "requires_capture".equals(status) ? amount : 0,
                "amount_details", object("tip", object()),
                "amount_received", "succeeded".equals(status) ? amount : 0,
                "application", null,
                "application_fee_amount", null,
                "automatic_payment_methods", object("allow_redirects", "always", "enabled", true),
                "canceled_at", "canceled".equals(status) ? created : null,
                "cancellation_reason", null,
                "capture_method", "automatic_async",
                "client_secret", StripeStandIn.clientSecretFor(intentId),
                "confirmation_method", "automatic",
                "created", created,
                "currency", currency.toLowerCase(Locale.ROOT),
                "customer", null,
                "description", null,
                "excluded_payment_method_types", null,
                "last_payment_error", lastPaymentError,
                "latest_charge", latestCharge,
                "livemode", false,
                "metadata", metadata,
                "next_action", null,
                "on_behalf_of", null,
                // After a decline Stripe detaches the payment method; it lives on in last_payment_error.
                "payment_method", charged ? paymentMethodId(intentId) : null,
                "payment_method_configuration_details", object("id", "pmc_1SoireeStandInConfig0", "parent", null),
                "payment_method_options", object(
                        "card", object("installments", null, "mandate_options", null, "network", null,
                                "request_three_d_secure", "automatic"),
                        "link", object("persistent_token", null)),
                "payment_method_types", List.of("card", "link"),
                "processing", null,
                "receipt_email", null,
                "review", null,
                "setup_future_usage", null,
                "shipping", null,
                "source", null,
                "statement_descriptor", null,
                "statement_descriptor_suffix", null,
                "status", status,
                "transfer_data", null,
                "transfer_group", null);
    }

    /**
     * The successful card Charge behind a PaymentIntent. {@code balanceTransaction} is either its id or the expanded
     * BalanceTransaction (what {@code expand[]=latest_charge.balance_transaction} gives).
     */
    static Map<String, Object> charge(String intentId, long amount, String currency, Map<String, String> metadata,
            Object balanceTransaction) {
        String chargeId = chargeId(intentId);
        return object(
                "id", chargeId,
                "object", "charge",
                "amount", amount,
                "amount_captured", amount,
                "amount_refunded", 0,
                "application", null,
                "application_fee", null,
                "application_fee_amount", null,
                "balance_transaction", balanceTransaction,
                "billing_details", object("address", object("city", null, "country", null, "line1", null,
                        "line2", null, "postal_code", null, "state", null), "email", null, "name", null, "phone", null),
                "calculated_statement_descriptor", "SOIREE",
                "captured", true,
                "created", Instant.now().getEpochSecond(),
                "currency", currency.toLowerCase(Locale.ROOT),
                "customer", null,
                "description", null,
                "disputed", false,
                "failure_balance_transaction", null,
                "failure_code", null,
                "failure_message", null,
                "fraud_details", object(),
                "livemode", false,
                // A charge made for a PaymentIntent carries the intent's metadata.
                "metadata", metadata,
                "on_behalf_of", null,
                "outcome", object("network_status", "approved_by_network", "reason", null, "risk_level", "normal",
                        "risk_score", 32, "seller_message", "Payment complete.", "type", "authorized"),
                "paid", true,
                "payment_intent", intentId,
                "payment_method", paymentMethodId(intentId),
                "payment_method_details", object("card", card("4242"), "type", "card"),
                "receipt_email", null,
                "receipt_number", null,
                "receipt_url", "https://pay.stripe.com/receipts/payment/standin-" + chargeId,
                "refunded", false,
                "review", null,
                "shipping", null,
                "source", null,
                "source_transfer", null,
                "statement_descriptor", null,
                "statement_descriptor_suffix", null,
                "status", "succeeded",
                "transfer_data", null,
                "transfer_group", null);
    }

    /** The pending BalanceTransaction a successful charge creates: what Stripe keeps ({@code fee}) and pays out ({@code net}). */
    static Map<String, Object> balanceTransaction(String intentId, long amount, String currency) {
        long created = Instant.now().getEpochSecond();
        long fee = StripeStandIn.feeFor(amount);
        String lowerCurrency = currency.toLowerCase(Locale.ROOT);
        return object(
                "id", balanceTransactionId(intentId),
                "object", "balance_transaction",
                "amount", amount,
                "available_on", created + 2 * 24 * 3600,
                "created", created,
                "currency", lowerCurrency,
                "description", null,
                "exchange_rate", null,
                "fee", fee,
                "fee_details", List.of(object("amount", fee, "application", null, "currency", lowerCurrency,
                        "description", "Stripe processing fees", "type", "stripe_fee")),
                "net", amount - fee,
                "reporting_category", "charge",
                "source", chargeId(intentId),
                "status", "pending",
                "type", "charge");
    }

    /** {@code last_payment_error} after the generic-decline test card (…0002) was declined. */
    static Map<String, Object> cardDeclined(String intentId) {
        return object(
                "charge", chargeId(intentId),
                "code", "card_declined",
                "decline_code", "generic_decline",
                "doc_url", "https://stripe.com/docs/error-codes/card-declined",
                "message", "Your card was declined.",
                "payment_method", object(
                        "id", paymentMethodId(intentId),
                        "object", "payment_method",
                        "allow_redisplay", "unspecified",
                        "billing_details", object("address", object("city", null, "country", null, "line1", null,
                                "line2", null, "postal_code", null, "state", null), "email", null, "name", null,
                                "phone", null),
                        "card", card("0002"),
                        "created", Instant.now().getEpochSecond(),
                        "customer", null,
                        "livemode", false,
                        "metadata", object(),
                        "type", "card"),
                "type", "card_error");
    }

    private static Map<String, Object> card(String last4) {
        return object(
                "brand", "visa",
                "checks", object("address_line1_check", null, "address_postal_code_check", null, "cvc_check", "pass"),
                "country", "US",
                "exp_month", 12,
                "exp_year", 2034,
                "fingerprint", "StandInFngrprnt" + last4,
                "funding", "credit",
                "last4", last4,
                "networks", object("available", List.of("visa"), "preferred", null),
                "three_d_secure_usage", object("supported", true),
                "wallet", null);
    }

    // Related ids are derived from the intent id so that tests can predict them without parsing responses.

    static String chargeId(String intentId) {
        return "ch_" + suffix(intentId);
    }

    static String balanceTransactionId(String intentId) {
        return "txn_" + suffix(intentId);
    }

    private static String paymentMethodId(String intentId) {
        return "pm_" + suffix(intentId);
    }

    private static String suffix(String intentId) {
        return intentId.startsWith("pi_") ? intentId.substring(3) : intentId;
    }

    static String json(Object value) {
        return JSON.writeValueAsString(value);
    }

    /** An insertion-ordered JSON object that, unlike {@code Map.of}, keeps the explicit nulls Stripe sends. */
    static Map<String, Object> object(@Nullable Object... keysAndValues) {
        Map<String, Object> object = new LinkedHashMap<>();
        for (int i = 0; i < keysAndValues.length; i += 2) {
            object.put((String) keysAndValues[i], keysAndValues[i + 1]);
        }
        return object;
    }

    private static String randomAlphanumeric(int length) {
        StringBuilder text = new StringBuilder(length);
        for (int i = 0; i < length; i++) {
            text.append(ALPHANUMERIC.charAt(RANDOM.nextInt(ALPHANUMERIC.length())));
        }
        return text.toString();
    }
}
