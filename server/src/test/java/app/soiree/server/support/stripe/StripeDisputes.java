package app.soiree.server.support.stripe;

import static app.soiree.server.support.stripe.StripeStandIn.stripeJson;
import static com.github.tomakehurst.wiremock.client.WireMock.aMultipart;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathMatching;

import app.soiree.server.support.stripe.StripeEvents.EventPayload;
import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import com.stripe.Stripe;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * Stripe disputes for tests: {@code charge.dispute.*} webhook events carrying a Dispute shaped like Stripe's, and the
 * dispute endpoints on the {@link StripeStandIn} ({@code POST /v1/disputes/{id}} to update and submit evidence,
 * {@code POST /v1/disputes/{id}/close} to concede), answering as Stripe does. Call {@link #install()} before use; the
 * answers are templates over the request, so one stub serves every dispute.
 */
public final class StripeDisputes {

    private static final String DISPUTES = "/v1/disputes";
    private static final int DISPUTE_ENDPOINTS = 9; // after the stand-in's failure injections and retrieves, before its defaults
    private static final int DISPUTE_FAILURES = 2;
    private static final UUID UPDATE_STUB = UUID.nameUUIDFromBytes("stripe-disputes:update".getBytes());
    private static final String FILES = "/v1/files";
    private static final UUID FILE_STUB = UUID.nameUUIDFromBytes("stripe-disputes:files".getBytes());
    private static final UUID CLOSE_STUB = UUID.nameUUIDFromBytes("stripe-disputes:close".getBytes());
    private static final Map<String, Object> PER_TEST = Map.of("stripeStandIn", "per-test");
    private static final SecureRandom RANDOM = new SecureRandom();

    private StripeDisputes() {
    }

    /** A new dispute id, as Stripe makes them. */
    public static String newDisputeId() {
        return "dp_" + Long.toUnsignedString(RANDOM.nextLong(), 36) + Long.toUnsignedString(RANDOM.nextLong(), 36);
    }

    /** The dispute endpoints, installed on first use for the rest of the JVM (the stand-in's reset keeps them). */
    public static void install() {
        Installed.ONCE.hashCode();
    }

    private static final class Installed {
        static final Object ONCE = stubEndpoints();
    }

    private static Object stubEndpoints() {
        StripeStandIn.server().stubFor(post(urlPathMatching(DISPUTES + "/dp_[A-Za-z0-9]+")).withId(UPDATE_STUB).atPriority(DISPUTE_ENDPOINTS)
                .willReturn(stripeJson(200, disputeTemplate("{{#if (contains request.body 'submit=true')}}under_review{{else}}needs_response{{/if}}",
                        "{{request.pathSegments.[2]}}"))));
        StripeStandIn.server().stubFor(post(urlPathMatching(DISPUTES + "/dp_[A-Za-z0-9]+/close")).withId(CLOSE_STUB).atPriority(DISPUTE_ENDPOINTS)
                .willReturn(stripeJson(200, disputeTemplate("lost", "{{request.pathSegments.[2]}}"))));
        // Uploads go to Stripe's files host; the SDK is pointed at the stand-in for both.
        StripeStandIn.server().stubFor(post(urlPathEqualTo(FILES)).withId(FILE_STUB).atPriority(DISPUTE_ENDPOINTS)
                .willReturn(stripeJson(200, """
                        {
                          "id": "file_{{randomValue length=24 type='ALPHANUMERIC'}}",
                          "object": "file",
                          "created": %d,
                          "expires_at": null,
                          "filename": "upload",
                          "links": {"object": "list", "data": [], "has_more": false, "url": "/v1/file_links"},
                          "purpose": "dispute_evidence",
                          "size": {{request.headers.Content-Length}},
                          "title": null,
                          "type": "pdf",
                          "url": null
                        }
                        """.formatted(Instant.now().getEpochSecond()))));
        return Boolean.TRUE;
    }

    /** Files uploaded as dispute evidence: multipart requests with {@code purpose=dispute_evidence} and a file. */
    public static List<LoggedRequest> evidenceUploads() {
        return StripeStandIn.server().findAll(postRequestedFor(urlPathEqualTo(FILES))
                .withRequestBodyPart(aMultipart().withName("purpose").withBody(equalTo("dispute_evidence")).build())
                .withRequestBodyPart(aMultipart().withName("file").build()));
    }

    /** Stripe refuses to change this dispute any more: what it answers for a dispute that was decided or already submitted. */
    public static void refuseUpdatesOf(String disputeId) {
        ResponseDefinitionBuilder refused = stripeJson(400, """
                {
                  "error": {
                    "message": "This dispute is already closed",
                    "type": "invalid_request_error"
                  }
                }
                """);
        StripeStandIn.server().stubFor(post(urlPathEqualTo(DISPUTES + "/" + disputeId)).atPriority(DISPUTE_FAILURES).withMetadata(PER_TEST)
                .willReturn(refused));
        StripeStandIn.server().stubFor(post(urlPathEqualTo(DISPUTES + "/" + disputeId + "/close")).atPriority(DISPUTE_FAILURES)
                .withMetadata(PER_TEST).willReturn(refused));
    }

    /** Stripe fails with a 500 for this dispute, as on a bad day. */
    public static void failUpdatesOf(String disputeId) {
        StripeStandIn.server().stubFor(post(urlPathEqualTo(DISPUTES + "/" + disputeId)).atPriority(DISPUTE_FAILURES).withMetadata(PER_TEST)
                .willReturn(stripeJson(500, """
                        {"error": {"message": "An unknown error occurred", "type": "api_error"}}
                        """)));
    }

    /** Stripe takes {@code delay} to answer every change of this dispute, and then accepts it: a slow day. */
    public static void slowUpdatesOf(String disputeId, Duration delay) {
        StripeStandIn.server().stubFor(post(urlPathEqualTo(DISPUTES + "/" + disputeId)).atPriority(DISPUTE_FAILURES).withMetadata(PER_TEST)
                .willReturn(stripeJson(200, disputeTemplate("under_review", disputeId)).withFixedDelay(Math.toIntExact(delay.toMillis()))));
    }

    public static List<LoggedRequest> updatesOf(String disputeId) {
        return StripeStandIn.server().findAll(postRequestedFor(urlPathEqualTo(DISPUTES + "/" + disputeId)));
    }

    public static List<LoggedRequest> closesOf(String disputeId) {
        return StripeStandIn.server().findAll(postRequestedFor(urlPathEqualTo(DISPUTES + "/" + disputeId + "/close")));
    }

    /** The submissions of evidence for this dispute: updates with {@code submit=true}. */
    public static List<LoggedRequest> submissionsOf(String disputeId) {
        return StripeStandIn.server().findAll(postRequestedFor(urlPathEqualTo(DISPUTES + "/" + disputeId))
                .withFormParam("submit", equalTo("true")));
    }

    // ---- webhook events ------------------------------------------------------------------------------------------

    /** A dispute as it stands: its status, and the PaymentIntent (and charge) it is about. */
    public record Dispute(String id, String intentId, long amount, String currency, String reason, Instant dueBy) {

        public EventPayload created() {
            return StripeEvents.event("charge.dispute.created", object("needs_response", true));
        }

        public EventPayload fundsWithdrawn() {
            return StripeEvents.event("charge.dispute.funds_withdrawn", object("needs_response", true));
        }

        public EventPayload updated(String status) {
            return StripeEvents.event("charge.dispute.updated", object(status, true));
        }

        /** {@code won}, {@code lost} or {@code warning_closed}. */
        public EventPayload closed(String status) {
            return StripeEvents.event("charge.dispute.closed", object(status, true));
        }

        public EventPayload fundsReinstated() {
            return StripeEvents.event("charge.dispute.funds_reinstated", object("won", true));
        }

        /** An inquiry (a retrieval request): Stripe withdraws nothing for it. */
        public EventPayload inquiryCreated() {
            return StripeEvents.event("charge.dispute.created", object("warning_needs_response", false));
        }

        Map<String, Object> object(String status, boolean fundsWithdrawn) {
            return dispute(id, status, amount, currency, intentId, reason, dueBy, fundsWithdrawn);
        }
    }

    /**
     * A Dispute as Stripe renders it. A dispute (unlike an inquiry) withdrew the amount and Stripe's dispute fee: that
     * is its first balance transaction; a won one has a second that reinstates them.
     */
    static Map<String, Object> dispute(String disputeId, String status, long amount, String currency, String intentId, String reason,
                                       Instant dueBy, boolean fundsWithdrawn) {
        String lowerCurrency = currency.toLowerCase(Locale.ROOT);
        long created = Instant.now().getEpochSecond();
        List<Object> balanceTransactions = !fundsWithdrawn ? List.of()
                : "won".equals(status)
                ? List.of(disputeTransaction(disputeId, -amount, 1500, lowerCurrency, "withdrawal"),
                        disputeTransaction(disputeId, amount, -1500, lowerCurrency, "reinstatement"))
                : List.of(disputeTransaction(disputeId, -amount, 1500, lowerCurrency, "withdrawal"));
        boolean submitted = "under_review".equals(status) || "won".equals(status) || "lost".equals(status);
        return StripeEvents.object(
                "id", disputeId,
                "object", "dispute",
                "amount", amount,
                "balance_transactions", balanceTransactions,
                "charge", StripeEvents.chargeId(intentId),
                "created", created,
                "currency", lowerCurrency,
                "enhanced_eligibility_types", List.of(),
                "evidence", evidence(null),
                "evidence_details", StripeEvents.object(
                        "due_by", dueBy.getEpochSecond(),
                        "enhanced_eligibility", StripeEvents.object(),
                        "has_evidence", submitted,
                        "past_due", false,
                        "submission_count", submitted ? 1 : 0),
                "is_charge_refundable", false,
                "livemode", false,
                "metadata", StripeEvents.object(),
                "payment_intent", intentId,
                "payment_method_details", StripeEvents.object(
                        "card", StripeEvents.object("brand", "visa", "case_type", status.startsWith("warning") ? "inquiry" : "chargeback",
                                "network_reason_code", "10.4"),
                        "type", "card"),
                "reason", reason,
                "status", status);
    }

    private static Map<String, Object> disputeTransaction(String disputeId, long amount, long fee, String currency, String what) {
        return StripeEvents.object(
                "id", "txn_" + disputeId.substring(3) + what.substring(0, 3),
                "object", "balance_transaction",
                "amount", amount,
                "available_on", Instant.now().getEpochSecond(),
                "created", Instant.now().getEpochSecond(),
                "currency", currency,
                "description", "Chargeback " + what + " for " + disputeId,
                "exchange_rate", null,
                "fee", fee,
                "fee_details", fee == 0 ? List.of() : List.of(StripeEvents.object("amount", fee, "application", null, "currency", currency,
                        "description", "Dispute fee", "type", "stripe_fee")),
                "net", amount - fee,
                "reporting_category", "dispute" + ("reinstatement".equals(what) ? "_reversal" : ""),
                "source", disputeId,
                "status", "available",
                "type", "adjustment");
    }

    private static Map<String, Object> evidence(@Nullable String text) {
        return StripeEvents.object("access_activity_log", null, "billing_address", null, "cancellation_policy", null,
                "cancellation_policy_disclosure", null, "cancellation_rebuttal", null, "customer_communication", null,
                "customer_email_address", null, "customer_name", null, "customer_purchase_ip", null, "customer_signature", null,
                "duplicate_charge_documentation", null, "duplicate_charge_explanation", null, "duplicate_charge_id", null,
                "product_description", null, "receipt", null, "refund_policy", null, "refund_policy_disclosure", null,
                "refund_refusal_explanation", null, "service_date", null, "service_documentation", null, "shipping_address", null,
                "shipping_carrier", null, "shipping_date", null, "shipping_documentation", null, "shipping_tracking_number", null,
                "uncategorized_file", null, "uncategorized_text", text);
    }

    /** The answer to an update or a close: the dispute with the status it now has (the request is what tests check). */
    private static String disputeTemplate(String status, String disputeId) {
        return """
                {
                  "id": "%s",
                  "object": "dispute",
                  "amount": 2500,
                  "balance_transactions": [],
                  "charge": "ch_standin",
                  "created": %d,
                  "currency": "eur",
                  "enhanced_eligibility_types": [],
                  "evidence": {"receipt": null, "uncategorized_file": null, "uncategorized_text": null},
                  "evidence_details": {"due_by": %d, "enhanced_eligibility": {}, "has_evidence": true, "past_due": false, "submission_count": 1},
                  "is_charge_refundable": false,
                  "livemode": false,
                  "metadata": {},
                  "payment_intent": "pi_standin",
                  "reason": "fraudulent",
                  "status": "%s"
                }
                """.formatted(disputeId, Instant.now().getEpochSecond(), Instant.now().plusSeconds(7 * 24 * 3600).getEpochSecond(), status);
    }
}
