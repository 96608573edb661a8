package app.soiree.command.refund.stripe;

import app.soiree.api.payment.PaymentOutcome;
import app.soiree.command.refund.ProviderRefund;
import app.soiree.command.refund.RefundProvider;
import app.soiree.command.refund.RefundRequest;
import com.stripe.StripeClient;
import com.stripe.exception.ApiConnectionException;
import com.stripe.exception.AuthenticationException;
import com.stripe.exception.IdempotencyException;
import com.stripe.exception.InvalidRequestException;
import com.stripe.exception.RateLimitException;
import com.stripe.exception.StripeException;
import com.stripe.model.Refund;
import com.stripe.net.RequestOptions;
import com.stripe.param.RefundCreateParams;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Refunds through Stripe's Refunds API, against the payment's PaymentIntent. Each refund is created
 * with its refund id as idempotency key and carries the refund and payment ids as metadata, so a
 * create asked again finds the first refund and every refund webhook leads back to its refund. The
 * shared client does not retry by itself: a call without an answer is UNKNOWN, and the saga asks
 * again later under the same key.
 */
public class StripeRefundProvider implements RefundProvider {

    private static final Logger log = LoggerFactory.getLogger(StripeRefundProvider.class);

    private final StripeClient stripe;

    public StripeRefundProvider(StripeClient stripe) {
        this.stripe = stripe;
    }

    @Override
    public ProviderRefund refund(RefundRequest request) {
        RefundCreateParams params = RefundCreateParams.builder()
                .setPaymentIntent(request.paymentReference())
                .setAmount(request.amount().amountMinor())
                .putMetadata(REFUND_ID_KEY, request.refundId().toString())
                .putMetadata(PAYMENT_ID_KEY, request.paymentId().toString())
                .build();
        RequestOptions once = RequestOptions.builder().setIdempotencyKey(request.refundId().toString()).build();
        try {
            return answerFor(stripe.v1().refunds().create(params, once));
        } catch (StripeException e) {
            return failure("create refund " + request.refundId() + " on " + request.paymentReference(), e);
        }
    }

    @Override
    public ProviderRefund retrieve(String providerReference) {
        try {
            return answerFor(stripe.v1().refunds().retrieve(providerReference));
        } catch (StripeException e) {
            ProviderRefund answer = failure("retrieve refund " + providerReference, e);
            // A look-up that fails says nothing about the refund itself: only the refund's own status may fail it.
            return answer.outcome() == PaymentOutcome.DECLINED && !answer.unavailable()
                    ? ProviderRefund.unknown(String.valueOf(answer.failureReason())) : answer;
        }
    }

    /** A Stripe Refund's status in Soiree's terms. */
    static ProviderRefund answerFor(Refund refund) {
        return switch (String.valueOf(refund.getStatus())) {
            case "succeeded" -> ProviderRefund.succeeded(refund.getId());
            case "failed" -> ProviderRefund.declined(refund.getId(), failureOf(refund));
            case "canceled" -> ProviderRefund.declined(refund.getId(), "cancelled at Stripe");
            // pending, requires_action (the customer must give bank details for some methods)
            default -> ProviderRefund.pending(refund.getId());
        };
    }

    static String failureOf(Refund refund) {
        return "failed at Stripe: " + (refund.getFailureReason() != null ? refund.getFailureReason() : "unknown");
    }

    /** Sorts Stripe's exceptions into "said no", "try later" and "do not know". */
    private static ProviderRefund failure(String call, StripeException e) {
        String reason = e.getClass().getSimpleName() + (e.getCode() != null ? " " + e.getCode() : "") + ": " + e.getMessage();
        return switch (e) {
            case RateLimitException limited -> ProviderRefund.unavailable("Stripe rate limit: " + limited.getMessage());
            case AuthenticationException refused -> {
                log.error("Stripe refused our credentials during {}; check soiree.stripe.secret-key", call);
                yield ProviderRefund.unavailable("Stripe refused the platform's credentials");
            }
            case IdempotencyException misused -> {
                // The same refund id was sent with other parameters: a bug here, not an answer about the refund.
                log.error("Stripe refused {}: its idempotency key was used with other parameters", call, misused);
                yield ProviderRefund.unknown(reason);
            }
            // e.g. charge_already_refunded, or an amount beyond what Stripe still holds for the charge
            case InvalidRequestException invalid when invalid.getStatusCode() != null && invalid.getStatusCode() < 500 ->
                    ProviderRefund.declined(null, "refused by Stripe: " + reason);
            case ApiConnectionException lost -> {
                log.warn("No answer from Stripe to {}: the outcome is unknown and will be asked again", call, lost);
                yield ProviderRefund.unknown("no answer from Stripe: " + lost.getMessage());
            }
            // A 5xx may or may not have taken effect.
            default -> ProviderRefund.unknown(reason);
        };
    }
}
