package app.soiree.query.payment;

import java.util.UUID;
import org.springframework.data.jpa.repository.JpaRepository;

interface PaymentRefundRepository extends JpaRepository<PaymentRefund, UUID> {
}
