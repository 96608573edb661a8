package app.soiree.command.dispute.stripe;

import app.soiree.command.provider.stripe.StripeEventPayloads;
import app.soiree.command.provider.ProviderName;
import app.soiree.api.dispute.DisputeId;
import app.soiree.api.dispute.ProviderDisputeStatus;
import app.soiree.api.dispute.RecordProviderDispute;
import app.soiree.api.payment.PaymentId;
import app.soiree.command.payment.PaymentIntentRequest;
import app.soiree.command.payment.PaymentReferences;
import app.soiree.command.provider.ProviderEvent;
import app.soiree.command.provider.ProviderEventTranslator;
import com.stripe.StripeClient;
import com.stripe.exception.InvalidRequestException;
import com.stripe.exception.StripeException;
import com.stripe.model.Dispute;
import com.stripe.model.Event;
import com.stripe.model.PaymentIntent;
import java.time.Instant;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * {@code charge.dispute.*}: created, updated, closed, funds_withdrawn and funds_reinstated. Every one of them carries
 * the whole Dispute, so each becomes the same command: whichever arrives first opens the dispute on the payment
 * (a {@code closed} before its {@code created} is not lost), and a final status ({@code won}, {@code lost}) decides
 * it. The withdrawal is booked when the dispute opens and the reinstatement when it is won, as
 * docs/money-lifecycle.md books them, so {@code funds_withdrawn} and {@code funds_reinstated} book nothing of their
 * own: they open or decide the dispute from their snapshot if that has not happened yet, and are no-ops otherwise.
 * Inquiries ({@code warning_*} statuses) withdraw no money and open nothing.
 *
 * <p>The Dispute names the PaymentIntent, not our payment: it is matched through {@link PaymentReferences}, written
 * with the payment's own events, so no call to Stripe is needed. Only a payment Soiree recorded before those
 * references existed is looked up at Stripe, by the intent's {@code soiree_payment_id} metadata.
 */
public class StripeDisputeEvents implements ProviderEventTranslator {

    private final PaymentReferences references;
    private final StripeClient stripe;

    public StripeDisputeEvents(PaymentReferences references, StripeClient stripe) {
        this.references = references;
        this.stripe = stripe;
    }

    @Override
    public ProviderName provider() {
        return ProviderName.STRIPE;
    }

    @Override
    public boolean translates(String eventType) {
        return eventType.startsWith("charge.dispute.");
    }

    @Override
    public ProviderEvent translate(String eventId, String type, String payload) {
        Event event = StripeEventPayloads.parse(payload);
        Dispute dispute = StripeEventPayloads.dataObject(event, Dispute.class);
        ProviderDisputeStatus status = statusOf(dispute.getStatus());
        if (status == null) {
            return ProviderEvent.ignored(eventId, type, "dispute " + dispute.getId() + " is " + dispute.getStatus()
                    + ": an inquiry or a status that withdraws no money");
        }
        if (dispute.getPaymentIntent() == null) {
            return ProviderEvent.ignored(eventId, type, "dispute " + dispute.getId() + " is about a charge without a PaymentIntent");
        }
        Optional<PaymentId> paymentId = references.paymentFor(dispute.getPaymentIntent()).or(() -> askStripe(dispute.getPaymentIntent()));
        if (paymentId.isEmpty()) {
            return ProviderEvent.ignored(eventId, type, "PaymentIntent " + dispute.getPaymentIntent() + " is not a Soiree payment");
        }
        Instant reportedAt = Instant.ofEpochSecond(event.getCreated());
        return ProviderEvent.command(eventId, type, new RecordProviderDispute(paymentId.get(),
                DisputeId.forProviderDispute(ProviderName.STRIPE.code(), dispute.getId()), dispute.getId(),
                StripeEventPayloads.money(dispute.getAmount(), dispute.getCurrency()),
                dispute.getReason() == null ? "unknown" : dispute.getReason(), status, dueBy(dispute, reportedAt), reportedAt, eventId));
    }

    private static @Nullable ProviderDisputeStatus statusOf(String status) {
        return switch (status) {
            case "needs_response" -> ProviderDisputeStatus.NEEDS_RESPONSE;
            case "under_review" -> ProviderDisputeStatus.UNDER_REVIEW;
            case "won" -> ProviderDisputeStatus.WON;
            case "lost" -> ProviderDisputeStatus.LOST;
            default -> null; // warning_needs_response, warning_under_review, warning_closed, and what Stripe adds later
        };
    }

    /** Stripe sets the due date on every dispute that can take evidence; a decided one may lack it, and then it is moot. */
    private static Instant dueBy(Dispute dispute, Instant reportedAt) {
        Long dueBy = dispute.getEvidenceDetails() == null ? null : dispute.getEvidenceDetails().getDueBy();
        return dueBy == null ? reportedAt : Instant.ofEpochSecond(dueBy);
    }

    private Optional<PaymentId> askStripe(String intentId) {
        try {
            PaymentIntent intent = stripe.v1().paymentIntents().retrieve(intentId);
            return Optional.ofNullable(StripeEventPayloads.idFrom(intent.getMetadata(), PaymentIntentRequest.PAYMENT_ID_KEY, PaymentId::of));
        } catch (InvalidRequestException missing) {
            if (missing.getStatusCode() != null && missing.getStatusCode() == 404) {
                return Optional.empty();
            }
            throw new IllegalStateException("Stripe refused to show PaymentIntent " + intentId, missing);
        } catch (StripeException e) {
            // Unreachable or failing: the inbox tries the event again later.
            throw new IllegalStateException("Could not ask Stripe about PaymentIntent " + intentId, e);
        }
    }
}
