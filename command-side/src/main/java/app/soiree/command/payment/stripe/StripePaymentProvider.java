package app.soiree.command.payment.stripe;

import app.soiree.command.provider.stripe.StripeEventPayloads;
import app.soiree.api.Money;
import app.soiree.command.payment.PaymentIntentRequest;
import app.soiree.command.payment.PaymentProvider;
import app.soiree.command.payment.ProviderPayment;
import com.stripe.StripeClient;
import com.stripe.exception.ApiConnectionException;
import com.stripe.exception.AuthenticationException;
import com.stripe.exception.CardException;
import com.stripe.exception.InvalidRequestException;
import com.stripe.exception.RateLimitException;
import com.stripe.exception.StripeException;
import com.stripe.model.BalanceTransaction;
import com.stripe.model.Charge;
import com.stripe.model.PaymentIntent;
import com.stripe.net.RequestOptions;
import com.stripe.param.PaymentIntentCreateParams;
import com.stripe.param.PaymentIntentRetrieveParams;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Payments through Stripe PaymentIntents with stripe-java. The SDK does not retry by itself
 * ({@code maxNetworkRetries = 0}): a call that times out becomes UNKNOWN and is reconciled by asking
 * Stripe, and every create carries the payment id as its idempotency key, so asking again with a
 * create returns the same PaymentIntent instead of a second one.
 */
public class StripePaymentProvider implements PaymentProvider {

    private static final Logger log = LoggerFactory.getLogger(StripePaymentProvider.class);
    private static final String FEE_EXPANSION = "latest_charge.balance_transaction";

    public static final String NAME = "stripe";

    private final StripeClient stripe;

    public StripePaymentProvider(StripeClient stripe) {
        this.stripe = stripe;
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public ProviderPayment create(PaymentIntentRequest request) {
        PaymentIntentCreateParams params = PaymentIntentCreateParams.builder()
                .setAmount(request.amount().amountMinor())
                .setCurrency(StripeEventPayloads.currencyParameter(request.amount()))
                .putMetadata(PaymentIntentRequest.PAYMENT_ID_KEY, request.paymentId().toString())
                .putMetadata(PaymentIntentRequest.BOOKING_ID_KEY, request.bookingId().toString())
                .putMetadata(PaymentIntentRequest.GATHERING_ID_KEY, request.gatheringId().toString())
                .setAutomaticPaymentMethods(PaymentIntentCreateParams.AutomaticPaymentMethods.builder().setEnabled(true).build())
                .build();
        RequestOptions once = RequestOptions.builder().setIdempotencyKey(request.paymentId().toString()).build();
        try {
            return answerFor(stripe.v1().paymentIntents().create(params, once));
        } catch (StripeException e) {
            return failure("create PaymentIntent for payment " + request.paymentId(), e);
        }
    }

    @Override
    public ProviderPayment retrieve(String providerReference) {
        PaymentIntentRetrieveParams params = PaymentIntentRetrieveParams.builder().addExpand(FEE_EXPANSION).build();
        try {
            return answerFor(stripe.v1().paymentIntents().retrieve(providerReference, params));
        } catch (StripeException e) {
            return failure("retrieve PaymentIntent " + providerReference, e);
        }
    }

    private ProviderPayment answerFor(PaymentIntent intent) {
        return switch (intent.getStatus()) {
            case "succeeded" -> ProviderPayment.succeeded(intent.getId(), StripeEventPayloads.money(intent.getAmountReceived(), intent.getCurrency()),
                    feeOf(intent));
            case "canceled" -> ProviderPayment.declined(intent.getId(), "cancelled at Stripe: " + intent.getCancellationReason());
            // requires_payment_method (also after a failed attempt: the guest may try another card),
            // requires_confirmation, requires_action, processing, requires_capture
            default -> ProviderPayment.pending(intent.getId(), intent.getClientSecret());
        };
    }

    /** Sorts Stripe's exceptions into "said no", "try later" and "do not know". */
    private static ProviderPayment failure(String call, StripeException e) {
        String reason = e.getClass().getSimpleName() + (e.getCode() != null ? " " + e.getCode() : "") + ": " + e.getMessage();
        return switch (e) {
            case CardException declined -> ProviderPayment.declined(null, "declined: " + declined.getCode());
            case RateLimitException limited -> ProviderPayment.unavailable("Stripe rate limit: " + limited.getMessage());
            case AuthenticationException refused -> refusedCredentials(call); // PermissionException too
            case InvalidRequestException invalid when invalid.getStatusCode() != null && invalid.getStatusCode() < 500 ->
                    ProviderPayment.declined(null, "refused by Stripe: " + reason);
            case ApiConnectionException lost -> {
                log.warn("No answer from Stripe to {}: the outcome is unknown and will be reconciled", call, lost);
                yield ProviderPayment.unknown("no answer from Stripe: " + lost.getMessage());
            }
            // A 5xx may or may not have taken effect.
            default -> ProviderPayment.unknown(reason);
        };
    }

    private static ProviderPayment refusedCredentials(String call) {
        log.error("Stripe refused our credentials during {}; check soiree.stripe.secret-key", call);
        return ProviderPayment.unavailable("Stripe refused the platform's credentials");
    }

    private static @Nullable Money feeOf(PaymentIntent intent) {
        Charge charge = intent.getLatestChargeObject();
        BalanceTransaction transfer = charge == null ? null : charge.getBalanceTransactionObject();
        return transfer == null || transfer.getFee() == null ? null : StripeEventPayloads.money(transfer.getFee(), transfer.getCurrency());
    }
}
