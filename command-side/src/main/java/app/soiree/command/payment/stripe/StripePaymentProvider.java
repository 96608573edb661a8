package app.soiree.command.payment.stripe;

import app.soiree.api.Money;
import app.soiree.api.payment.PaymentId;
import app.soiree.command.payment.PaymentIntentRequest;
import app.soiree.command.payment.PaymentProvider;
import app.soiree.command.payment.ProviderEvent;
import app.soiree.command.payment.ProviderPayment;
import com.stripe.StripeClient;
import com.stripe.exception.ApiConnectionException;
import com.stripe.exception.AuthenticationException;
import com.stripe.exception.CardException;
import com.stripe.exception.EventDataObjectDeserializationException;
import com.stripe.exception.InvalidRequestException;
import com.stripe.exception.RateLimitException;
import com.stripe.exception.StripeException;
import com.stripe.model.BalanceTransaction;
import com.stripe.model.Charge;
import com.stripe.model.Event;
import com.stripe.model.PaymentIntent;
import com.stripe.model.StripeObject;
import com.stripe.net.ApiResource;
import com.stripe.net.RequestOptions;
import com.stripe.param.PaymentIntentCreateParams;
import com.stripe.param.PaymentIntentRetrieveParams;
import java.util.Currency;
import java.util.Locale;
import java.util.Map;
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

    private final StripeClient stripe;

    public StripePaymentProvider(StripeProperties properties) {
        if (properties.secretKey() == null || properties.secretKey().isBlank()) {
            throw new IllegalStateException("soiree.payments.provider is stripe but soiree.stripe.secret-key is not set");
        }
        this.stripe = StripeClient.builder()
                .setApiKey(properties.secretKey())
                .setApiBase(properties.apiBase())
                .setConnectTimeout(Math.toIntExact(properties.connectTimeout().toMillis()))
                .setReadTimeout(Math.toIntExact(properties.readTimeout().toMillis()))
                .setMaxNetworkRetries(0)
                .build();
    }

    @Override
    public String name() {
        return "stripe";
    }

    @Override
    public ProviderPayment create(PaymentIntentRequest request) {
        PaymentIntentCreateParams params = PaymentIntentCreateParams.builder()
                .setAmount(request.amount().amountMinor())
                .setCurrency(request.amount().currency().getCurrencyCode().toLowerCase(Locale.ROOT))
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

    @Override
    public ProviderEvent translate(String eventId, String payload) {
        Event event = ApiResource.GSON.fromJson(payload, Event.class);
        String type = event.getType();
        if (!type.startsWith("payment_intent.")) {
            return ProviderEvent.ignored(eventId, type);
        }
        PaymentIntent intent = (PaymentIntent) dataObject(event);
        @Nullable PaymentId paymentId = paymentIdOf(intent.getMetadata());
        return switch (type) {
            case "payment_intent.created" -> new ProviderEvent(eventId, type, ProviderEvent.Kind.PAYMENT_CREATED, paymentId,
                    intent.getId(), null, null, null);
            case "payment_intent.succeeded" -> new ProviderEvent(eventId, type, ProviderEvent.Kind.PAYMENT_SUCCEEDED, paymentId,
                    intent.getId(), money(intent.getAmountReceived(), intent.getCurrency()), feeOf(intent.getId()), null);
            case "payment_intent.payment_failed" -> new ProviderEvent(eventId, type, ProviderEvent.Kind.PAYMENT_FAILED, paymentId,
                    intent.getId(), null, null, intent.getLastPaymentError() != null
                            ? "declined: " + intent.getLastPaymentError().getCode() + " (" + intent.getLastPaymentError().getMessage() + ")"
                            : "declined by Stripe");
            case "payment_intent.canceled" -> new ProviderEvent(eventId, type, ProviderEvent.Kind.PAYMENT_FAILED, paymentId,
                    intent.getId(), null, null, "cancelled at Stripe: " + intent.getCancellationReason());
            default -> ProviderEvent.ignored(eventId, type);
        };
    }

    private ProviderPayment answerFor(PaymentIntent intent) {
        return switch (intent.getStatus()) {
            case "succeeded" -> ProviderPayment.succeeded(intent.getId(), money(intent.getAmountReceived(), intent.getCurrency()),
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

    /** Stripe's own fee for a payment, when Stripe tells; an unanswered question leaves it unknown rather than failing the capture. */
    private @Nullable Money feeOf(String intentId) {
        ProviderPayment answer = retrieve(intentId);
        return answer.providerFee();
    }

    private static @Nullable Money feeOf(PaymentIntent intent) {
        Charge charge = intent.getLatestChargeObject();
        BalanceTransaction transfer = charge == null ? null : charge.getBalanceTransactionObject();
        return transfer == null || transfer.getFee() == null ? null : money(transfer.getFee(), transfer.getCurrency());
    }

    private static StripeObject dataObject(Event event) {
        // Events written with another API version than the SDK's do not deserialize safely; their
        // PaymentIntent fields that matter here (id, status, amounts, metadata) are stable across versions.
        return event.getDataObjectDeserializer().getObject().orElseGet(() -> {
            try {
                return event.getDataObjectDeserializer().deserializeUnsafe();
            } catch (EventDataObjectDeserializationException e) {
                throw new IllegalStateException("Stripe event " + event.getId() + " has an unreadable object", e);
            }
        });
    }

    private static @Nullable PaymentId paymentIdOf(@Nullable Map<String, String> metadata) {
        String value = metadata == null ? null : metadata.get(PaymentIntentRequest.PAYMENT_ID_KEY);
        try {
            return value == null ? null : PaymentId.of(value);
        } catch (IllegalArgumentException notOurs) {
            return null;
        }
    }

    private static Money money(Long amountMinor, String currency) {
        return new Money(amountMinor, Currency.getInstance(currency.toUpperCase(Locale.ROOT)));
    }
}
