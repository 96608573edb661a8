package app.soiree.command.payment;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

import app.soiree.api.Money;
import app.soiree.api.booking.BookingId;
import app.soiree.api.dispute.DisputeId;
import app.soiree.api.dispute.DisputeLost;
import app.soiree.api.dispute.DisputeWon;
import app.soiree.api.dispute.PaymentDisputed;
import app.soiree.api.dispute.ProviderDisputeStatus;
import app.soiree.api.dispute.ProviderDisputeUpdated;
import app.soiree.api.dispute.RecordProviderDispute;
import app.soiree.api.error.ErrorCode;
import app.soiree.api.error.SoireeException;
import app.soiree.api.gathering.GatheringId;
import app.soiree.api.identity.UserId;
import app.soiree.api.ledger.LedgerAccounts;
import app.soiree.api.ledger.Posting;
import app.soiree.api.ledger.Postings;
import app.soiree.api.payment.CapturePayment;
import app.soiree.api.payment.DeclinePayment;
import app.soiree.api.payment.MarkPaymentOutcomeUnknown;
import app.soiree.api.payment.PaymentCaptured;
import app.soiree.api.payment.PaymentDeclined;
import app.soiree.api.payment.PaymentId;
import app.soiree.api.payment.PaymentIntentCreated;
import app.soiree.api.payment.PaymentOutcomeUnknown;
import app.soiree.api.payment.PaymentRequested;
import app.soiree.api.payment.PaymentStatus;
import app.soiree.api.payment.RecordPaymentIntent;
import app.soiree.api.payment.RefundId;
import app.soiree.api.payment.RefundPayment;
import app.soiree.api.payment.RefundRequested;
import app.soiree.api.payment.RequestPayment;
import app.soiree.command.dispute.DisputePolicy;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateCreationPolicy;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.modelling.command.CreationPolicy;
import org.axonframework.spring.stereotype.Aggregate;
import org.jspecify.annotations.Nullable;

/**
 * One booking's payment. Provider events arrive in any order and any number of times; this is where
 * they meet, one at a time, so money is captured at most once and never refunded beyond what came in.
 * A capture is final: a failure reported after it changes nothing, while a success reported after a
 * failure is still captured (the guest retried, and the money is real).
 */
@Aggregate
public class Payment {

    @AggregateIdentifier
    private PaymentId paymentId;
    private BookingId bookingId;
    private GatheringId gatheringId;
    private UserId hostId;
    private UserId guestId;
    private Money amount;
    private String provider;
    private PaymentStatus status;
    private @Nullable String providerReference;
    private Money captured;
    private Money refunded;
    private Set<RefundId> refunds = new HashSet<>();

    protected Payment() {
        // for Axon's event sourcing, and for the first RequestPayment
    }

    /** Creates the payment, or finds it: a booking retried with the same id asks again and changes nothing. */
    @CommandHandler
    @CreationPolicy(AggregateCreationPolicy.CREATE_IF_MISSING)
    void handle(RequestPayment command, Clock clock) {
        if (paymentId != null) {
            if (!bookingId.equals(command.bookingId()) || !amount.equals(command.amount())) {
                throw SoireeException.conflict("This payment id belongs to another booking");
            }
            return;
        }
        if (command.amount().isNegative() || command.amount().isZero()) {
            throw new SoireeException(ErrorCode.VALIDATION_FAILED, "A payment needs a positive amount");
        }
        apply(new PaymentRequested(command.paymentId(), command.bookingId(), command.gatheringId(), command.hostId(),
                command.guestId(), command.amount(), command.provider(), clock.instant()));
    }

    @CommandHandler
    void handle(RecordPaymentIntent command, Clock clock) {
        if (providerReference == null) {
            apply(new PaymentIntentCreated(paymentId, provider, command.providerReference(), clock.instant()));
        }
    }

    @CommandHandler
    void handle(MarkPaymentOutcomeUnknown command, Clock clock) {
        if (status == PaymentStatus.REQUESTED || status == PaymentStatus.AWAITING_PAYMENT) {
            apply(new PaymentOutcomeUnknown(paymentId, command.reason(), clock.instant()));
        }
    }

    @CommandHandler
    void handle(CapturePayment command, FeePolicy fees, Clock clock) {
        if (status == PaymentStatus.CAPTURED) {
            return; // the same success reported again, by another copy of the event or by reconciliation
        }
        Money received = command.amountReceived();
        if (!received.currency().equals(amount.currency()) || received.isNegative() || received.isZero()) {
            throw new IllegalStateException("Payment " + paymentId + " of " + amount + " reported as captured with " + received);
        }
        Money platformFee = fees.feeFor(received);
        Money net = received.minus(platformFee);
        List<Posting> postings = new ArrayList<>(List.of(
                Posting.debit(LedgerAccounts.PROVIDER_CASH, received),
                Posting.credit(LedgerAccounts.hostPending(hostId), net),
                Posting.credit(LedgerAccounts.PLATFORM_FEES, platformFee)));
        Money providerFee = command.providerFee();
        if (providerFee != null && !providerFee.isZero()) {
            postings.add(Posting.debit(LedgerAccounts.PROVIDER_FEES, providerFee));
            postings.add(Posting.credit(LedgerAccounts.PROVIDER_CASH, providerFee));
        }
        apply(new PaymentCaptured(paymentId, bookingId, gatheringId, hostId, guestId, received, platformFee, providerFee,
                Postings.requireBalanced(postings), command.providerReference(), command.providerEventId(), clock.instant()));
    }

    @CommandHandler
    void handle(DeclinePayment command, Clock clock) {
        if (status == PaymentStatus.CAPTURED || status == PaymentStatus.DECLINED) {
            return; // a capture is final, and a failure needs telling once
        }
        apply(new PaymentDeclined(paymentId, bookingId, gatheringId, command.reason(), command.providerEventId(), clock.instant()));
    }

    @CommandHandler
    void handle(RefundPayment command, Clock clock) {
        if (refunds.contains(command.refundId())) {
            return;
        }
        if (status != PaymentStatus.CAPTURED) {
            throw new SoireeException(ErrorCode.PAYMENT_NOT_CAPTURED, "Only a captured payment can be refunded");
        }
        if (command.amount().isNegative() || command.amount().isZero()) {
            throw new SoireeException(ErrorCode.VALIDATION_FAILED, "A refund needs a positive amount");
        }
        requireUndisputed(command.amount());
        if (command.amount().isGreaterThan(captured.minus(refunded))) {
            throw new SoireeException(ErrorCode.REFUND_EXCEEDS_CAPTURED,
                    "At most " + captured.minus(refunded).amountMinor() + " minor units of this payment can still be refunded");
        }
        apply(new RefundRequested(paymentId, command.refundId(), bookingId, hostId, guestId, command.amount(), command.reason(),
                clock.instant()));
    }

    @EventSourcingHandler
    void on(PaymentRequested event) {
        paymentId = event.paymentId();
        bookingId = event.bookingId();
        gatheringId = event.gatheringId();
        hostId = event.hostId();
        guestId = event.guestId();
        amount = event.amount();
        provider = event.provider();
        status = PaymentStatus.REQUESTED;
        captured = Money.zero(amount.currency());
        refunded = Money.zero(amount.currency());
    }

    @EventSourcingHandler
    void on(PaymentIntentCreated event) {
        providerReference = event.providerReference();
        if (status == PaymentStatus.REQUESTED || status == PaymentStatus.OUTCOME_UNKNOWN) {
            status = PaymentStatus.AWAITING_PAYMENT;
        }
    }

    @EventSourcingHandler
    void on(PaymentOutcomeUnknown event) {
        status = PaymentStatus.OUTCOME_UNKNOWN;
    }

    @EventSourcingHandler
    void on(PaymentCaptured event) {
        status = PaymentStatus.CAPTURED;
        captured = event.amount();
        if (providerReference == null) {
            providerReference = event.providerReference();
        }
    }

    @EventSourcingHandler
    void on(PaymentDeclined event) {
        status = PaymentStatus.DECLINED;
    }

    @EventSourcingHandler
    void on(RefundRequested event) {
        refunds.add(event.refundId());
        refunded = refunded.plus(event.amount());
    }

    // ---- Disputes ---------------------------------------------------------------------------------------------------
    // The provider's word on a dispute meets the payment here, one report at a time: every dispute event carries the
    // whole dispute, so whichever arrives first opens it, a final status decides it once, and copies or late reports
    // change nothing. Keeping the dispute's money beside the captures and refunds also means a refund can never take
    // money that a dispute holds or has lost. Support's work on the dispute is the Dispute aggregate's.

    private Map<DisputeId, DisputeOnPayment> disputes = new HashMap<>();

    /** What the opening withheld ({@code amount}, {@code fee}, {@code hostShare}), and the provider's latest word. */
    private record DisputeOnPayment(Money amount, Money fee, Money hostShare, ProviderDisputeStatus status, Instant evidenceDueBy,
                                    Instant reportedAt) {
    }

    @CommandHandler
    void handle(RecordProviderDispute command, DisputePolicy policy, Clock clock) {
        if (!disputes.containsKey(command.disputeId())) {
            openDispute(command, policy, clock.instant());
        }
        DisputeOnPayment dispute = disputes.get(command.disputeId());
        if (dispute.status().isFinal()) {
            return; // decided once; a copy, a funds-reinstated after the win, or a stale report changes nothing
        }
        Instant now = clock.instant();
        switch (command.status()) {
            case WON -> apply(new DisputeWon(paymentId, command.disputeId(), bookingId, gatheringId, hostId, dispute.amount(), dispute.fee(),
                    dispute.hostShare(), DisputePostings.won(hostId, dispute.amount(), dispute.fee(), dispute.hostShare()),
                    command.providerEventId(), now));
            case LOST -> apply(new DisputeLost(paymentId, command.disputeId(), bookingId, gatheringId, hostId, dispute.amount(), dispute.fee(),
                    dispute.hostShare(), DisputePostings.lost(hostId, dispute.amount(), dispute.fee(), dispute.hostShare()),
                    command.providerEventId(), now));
            case NEEDS_RESPONSE, UNDER_REVIEW -> {
                boolean changed = command.status() != dispute.status() || !command.evidenceDueBy().equals(dispute.evidenceDueBy());
                // Stripe stamps events by the second: within one second, a dispute only moves forward (needs response, under review).
                boolean newer = command.reportedAt().isAfter(dispute.reportedAt()) || (command.reportedAt().equals(dispute.reportedAt())
                        && command.status().ordinal() >= dispute.status().ordinal());
                if (changed && newer) {
                    apply(new ProviderDisputeUpdated(paymentId, command.disputeId(), command.status(), command.evidenceDueBy(),
                            command.reportedAt(), command.providerEventId()));
                }
            }
        }
    }

    /**
     * The provider has withdrawn the disputed amount and its fee. It can only dispute what was captured and is still
     * with the platform; a report that says otherwise is refused, so the inbox retries it (a capture may still be on
     * its way) and finally parks it for someone to look at, rather than booking money that does not add up.
     */
    private void openDispute(RecordProviderDispute command, DisputePolicy policy, Instant now) {
        if (status != PaymentStatus.CAPTURED) {
            throw new SoireeException(ErrorCode.PAYMENT_NOT_CAPTURED, "Payment " + paymentId + " is disputed but was not captured (yet)");
        }
        Money disputed = command.amount();
        if (!disputed.currency().equals(captured.currency()) || disputed.isNegative() || disputed.isZero()) {
            throw new SoireeException(ErrorCode.VALIDATION_FAILED, "A dispute of " + disputed + " does not fit payment " + paymentId);
        }
        Money withdrawable = captured.minus(refunded).minus(heldOrLostToDisputes());
        if (disputed.isGreaterThan(withdrawable)) {
            throw new SoireeException(ErrorCode.STATE_CONFLICT, "Payment " + paymentId + " has " + withdrawable.amountMinor()
                    + " minor units left to dispute, not " + disputed.amountMinor());
        }
        Money fee = policy.feeFor(disputed.currency());
        Money hostShare = policy.hostShare(disputed, fee);
        apply(new PaymentDisputed(paymentId, command.disputeId(), bookingId, gatheringId, hostId, guestId, provider,
                command.providerDisputeId(), disputed, fee, hostShare, command.reason(), command.evidenceDueBy(),
                DisputePostings.opened(hostId, disputed, fee, hostShare), command.providerEventId(), command.reportedAt(), now));
    }

    /** A refund must not take money a dispute holds: none while one is open, and never what a lost dispute already gave back. */
    private void requireUndisputed(Money refund) {
        if (disputes.values().stream().anyMatch(dispute -> !dispute.status().isFinal())) {
            throw new SoireeException(ErrorCode.REFUND_NOT_ALLOWED, "This payment is under dispute; it cannot be refunded until the dispute is decided");
        }
        Money refundable = captured.minus(refunded).minus(heldOrLostToDisputes());
        if (refund.isGreaterThan(refundable)) {
            throw new SoireeException(ErrorCode.REFUND_EXCEEDS_CAPTURED,
                    "At most " + refundable.amountMinor() + " minor units of this payment can still be refunded; the rest went to a dispute");
        }
    }

    /** What open and lost disputes took from this payment; a won dispute took nothing. */
    private Money heldOrLostToDisputes() {
        return disputes.values().stream().filter(dispute -> dispute.status() != ProviderDisputeStatus.WON).map(DisputeOnPayment::amount)
                .reduce(Money.zero(amount.currency()), Money::plus);
    }

    @EventSourcingHandler
    void on(PaymentDisputed event) {
        disputes.put(event.disputeId(), new DisputeOnPayment(event.amount(), event.fee(), event.hostShare(),
                ProviderDisputeStatus.NEEDS_RESPONSE, event.evidenceDueBy(), event.reportedAt()));
    }

    @EventSourcingHandler
    void on(ProviderDisputeUpdated event) {
        disputes.computeIfPresent(event.disputeId(), (id, dispute) -> new DisputeOnPayment(dispute.amount(), dispute.fee(),
                dispute.hostShare(), event.status(), event.evidenceDueBy(), event.reportedAt()));
    }

    @EventSourcingHandler
    void on(DisputeWon event) {
        disputes.computeIfPresent(event.disputeId(), (id, dispute) -> new DisputeOnPayment(dispute.amount(), dispute.fee(),
                dispute.hostShare(), ProviderDisputeStatus.WON, dispute.evidenceDueBy(), dispute.reportedAt()));
    }

    @EventSourcingHandler
    void on(DisputeLost event) {
        disputes.computeIfPresent(event.disputeId(), (id, dispute) -> new DisputeOnPayment(dispute.amount(), dispute.fee(),
                dispute.hostShare(), ProviderDisputeStatus.LOST, dispute.evidenceDueBy(), dispute.reportedAt()));
    }
}
