package app.soiree.query.booking;

import app.soiree.api.payment.PaymentCaptured;
import app.soiree.api.payment.PaymentId;
import app.soiree.api.payment.PaymentIntentCreated;
import app.soiree.api.payment.PaymentRequested;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Lets staff find a booking from what a guest or the provider's dashboard shows them: the payment id
 * or the provider's reference ({@code pi_…}). Kept apart from the payment views so that it can be
 * rebuilt on its own; one statement an event, each safe to run twice.
 */
@Component
@ProcessingGroup(PaymentReferenceProjection.PROCESSING_GROUP)
class PaymentReferenceProjection {

    static final String PROCESSING_GROUP = "booking-payment-references";

    private final JdbcTemplate jdbc;

    PaymentReferenceProjection(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    @EventHandler
    void on(PaymentRequested event) {
        jdbc.update("""
                        insert into booking_payment_references (payment_id, booking_id, provider_reference) values (?, ?, ?)
                        on conflict (payment_id) do nothing""",
                event.paymentId().value(), event.bookingId().value(), event.providerReference());
    }

    @EventHandler
    void on(PaymentIntentCreated event) {
        knownByTheProviderAs(event.paymentId(), event.providerReference());
    }

    /** A capture names the provider's reference too; a payment may be captured without an intent event before it. */
    @EventHandler
    void on(PaymentCaptured event) {
        knownByTheProviderAs(event.paymentId(), event.providerReference());
    }

    private void knownByTheProviderAs(PaymentId paymentId, String providerReference) {
        jdbc.update("update booking_payment_references set provider_reference = ? where payment_id = ?", providerReference, paymentId.value());
    }
}
