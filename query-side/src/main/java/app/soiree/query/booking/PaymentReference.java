package app.soiree.query.booking;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.util.UUID;
import org.hibernate.annotations.Immutable;
import org.jspecify.annotations.Nullable;

/**
 * Which booking a payment pays for, and the provider's name for that payment once it has one; read here,
 * written by {@link PaymentReferenceProjection}.
 */
@Entity
@Immutable
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

    UUID bookingId() {
        return bookingId;
    }
}
