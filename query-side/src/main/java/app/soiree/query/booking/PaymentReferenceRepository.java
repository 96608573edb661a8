package app.soiree.query.booking;

import java.util.Optional;
import java.util.UUID;
import org.springframework.data.jpa.repository.JpaRepository;

interface PaymentReferenceRepository extends JpaRepository<PaymentReference, UUID> {

    Optional<PaymentReference> findFirstByProviderReference(String providerReference);
}
