package app.soiree.command.payment.simulated;

import app.soiree.api.Money;
import app.soiree.api.payment.PaymentId;
import java.time.Instant;
import org.jspecify.annotations.Nullable;

/**
 * The simulated bank's dispute desk, as the development endpoint drives it. Disputes are their own
 * context ({@code command.dispute.simulated} implements this), so payments reach them only through it.
 */
public interface SimulatedDisputeDesk {

    /** The guest's bank disputes a paid intent; answers the provider event id reported. */
    String open(SimulatedPaymentProvider.Intent intent, Money amount, String reason, @Nullable Instant evidenceDueBy);

    /** The bank decides the payment's open dispute; answers the provider event id reported. */
    String decide(PaymentId paymentId, boolean won);
}
