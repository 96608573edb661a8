package app.soiree.command.payment;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

import app.soiree.api.Money;
import app.soiree.api.dispute.RecordProviderDispute;
import app.soiree.api.error.ErrorCode;
import app.soiree.api.error.SoireeException;
import app.soiree.api.gathering.BookingId;
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
import app.soiree.api.payment.RequestPayment;
import app.soiree.api.refund.ConfirmRefund;
import app.soiree.api.refund.FailRefund;
import app.soiree.api.refund.MarkRefundOutcomeUnknown;
import app.soiree.api.refund.MarkRefundPending;
import app.soiree.api.refund.QuoteRefund;
import app.soiree.api.refund.RecordRefundOutcomes;
import app.soiree.api.refund.RefundId;
import app.soiree.api.refund.RefundNotNeeded;
import app.soiree.api.refund.RefundPayment;
import app.soiree.api.refund.RefundRemaining;
import app.soiree.api.refund.RefundStatus;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateCreationPolicy;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.modelling.command.AggregateMember;
import org.axonframework.modelling.command.CreationPolicy;
import org.axonframework.spring.stereotype.Aggregate;
import org.jspecify.annotations.Nullable;

/**
 * One booking's payment. Provider events arrive in any order and any number of times; this is where
 * they meet, one at a time, so money is captured at most once and never refunded beyond what came in.
 * A capture is final: a failure reported after it changes nothing, while a success reported after a
 * failure is still captured (the guest retried, and the money is real); the moves are named in {@link PaymentTransitions}.
 *
 * <p>The root keeps the capture; its refunds ({@link PaymentRefunds}) and provider disputes ({@link PaymentDisputes},
 * a {@link DisputeOnPayment} entity each) are members that source their own state from its events. They stay in this
 * aggregate because they share one amount: a refund can never take money a dispute holds, nor a dispute money refunded.
 * Every command still arrives here, so that a report about an unknown refund or a new dispute is answered as before.
 */
@Aggregate(repository = PaymentConfiguration.PAYMENT_REPOSITORY)
public class Payment {

    /** What the payment's members need of it, to decide and to name it in their events. */
    record Terms(PaymentId paymentId, BookingId bookingId, GatheringId gatheringId, UserId hostId, UserId guestId, String provider,
                 PaymentStatus status, @Nullable String providerReference, Money captured, Money hostNet) {
    }

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
    @AggregateMember
    private PaymentRefunds refunds;
    @AggregateMember
    private final PaymentDisputes disputes = new PaymentDisputes();

    protected Payment() {
        // for Axon's event sourcing, and for the first RequestPayment
    }

    /**
     * Creates the payment, or finds it: a booking retried with the same id asks again and changes nothing but the intent,
     * which the first request may not have had (its provider did not answer).
     */
    @CommandHandler
    @CreationPolicy(AggregateCreationPolicy.CREATE_IF_MISSING)
    void handle(RequestPayment command, Clock clock) {
        if (paymentId != null) {
            if (!bookingId.equals(command.bookingId()) || !amount.equals(command.amount())) {
                throw SoireeException.conflict("This payment id belongs to another booking");
            }
            if (command.providerReference() != null) {
                recordIntent(command.providerReference(), clock);
            }
            return;
        }
        if (command.amount().isNegative() || command.amount().isZero()) {
            throw new SoireeException(ErrorCode.VALIDATION_FAILED, "A payment needs a positive amount");
        }
        apply(new PaymentRequested(command.paymentId(), command.bookingId(), command.gatheringId(), command.hostId(),
                command.guestId(), command.amount(), command.provider(), clock.instant(), command.providerReference()));
    }

    @CommandHandler
    void handle(RecordPaymentIntent command, Clock clock) {
        recordIntent(command.providerReference(), clock);
    }

    /** The provider's intent, once: the first one named is the payment's. */
    private void recordIntent(String reference, Clock clock) {
        if (providerReference == null) {
            apply(new PaymentIntentCreated(paymentId, provider, reference, clock.instant()));
        }
    }

    @CommandHandler
    void handle(MarkPaymentOutcomeUnknown command, Clock clock) {
        if (PaymentTransitions.allows(status, PaymentStatus.OUTCOME_UNKNOWN)) {
            apply(new PaymentOutcomeUnknown(paymentId, command.reason(), clock.instant()));
        }
    }

    @CommandHandler
    void handle(CapturePayment command, FeePolicy fees, Clock clock) {
        if (!PaymentTransitions.allows(status, PaymentStatus.CAPTURED)) {
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
        if (!PaymentTransitions.allows(status, PaymentStatus.DECLINED)) {
            return; // a capture is final, and a failure needs telling once
        }
        apply(new PaymentDeclined(paymentId, bookingId, gatheringId, command.reason(), command.providerEventId(), clock.instant()));
    }

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
        refunds.request(command.refundId(), command.amount(), command.reason(), terms(), clock.instant());
    }

    @CommandHandler
    Money handle(RefundRemaining command, Clock clock) {
        boolean decided = refunds.decided(command.refundId(), amount.currency()) != null;
        Money remaining = remainingOf(command.refundId(), command.upTo());
        if (!decided && remaining.isZero()) {
            apply(new RefundNotNeeded(paymentId, command.refundId(), bookingId, gatheringId, command.reason(), clock.instant()));
        } else if (!decided) {
            refunds.request(command.refundId(), remaining, command.reason(), terms(), clock.instant());
        }
        return remaining;
    }

    /** What {@link RefundRemaining} records, or recorded, for this refund: a read that moves nothing (the cancel request's answer). */
    @CommandHandler
    Money handle(QuoteRefund command) {
        return remainingOf(command.refundId(), command.upTo());
    }

    private Money remainingOf(RefundId refundId, Money upTo) {
        Money decided = refunds.decided(refundId, amount.currency());
        if (decided != null) {
            return decided;
        }
        requireRefundable(upTo);
        Money refundable = refundable();
        return upTo.isGreaterThan(refundable) ? refundable : upTo;
    }

    @CommandHandler
    void handle(MarkRefundPending command, Clock clock) {
        refunds.markPending(command.refundId(), command.providerReference(), paymentId, clock.instant());
    }

    @CommandHandler
    void handle(MarkRefundOutcomeUnknown command, Clock clock) {
        refunds.markOutcomeUnknown(command.refundId(), command.reason(), paymentId, clock.instant());
    }

    @CommandHandler
    void handle(ConfirmRefund command, Clock clock) {
        refunds.confirm(command.refundId(), command.providerReference(), command.providerEventId(), terms(), clock.instant());
    }

    @CommandHandler
    void handle(FailRefund command, Clock clock) {
        if (command.refusedOnRequest() && refunds.require(paymentId, command.refundId()).state() == RefundStatus.SUCCEEDED) {
            return; // a request for a refund already made was refused because it was made: nothing about it failed
        }
        refunds.fail(command.refundId(), command.reason(), command.providerEventId(), terms(), clock.instant());
    }

    @CommandHandler
    void handle(RecordRefundOutcomes command, Clock clock) {
        for (RecordRefundOutcomes.Outcome outcome : command.outcomes()) {
            if (outcome.succeeded()) {
                refunds.confirm(outcome.refundId(), outcome.providerReference(), command.providerEventId(), terms(), clock.instant());
            } else {
                refunds.fail(outcome.refundId(), String.valueOf(outcome.failureReason()), command.providerEventId(), terms(),
                        clock.instant());
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
        disputes.requireNoneOpen();
    }

    /** What may still be refunded: the capture less every refund that has not failed, and less what went to disputes. */
    private Money refundable() {
        return refunds.refundable(captured).minus(disputes.withheld(amount.currency()));
    }

    @CommandHandler
    void handle(RecordProviderDispute command, DisputeFees policy, Clock clock) {
        disputes.record(command, terms(), refundable(), policy, clock.instant());
    }

    private Terms terms() {
        return new Terms(paymentId, bookingId, gatheringId, hostId, guestId, provider, status, providerReference, captured, hostNet);
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
        if (event.providerReference() != null) {
            providerReference = event.providerReference();
            status = PaymentStatus.AWAITING_PAYMENT;
        }
    }

    @EventSourcingHandler
    void on(PaymentIntentCreated event) {
        providerReference = event.providerReference();
        if (PaymentTransitions.allows(status, PaymentStatus.AWAITING_PAYMENT)) {
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
}
