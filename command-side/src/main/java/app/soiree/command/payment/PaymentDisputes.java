package app.soiree.command.payment;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

import app.soiree.api.Money;
import app.soiree.api.dispute.DisputeId;
import app.soiree.api.dispute.PaymentDisputed;
import app.soiree.api.dispute.RecordProviderDispute;
import app.soiree.api.error.ErrorCode;
import app.soiree.api.error.SoireeException;
import app.soiree.api.payment.PaymentStatus;
import java.time.Instant;
import java.util.Currency;
import java.util.HashMap;
import java.util.Map;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateMember;
import org.axonframework.modelling.command.ForwardMatchingInstances;

/**
 * The provider disputes of one {@link Payment}, each a {@link DisputeOnPayment} entity. The provider's word on a
 * dispute meets the payment here, one report at a time: every dispute event carries the whole dispute, so whichever
 * arrives first opens it, a final status decides it once, and copies or late reports change nothing. Keeping the
 * dispute's money beside the captures and refunds also means a refund can never take money that a dispute holds or
 * has lost. Support's work on the dispute is the Dispute aggregate's.
 */
final class PaymentDisputes {

    @AggregateMember(eventForwardingMode = ForwardMatchingInstances.class)
    private final Map<DisputeId, DisputeOnPayment> disputes = new HashMap<>();

    /** {@code withdrawable}: what the payment still has; a refund under way counts as gone until the provider says it failed. */
    void record(RecordProviderDispute command, Payment.Terms payment, Money withdrawable, DisputeFees policy, Instant now) {
        if (!disputes.containsKey(command.disputeId())) {
            open(command, payment, withdrawable, policy, now);
        }
        disputes.get(command.disputeId()).record(command, payment, now);
    }

    /**
     * The provider has withdrawn the disputed amount and its fee. It can only dispute what was captured and is still
     * with the platform; a report that says otherwise is refused, so the inbox retries it (a capture may still be on
     * its way) and finally parks it for someone to look at, rather than booking money that does not add up.
     */
    private void open(RecordProviderDispute command, Payment.Terms payment, Money withdrawable, DisputeFees policy, Instant now) {
        if (payment.status() != PaymentStatus.CAPTURED) {
            throw new SoireeException(ErrorCode.PAYMENT_NOT_CAPTURED, "Payment " + payment.paymentId() + " is disputed but was not captured (yet)");
        }
        Money disputed = command.amount();
        if (!disputed.currency().equals(payment.captured().currency()) || disputed.isNegative() || disputed.isZero()) {
            throw new SoireeException(ErrorCode.VALIDATION_FAILED, "A dispute of " + disputed + " does not fit payment " + payment.paymentId());
        }
        if (disputed.isGreaterThan(withdrawable)) {
            throw new SoireeException(ErrorCode.STATE_CONFLICT, "Payment " + payment.paymentId() + " has " + withdrawable.amountMinor()
                    + " minor units left to dispute, not " + disputed.amountMinor());
        }
        Money fee = policy.feeFor(disputed.currency());
        Money hostShare = policy.hostShare(disputed, fee);
        apply(new PaymentDisputed(payment.paymentId(), command.disputeId(), payment.bookingId(), payment.gatheringId(), payment.hostId(),
                payment.guestId(), payment.provider(), command.providerDisputeId(), disputed, fee, hostShare, command.reason(),
                command.evidenceDueBy(), DisputePostings.opened(payment.hostId(), disputed, fee, hostShare), command.providerEventId(),
                command.reportedAt(), now));
    }

    /** A refund must not take money a dispute holds: none while one is open ({@link #withheld} counts what lost ones took). */
    void requireNoneOpen() {
        if (disputes.values().stream().anyMatch(dispute -> !dispute.isDecided())) {
            throw new SoireeException(ErrorCode.REFUND_NOT_ALLOWED, "This payment is under dispute; it cannot be refunded until the dispute is decided");
        }
    }

    /** What open and lost disputes took from this payment; a won dispute took nothing. */
    Money withheld(Currency currency) {
        return disputes.values().stream().map(DisputeOnPayment::withheld).reduce(Money.zero(currency), Money::plus);
    }

    @EventSourcingHandler
    void on(PaymentDisputed event) {
        disputes.put(event.disputeId(), new DisputeOnPayment(event));
    }
}
