package app.soiree.command.payment;

import app.soiree.api.payment.PaymentCaptured;
import app.soiree.api.payment.PaymentIntentCreated;
import app.soiree.api.payment.PaymentRequested;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.springframework.stereotype.Component;

/**
 * Records each payment's provider reference in the same transaction as the event that names it (a subscribing
 * processor), so that anything the provider reports about a captured payment can be matched to it at once.
 */
@Component
@ProcessingGroup(PaymentReferenceUpdater.PROCESSING_GROUP)
class PaymentReferenceUpdater {

    static final String PROCESSING_GROUP = "payment-references";

    private final PaymentReferences references;

    PaymentReferenceUpdater(PaymentReferences references) {
        this.references = references;
    }

    @EventHandler
    void on(PaymentRequested event) {
        if (event.providerReference() != null) {
            references.remember(event.providerReference(), event.paymentId());
        }
    }

    @EventHandler
    void on(PaymentIntentCreated event) {
        references.remember(event.providerReference(), event.paymentId());
    }

    /** A capture may be the first to name the reference (its intent event lost, or reconciled). */
    @EventHandler
    void on(PaymentCaptured event) {
        references.remember(event.providerReference(), event.paymentId());
    }
}
