package app.soiree.command.refund.stripe;

import app.soiree.api.payment.PaymentId;
import app.soiree.api.refund.ConfirmRefund;
import app.soiree.api.refund.FailRefund;
import app.soiree.api.refund.MarkRefundPending;
import app.soiree.api.refund.RecordRefundOutcomes;
import app.soiree.api.refund.RefundId;
import app.soiree.command.payment.stripe.StripePaymentProvider;
import app.soiree.command.provider.ProviderEvent;
import app.soiree.command.provider.ProviderEventTranslator;
import app.soiree.command.provider.ProviderName;
import app.soiree.command.provider.stripe.StripeEventPayloads;
import app.soiree.command.refund.RefundProvider;
import com.stripe.StripeClient;
import com.stripe.exception.StripeException;
import com.stripe.model.Charge;
import com.stripe.model.Event;
import com.stripe.model.Refund;
import com.stripe.model.RefundCollection;
import com.stripe.param.RefundListParams;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Stripe's refund webhooks. {@code refund.created}, {@code refund.updated}, {@code refund.failed} and
 * {@code charge.refund.updated} carry one Refund, whose metadata names Soiree's refund and payment: its
 * status becomes a confirmation, a failure, or a note that it is pending. {@code charge.refunded}
 * carries the Charge: its refunds (listed from Stripe when the event does not include them) are
 * reported together. Every command is idempotent per refund, so copies and any order end in the same
 * state; a refund that failed is final at Stripe, so a success reported after its failure is stale.
 */
public class StripeRefundEvents implements ProviderEventTranslator {

    private static final Logger log = LoggerFactory.getLogger(StripeRefundEvents.class);
    private static final Set<String> REFUND_EVENTS = Set.of("refund.created", "refund.updated", "refund.failed", "charge.refund.updated");
    private static final String CHARGE_REFUNDED = "charge.refunded";
    private static final long LIST_LIMIT = 100;

    private final StripeClient stripe;

    public StripeRefundEvents(StripeClient stripe) {
        this.stripe = stripe;
    }

    @Override
    public ProviderName provider() {
        return ProviderName.STRIPE;
    }

    @Override
    public boolean translates(String eventType) {
        return REFUND_EVENTS.contains(eventType) || CHARGE_REFUNDED.equals(eventType);
    }

    @Override
    public ProviderEvent translate(String eventId, String type, String payload) {
        Event event = StripeEventPayloads.parse(payload);
        return CHARGE_REFUNDED.equals(type)
                ? chargeRefunded(eventId, type, StripeEventPayloads.dataObject(event, Charge.class))
                : refundChanged(eventId, type, StripeEventPayloads.dataObject(event, Refund.class));
    }

    private ProviderEvent refundChanged(String eventId, String type, Refund refund) {
        @Nullable RefundId refundId = StripeEventPayloads.idFrom(refund.getMetadata(), RefundProvider.REFUND_ID_KEY, RefundId::of);
        @Nullable PaymentId paymentId = StripeEventPayloads.idFrom(refund.getMetadata(), RefundProvider.PAYMENT_ID_KEY, PaymentId::of);
        if (refundId == null || paymentId == null) {
            return notMadeBySoiree(eventId, type, refund);
        }
        return switch (String.valueOf(refund.getStatus())) {
            case "succeeded" -> ProviderEvent.command(eventId, type, new ConfirmRefund(paymentId, refundId, refund.getId(), eventId));
            case "failed" -> ProviderEvent.command(eventId, type,
                    FailRefund.reported(paymentId, refundId, StripeRefundProvider.failureOf(refund), eventId));
            case "canceled" -> ProviderEvent.command(eventId, type,
                    FailRefund.reported(paymentId, refundId, "cancelled at Stripe", eventId));
            default -> ProviderEvent.command(eventId, type, new MarkRefundPending(paymentId, refundId, refund.getId()));
        };
    }

    private ProviderEvent chargeRefunded(String eventId, String type, Charge charge) {
        @Nullable PaymentId paymentId = StripeEventPayloads.idFrom(charge.getMetadata(), RefundProvider.PAYMENT_ID_KEY, PaymentId::of);
        if (paymentId == null) {
            return ProviderEvent.ignored(eventId, type, "Charge " + charge.getId() + " is not a Soiree payment");
        }
        List<RecordRefundOutcomes.Outcome> outcomes = new ArrayList<>();
        for (Refund refund : refundsOf(charge)) {
            @Nullable RefundId refundId = StripeEventPayloads.idFrom(refund.getMetadata(), RefundProvider.REFUND_ID_KEY, RefundId::of);
            if (refundId == null) {
                notMadeBySoiree(eventId, type, refund);
                continue;
            }
            switch (String.valueOf(refund.getStatus())) {
                case "succeeded" -> outcomes.add(new RecordRefundOutcomes.Outcome(refundId, refund.getId(), true, null));
                case "failed" -> outcomes.add(new RecordRefundOutcomes.Outcome(refundId, refund.getId(), false,
                        StripeRefundProvider.failureOf(refund)));
                case "canceled" -> outcomes.add(new RecordRefundOutcomes.Outcome(refundId, refund.getId(), false, "cancelled at Stripe"));
                default -> {
                    // still pending: its own refund.* event will tell
                }
            }
        }
        if (outcomes.isEmpty()) {
            return ProviderEvent.ignored(eventId, type, "Charge " + charge.getId() + " has no settled Soiree refund");
        }
        return ProviderEvent.command(eventId, type, new RecordRefundOutcomes(paymentId, outcomes, eventId));
    }

    /**
     * The charge's refunds: in the event when Stripe included them (older API versions, or expanded), else
     * listed from Stripe. Stripe not answering fails the translation, and the inbox tries again later.
     */
    private List<Refund> refundsOf(Charge charge) {
        RefundCollection included = charge.getRefunds();
        if (included != null && included.getData() != null && !Boolean.TRUE.equals(included.getHasMore())) {
            return included.getData();
        }
        try {
            List<Refund> refunds = new ArrayList<>();
            RefundListParams params = RefundListParams.builder().setCharge(charge.getId()).setLimit(LIST_LIMIT).build();
            stripe.v1().refunds().list(params).autoPagingIterable().forEach(refunds::add);
            return refunds;
        } catch (StripeException e) {
            throw new IllegalStateException("Could not list the refunds of charge " + charge.getId() + " from Stripe", e);
        }
    }

    private static ProviderEvent notMadeBySoiree(String eventId, String type, Refund refund) {
        // Money that left without Soiree (a refund in Stripe's dashboard) is not in the ledger: someone must book it.
        log.warn("Stripe refund {} of {} on {} was not made by Soiree; the ledger does not know it", refund.getId(), refund.getAmount(),
                refund.getPaymentIntent());
        return ProviderEvent.ignored(eventId, type, "Refund " + refund.getId() + " was not made by Soiree");
    }
}
