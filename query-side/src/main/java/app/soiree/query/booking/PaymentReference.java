package app.soiree.query.booking;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/** Which booking a payment pays for, and the provider's name for that payment once it has one. */
@Entity
@Table(name = "booking_payment_references")
class PaymentReference {

    @Id
    @Column(name = "payment_id")
    private UUID paymentId;

    @Column(name = "booking_id", nullable = false)
    private UUID bookingId;

    @Column(name = "provider_reference")
    private @Nullable String providerReference;

    protected PaymentReference() {
    }

    PaymentReference(UUID paymentId, UUID bookingId) {
        this.paymentId = paymentId;
        this.bookingId = bookingId;
    }

    UUID bookingId() {
        return bookingId;
    }

    void knownByTheProviderAs(String reference) {
        providerReference = reference;
    }
}
