package app.soiree.query.booking;

import app.soiree.api.payment.PaymentCaptured;
import app.soiree.api.payment.PaymentIntentCreated;
import app.soiree.api.payment.PaymentRequested;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.springframework.stereotype.Component;

/**
 * Lets staff find a booking from what a guest or the provider's dashboard shows them: the payment id
 * or the provider's reference ({@code pi_…}). Kept apart from the payment views so that it can be
 * rebuilt on its own; every handler is safe to run twice for one event.
 */
@Component
@ProcessingGroup(PaymentReferenceProjection.PROCESSING_GROUP)
class PaymentReferenceProjection {

    static final String PROCESSING_GROUP = "booking-payment-references";

    private final PaymentReferenceRepository references;

    PaymentReferenceProjection(PaymentReferenceRepository references) {
        this.references = references;
    }

    @EventHandler
    void on(PaymentRequested event) {
        if (!references.existsById(event.paymentId().value())) {
            references.save(new PaymentReference(event.paymentId().value(), event.bookingId().value()));
        }
    }

    @EventHandler
    void on(PaymentIntentCreated event) {
        references.findById(event.paymentId().value()).ifPresent(reference -> reference.knownByTheProviderAs(event.providerReference()));
    }

    /** A capture names the provider's reference too; a payment may be captured without an intent event before it. */
    @EventHandler
    void on(PaymentCaptured event) {
        references.findById(event.paymentId().value()).ifPresent(reference -> reference.knownByTheProviderAs(event.providerReference()));
    }
}
