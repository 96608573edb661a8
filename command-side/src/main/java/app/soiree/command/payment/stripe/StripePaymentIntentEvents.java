package app.soiree.command.payment.stripe;

import app.soiree.command.provider.stripe.StripeEventPayloads;
import app.soiree.command.provider.ProviderName;
import static app.soiree.command.provider.stripe.StripeEventPayloads.money;

import app.soiree.api.payment.CapturePayment;
import app.soiree.api.payment.DeclinePayment;
import app.soiree.api.payment.PaymentId;
import app.soiree.api.payment.RecordPaymentIntent;
import app.soiree.command.payment.PaymentIntentRequest;
import app.soiree.command.provider.ProviderEvent;
import app.soiree.command.provider.ProviderEventTranslator;
import com.stripe.model.Event;
import com.stripe.model.PaymentIntent;
import org.jspecify.annotations.Nullable;

/** {@code payment_intent.*}: a payment created, succeeded, failed or cancelled at Stripe. */
public class StripePaymentIntentEvents implements ProviderEventTranslator {

    private final StripePaymentProvider stripe;

    public StripePaymentIntentEvents(StripePaymentProvider stripe) {
        this.stripe = stripe;
    }

    @Override
    public ProviderName provider() {
        return ProviderName.STRIPE;
    }

    @Override
    public boolean translates(String eventType) {
        return eventType.startsWith("payment_intent.");
    }

    @Override
    public ProviderEvent translate(String eventId, String type, String payload) {
        Event event = StripeEventPayloads.parse(payload);
        PaymentIntent intent = StripeEventPayloads.dataObject(event, PaymentIntent.class);
        @Nullable PaymentId paymentId = StripeEventPayloads.idFrom(intent.getMetadata(), PaymentIntentRequest.PAYMENT_ID_KEY, PaymentId::of);
        if (paymentId == null) {
            return ProviderEvent.ignored(eventId, type, "PaymentIntent " + intent.getId() + " is not a Soiree payment");
        }
        return switch (type) {
            case "payment_intent.created" -> ProviderEvent.command(eventId, type, new RecordPaymentIntent(paymentId, intent.getId()));
            case "payment_intent.succeeded" -> ProviderEvent.command(eventId, type, new CapturePayment(paymentId, intent.getId(),
                    money(intent.getAmountReceived(), intent.getCurrency()), stripe.retrieve(intent.getId()).providerFee(), eventId));
            case "payment_intent.payment_failed" -> ProviderEvent.command(eventId, type, new DeclinePayment(paymentId,
                    intent.getLastPaymentError() != null
                            ? "declined: " + intent.getLastPaymentError().getCode() + " (" + intent.getLastPaymentError().getMessage() + ")"
                            : "declined by Stripe", eventId));
            case "payment_intent.canceled" -> ProviderEvent.command(eventId, type, new DeclinePayment(paymentId,
                    "cancelled at Stripe: " + intent.getCancellationReason(), eventId));
            default -> ProviderEvent.ignored(eventId, type);
        };
    }
}
