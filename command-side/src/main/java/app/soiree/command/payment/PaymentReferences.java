package app.soiree.command.payment;

import app.soiree.api.payment.PaymentId;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Which payment a provider reference (a Stripe PaymentIntent id) belongs to. Provider objects that are not
 * PaymentIntents (a Dispute, a Refund) name the intent but do not carry our metadata; this answers from our own
 * records instead of asking the provider. Kept by {@link PaymentReferenceUpdater}.
 */
@Component
public class PaymentReferences {

    private final JdbcTemplate jdbc;

    PaymentReferences(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    public Optional<PaymentId> paymentFor(String providerReference) {
        return jdbc.queryForList("select payment_id from payment_references where reference = ?", UUID.class, providerReference)
                .stream().findFirst().map(PaymentId::new);
    }

    void remember(String providerReference, PaymentId paymentId) {
        jdbc.update("insert into payment_references (reference, payment_id) values (?, ?) on conflict do nothing",
                providerReference, paymentId.value());
    }
}
