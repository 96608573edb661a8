package app.soiree.server.support.stripe;

import static app.soiree.server.support.stripe.StripeStandIn.resource;
import static app.soiree.server.support.stripe.StripeStandIn.stripeJson;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathMatching;

import com.github.tomakehurst.wiremock.client.MappingBuilder;
import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.github.tomakehurst.wiremock.stubbing.Scenario;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import com.stripe.Stripe;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * Stripe's Refunds API on the {@link StripeStandIn} server: {@code POST /v1/refunds} (idempotent by
 * {@code Idempotency-Key}, echoing the amount, PaymentIntent and metadata it was given),
 * {@code GET /v1/refunds/{id}} and {@code GET /v1/refunds?charge=…}. By default a refund succeeds at once,
 * as card refunds usually do. Tests make Stripe answer otherwise for <em>their</em> payment only, matched on
 * {@code metadata[soiree_payment_id]}; {@link StripeStandIn#reset()} removes those stubs as it does its own.
 */
public final class StripeRefundsStandIn {

    private static final String REFUNDS = "/v1/refunds";
    private static final String PAYMENT_ID_PARAM = "metadata[soiree_payment_id]";

    private static final int FAILURE_INJECTION = 3;
    private static final int PER_TEST = 6;
    private static final int DEFAULT = 10;
    private static final Map<String, Object> PER_TEST_METADATA = Map.of("stripeStandIn", "per-test");

    private StripeRefundsStandIn() {
    }

    /** The defaults, added once to the shared server the first time this class is used. */
    private static final class Defaults {
        static final boolean ADDED = add();

        private static boolean add() {
            StripeStandIn.server().stubFor(post(urlPathEqualTo(REFUNDS)).atPriority(DEFAULT).willReturn(createdRefund("succeeded")));
            StripeStandIn.server().stubFor(get(urlPathMatching(REFUNDS + "/[^/]+")).atPriority(DEFAULT).willReturn(stripeJson(404, """
                    {
                      "error": {
                        "code": "resource_missing",
                        "doc_url": "https://stripe.com/docs/error-codes/resource-missing",
                        "message": "No such refund: '{{request.pathSegments.[2]}}'",
                        "param": "id",
                        "type": "invalid_request_error"
                      }
                    }
                    """)));
            return true;
        }
    }

    /** Makes sure the defaults are there; every helper here calls it, and a test class calls it before its first refund. */
    public static void install() {
        if (!Defaults.ADDED) {
            throw new IllegalStateException("The refund stand-in's defaults were not added");
        }
    }

    // ---- What Stripe would derive ------------------------------------------------------------------------------

    /** The id the stand-in gives the refund created with this idempotency key (Soiree uses the refund id). */
    public static String stripeRefundIdFor(String refundId) {
        return "re_" + refundId.replace("-", "");
    }

    /** The charge behind a PaymentIntent of the stand-in. */
    public static String chargeIdFor(String intentId) {
        return StripeEvents.chargeId(intentId);
    }

    // ---- Per-test stubs ----------------------------------------------------------------------------------------

    /** Refunds of this payment are answered with this status: {@code pending} (settled later by webhook) or {@code failed}. */
    public static void answerRefundsOf(String paymentId, String status) {
        install();
        StripeStandIn.server().stubFor(createFor(paymentId).atPriority(PER_TEST).willReturn(createdRefund(status)));
    }

    /** Refunds of this payment are refused with 400 {@code charge_already_refunded}, as Stripe refuses a refund it cannot make. */
    public static void refuseRefundsOf(String paymentId) {
        install();
        StripeStandIn.server().stubFor(createFor(paymentId).atPriority(FAILURE_INJECTION).willReturn(refused()));
    }

    /** The refund Soiree makes under this refund id is refused as {@link #refuseRefundsOf} refuses them; others are not. */
    public static void refuseRefund(String refundId) {
        install();
        StripeStandIn.server().stubFor(post(urlPathEqualTo(REFUNDS)).withFormParam("metadata[soiree_refund_id]", equalTo(refundId))
                .withMetadata(PER_TEST_METADATA).atPriority(FAILURE_INJECTION).willReturn(refused()));
    }

    /** Refund creates for this payment answer only after {@link StripeStandIn#DELAY_MILLIS}, so the client gives up first. */
    public static void timeOutRefundsOf(String paymentId) {
        install();
        StripeStandIn.server().stubFor(createFor(paymentId).atPriority(FAILURE_INJECTION)
                .willReturn(createdRefund("succeeded").withFixedDelay(StripeStandIn.DELAY_MILLIS)));
    }

    /** The first refund create for this payment times out (yet happens, as on Stripe); later ones are answered at once. */
    public static void timeOutFirstRefundOf(String paymentId) {
        install();
        String scenario = "refund times out once: " + paymentId;
        StripeStandIn.server().stubFor(createFor(paymentId).atPriority(FAILURE_INJECTION)
                .inScenario(scenario).whenScenarioStateIs(Scenario.STARTED).willSetStateTo("timed out")
                .willReturn(createdRefund("succeeded").withFixedDelay(StripeStandIn.DELAY_MILLIS)));
        StripeStandIn.server().stubFor(createFor(paymentId).atPriority(FAILURE_INJECTION)
                .inScenario(scenario).whenScenarioStateIs("timed out")
                .willReturn(createdRefund("succeeded")));
    }

    /** {@code GET /v1/refunds/{stripeRefundId}} answers with this refund; stubbing it again replaces the answer. */
    public static void stubRetrieve(Map<String, Object> refund) {
        install();
        StripeStandIn.server().stubFor(get(urlPathEqualTo(REFUNDS + "/" + refund.get("id"))).atPriority(PER_TEST)
                .withMetadata(PER_TEST_METADATA).willReturn(stripeJson(200, StripeEvents.json(refund))));
    }

    /** {@code GET /v1/refunds?charge=…} lists these refunds of the charge, newest first as Stripe lists them. */
    public static void stubList(String chargeId, List<Map<String, Object>> refunds) {
        install();
        StripeStandIn.server().stubFor(get(urlPathEqualTo(REFUNDS)).withQueryParam("charge", equalTo(chargeId)).atPriority(PER_TEST)
                .withMetadata(PER_TEST_METADATA).willReturn(stripeJson(200, StripeEvents.json(StripeEvents.object(
                        "object", "list",
                        "data", refunds,
                        "has_more", false,
                        "url", REFUNDS)))));
    }

    // ---- Recorded requests -------------------------------------------------------------------------------------

    /** Refund creates the stand-in received for this payment, in order; their bodies are Stripe's form encoding. */
    public static List<LoggedRequest> createsFor(String paymentId) {
        return StripeStandIn.server().findAll(postRequestedFor(urlPathEqualTo(REFUNDS)).withFormParam(PAYMENT_ID_PARAM, equalTo(paymentId)));
    }

    public static int retrievesOf(String stripeRefundId) {
        return StripeStandIn.server().findAll(getRequestedFor(urlPathEqualTo(REFUNDS + "/" + stripeRefundId))).size();
    }

    // ---- Refund objects ----------------------------------------------------------------------------------------

    /**
     * A Refund as Stripe renders it. {@code metadata} is empty for a refund made outside Soiree (in the dashboard);
     * {@code failureReason} is set for a failed one.
     */
    public static Map<String, Object> refund(String stripeRefundId, String status, long amount, String intentId,
                                             Map<String, String> metadata, @Nullable String failureReason) {
        return StripeEvents.object(
                "id", stripeRefundId,
                "object", "refund",
                "amount", amount,
                "balance_transaction", "txn_" + stripeRefundId.substring(3),
                "charge", chargeIdFor(intentId),
                "created", Instant.now().getEpochSecond(),
                "currency", "eur",
                "destination_details", StripeEvents.object("card", StripeEvents.object("reference", null, "reference_status", "pending",
                        "reference_type", "acquirer_reference_number", "type", "refund"), "type", "card"),
                "failure_balance_transaction", "failed".equals(status) ? "txn_f_" + stripeRefundId.substring(3) : null,
                "failure_reason", failureReason,
                "metadata", metadata,
                "payment_intent", intentId,
                "reason", null,
                "receipt_number", null,
                "source_transfer_reversal", null,
                "status", status,
                "transfer_reversal", null);
    }

    /** Soiree's metadata on a refund it made. */
    public static Map<String, String> metadata(String refundId, String paymentId) {
        return Map.of("soiree_refund_id", refundId, "soiree_payment_id", paymentId);
    }

    // ---- Building blocks ---------------------------------------------------------------------------------------

    private static MappingBuilder createFor(String paymentId) {
        return post(urlPathEqualTo(REFUNDS)).withFormParam(PAYMENT_ID_PARAM, equalTo(paymentId)).withMetadata(PER_TEST_METADATA);
    }

    private static ResponseDefinitionBuilder refused() {
        return stripeJson(400, """
                {
                  "error": {
                    "code": "charge_already_refunded",
                    "doc_url": "https://stripe.com/docs/error-codes/charge-already-refunded",
                    "message": "Charge {{replace (regexExtract request.body 'pi_[A-Za-z0-9]+') 'pi_' 'ch_'}} has already been refunded.",
                    "request_log_url": "https://dashboard.stripe.com/test/logs/{{requestId}}",
                    "type": "invalid_request_error"
                  }
                }
                """);
    }

    private static ResponseDefinitionBuilder createdRefund(String status) {
        return stripeJson(200, resource("stripe/create-refund.json"))
                .withTransformerParameter("status", status)
                .withHeader("Idempotency-Key", "{{request.headers.Idempotency-Key}}");
    }
}
