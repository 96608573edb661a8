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
import app.soiree.api.payment.ConfirmRefund;
import app.soiree.api.payment.DeclinePayment;
import app.soiree.api.payment.FailRefund;
import app.soiree.api.payment.MarkPaymentOutcomeUnknown;
import app.soiree.api.payment.MarkRefundOutcomeUnknown;
import app.soiree.api.payment.MarkRefundPending;
import app.soiree.api.payment.PaymentCaptured;
import app.soiree.api.payment.PaymentDeclined;
import app.soiree.api.payment.PaymentId;
import app.soiree.api.payment.PaymentIntentCreated;
import app.soiree.api.payment.PaymentOutcomeUnknown;
import app.soiree.api.payment.PaymentRefunded;
import app.soiree.api.payment.PaymentRequested;
import app.soiree.api.payment.PaymentStatus;
import app.soiree.api.payment.RecordPaymentIntent;
import app.soiree.api.payment.RecordRefundOutcomes;
import app.soiree.api.payment.RefundFailed;
import app.soiree.api.payment.RefundId;
import app.soiree.api.payment.RefundNotNeeded;
import app.soiree.api.payment.RefundOutcomeUnknown;
import app.soiree.api.payment.RefundPayment;
import app.soiree.api.payment.RefundPending;
import app.soiree.api.payment.RefundRemaining;
import app.soiree.api.payment.RefundRequested;
import app.soiree.api.payment.RefundReversed;
import app.soiree.api.payment.RefundStatus;
import app.soiree.api.payment.RequestPayment;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
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
    /** The host's net of the capture (N): what the capture credited to the host's pending account. */
    private Money hostNet;
    private PaymentRefunds refunds;

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

    // ---- Refunds ------------------------------------------------------------------------------------------------
    // Each refund is tracked by its id (PaymentRefunds): requested, then succeeded or failed as the provider
    // says, whoever reports it and however often. Booked only when the provider confirms it.

    @CommandHandler
    void handle(RefundPayment command, Clock clock) {
        if (refunds.find(command.refundId()) != null) {
            return;
        }
        requireRefundable(command.amount());
        Money refundable = refundable();
        if (command.amount().isGreaterThan(refundable)) {
            throw new SoireeException(ErrorCode.REFUND_EXCEEDS_CAPTURED,
                    "At most " + refundable.amountMinor() + " minor units of this payment can still be refunded");
        }
        requestRefund(command.refundId(), command.amount(), command.reason(), clock);
    }

    @CommandHandler
    Money handle(RefundRemaining command, Clock clock) {
        PaymentRefunds.Refund known = refunds.find(command.refundId());
        if (known != null) {
            return known.amount();
        }
        if (refunds.wasNotNeeded(command.refundId())) {
            return Money.zero(amount.currency());
        }
        requireRefundable(command.upTo());
        Money refundable = refundable();
        Money remaining = command.upTo().isGreaterThan(refundable) ? refundable : command.upTo();
        if (remaining.isZero()) {
            apply(new RefundNotNeeded(paymentId, command.refundId(), bookingId, gatheringId, command.reason(), clock.instant()));
        } else {
            requestRefund(command.refundId(), remaining, command.reason(), clock);
        }
        return remaining;
    }

    @CommandHandler
    void handle(MarkRefundPending command, Clock clock) {
        RefundStatus state = refunds.require(paymentId, command.refundId()).state();
        if (state == RefundStatus.REQUESTED || state == RefundStatus.OUTCOME_UNKNOWN) {
            apply(new RefundPending(paymentId, command.refundId(), command.providerReference(), clock.instant()));
        }
    }

    @CommandHandler
    void handle(MarkRefundOutcomeUnknown command, Clock clock) {
        RefundStatus state = refunds.require(paymentId, command.refundId()).state();
        if (state == RefundStatus.REQUESTED || state == RefundStatus.PENDING) {
            apply(new RefundOutcomeUnknown(paymentId, command.refundId(), command.reason(), clock.instant()));
        }
    }

    @CommandHandler
    void handle(ConfirmRefund command, Clock clock) {
        confirmRefund(command.refundId(), command.providerReference(), command.providerEventId(), clock);
    }

    @CommandHandler
    void handle(FailRefund command, Clock clock) {
        if (command.refusedOnRequest() && refunds.require(paymentId, command.refundId()).state() == RefundStatus.SUCCEEDED) {
            return; // a request for a refund already made was refused because it was made: nothing about it failed
        }
        failRefund(command.refundId(), command.reason(), command.providerEventId(), clock);
    }

    @CommandHandler
    void handle(RecordRefundOutcomes command, Clock clock) {
        for (RecordRefundOutcomes.Outcome outcome : command.outcomes()) {
            if (outcome.succeeded()) {
                confirmRefund(outcome.refundId(), outcome.providerReference(), command.providerEventId(), clock);
            } else {
                failRefund(outcome.refundId(), String.valueOf(outcome.failureReason()), command.providerEventId(), clock);
            }
        }
    }

    private void requireRefundable(Money requested) {
        if (status != PaymentStatus.CAPTURED) {
            throw new SoireeException(ErrorCode.PAYMENT_NOT_CAPTURED, "Only a captured payment can be refunded");
        }
        if (!requested.currency().equals(captured.currency())) {
            throw new SoireeException(ErrorCode.VALIDATION_FAILED, "This payment was made in " + captured.currency().getCurrencyCode());
        }
        if (requested.isNegative() || requested.isZero()) {
            throw new SoireeException(ErrorCode.VALIDATION_FAILED, "A refund needs a positive amount");
        }
        requireNoOpenDispute();
    }

    /** What may still be refunded: the capture less every refund that has not failed, and less what went to disputes. */
    private Money refundable() {
        return refunds.refundable(captured).minus(heldOrLostToDisputes());
    }

    private void requestRefund(RefundId refundId, Money refund, String reason, Clock clock) {
        apply(new RefundRequested(paymentId, refundId, bookingId, gatheringId, hostId, guestId, refund, reason,
                Objects.requireNonNull(providerReference, "a captured payment has its provider reference"), clock.instant()));
    }

    private void confirmRefund(RefundId refundId, String reference, String providerEventId, Clock clock) {
        PaymentRefunds.Refund refund = refunds.require(paymentId, refundId);
        if (refund.state() == RefundStatus.SUCCEEDED || refund.state() == RefundStatus.FAILED) {
            return; // told before; and a failed refund is final at the provider, so a success after it is a stale report
        }
        Money hostShare = refunds.shareOnSuccess(refund, captured, hostNet);
        apply(new PaymentRefunded(paymentId, refundId, bookingId, gatheringId, hostId, guestId, refund.amount(), hostShare,
                PaymentRefunds.refundPostings(hostId, refund.amount(), hostShare), reference, providerEventId, clock.instant()));
    }

    private void failRefund(RefundId refundId, String reason, String providerEventId, Clock clock) {
        PaymentRefunds.Refund refund = refunds.require(paymentId, refundId);
        switch (refund.state()) {
            case FAILED -> {
                // told before
            }
            case SUCCEEDED -> {
                // The money came back after the refund had gone out (a bank sent it back): undo it in the ledger.
                Money hostShare = refunds.shareOnReversal(refund, captured, hostNet);
                apply(new RefundReversed(paymentId, refundId, bookingId, gatheringId, hostId, guestId, refund.amount(), hostShare,
                        PaymentRefunds.reversalPostings(hostId, refund.amount(), hostShare), reason, providerEventId, clock.instant()));
            }
            default -> apply(new RefundFailed(paymentId, refundId, bookingId, gatheringId, refund.amount(), reason, providerEventId,
                    clock.instant()));
        }
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
        hostNet = Money.zero(amount.currency());
        refunds = new PaymentRefunds(amount.currency());
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
        hostNet = event.amount().minus(event.platformFee());
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
        refunds.on(event);
    }

    @EventSourcingHandler
    void on(RefundNotNeeded event) {
        refunds.on(event);
    }

    @EventSourcingHandler
    void on(RefundPending event) {
        refunds.on(event);
    }

    @EventSourcingHandler
    void on(RefundOutcomeUnknown event) {
        refunds.on(event);
    }

    @EventSourcingHandler
    void on(PaymentRefunded event) {
        refunds.on(event);
    }

    @EventSourcingHandler
    void on(RefundFailed event) {
        refunds.on(event);
    }

    @EventSourcingHandler
    void on(RefundReversed event) {
        refunds.on(event);
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
    void handle(RecordProviderDispute command, DisputeFees policy, Clock clock) {
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
    private void openDispute(RecordProviderDispute command, DisputeFees policy, Instant now) {
        if (status != PaymentStatus.CAPTURED) {
            throw new SoireeException(ErrorCode.PAYMENT_NOT_CAPTURED, "Payment " + paymentId + " is disputed but was not captured (yet)");
        }
        Money disputed = command.amount();
        if (!disputed.currency().equals(captured.currency()) || disputed.isNegative() || disputed.isZero()) {
            throw new SoireeException(ErrorCode.VALIDATION_FAILED, "A dispute of " + disputed + " does not fit payment " + paymentId);
        }
        Money withdrawable = refundable(); // a refund under way counts as gone until the provider says it failed
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

    /** A refund must not take money a dispute holds: none while one is open ({@link #refundable()} leaves out what lost ones took). */
    private void requireNoOpenDispute() {
        if (disputes.values().stream().anyMatch(dispute -> !dispute.status().isFinal())) {
            throw new SoireeException(ErrorCode.REFUND_NOT_ALLOWED, "This payment is under dispute; it cannot be refunded until the dispute is decided");
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
