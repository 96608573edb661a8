package app.soiree.command.payment;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

import app.soiree.api.Money;
import app.soiree.api.identity.UserId;
import app.soiree.api.ledger.LedgerAccounts;
import app.soiree.api.ledger.Posting;
import app.soiree.api.ledger.Postings;
import app.soiree.api.payment.PaymentId;
import app.soiree.api.refund.PaymentRefunded;
import app.soiree.api.refund.RefundFailed;
import app.soiree.api.refund.RefundId;
import app.soiree.api.refund.RefundNotNeeded;
import app.soiree.api.refund.RefundOutcomeUnknown;
import app.soiree.api.refund.RefundPending;
import app.soiree.api.refund.RefundRequested;
import app.soiree.api.refund.RefundReversed;
import app.soiree.api.refund.RefundStatus;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;
import java.util.Currency;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.jspecify.annotations.Nullable;

/**
 * The refunds of one {@link Payment}, a member of it that sources its own state from the payment's events: each
 * refund requested, then succeeded or failed as the provider says, whoever reports it and however often, and booked
 * only when the provider confirms it; and the arithmetic of their postings.
 * Each refund is known by its id; what is set aside for refunds that have not failed never exceeds the
 * capture; and the host's share of the refunds that succeeded is always round(refunded·N/C) (N the
 * host's net of the capture C, half up), so refunds adding up to the capture take exactly N.
 */
final class PaymentRefunds {

    /** One refund as the payment knows it. */
    record Refund(Money amount, RefundStatus state, @Nullable String providerReference) {

        Refund moveTo(RefundStatus next, @Nullable String reference) {
            return new Refund(amount, next, reference != null ? reference : providerReference);
        }
    }

    private final Map<RefundId, Refund> refunds = new HashMap<>();
    private final Set<RefundId> notNeeded = new HashSet<>();
    private Money setAside;
    private Money refundedSucceeded;
    private Money hostShareTaken;

    PaymentRefunds(Currency currency) {
        setAside = Money.zero(currency);
        refundedSucceeded = Money.zero(currency);
        hostShareTaken = Money.zero(currency);
    }

    @Nullable Refund find(RefundId refundId) {
        return refunds.get(refundId);
    }

    /** The amount a refund under this id was decided at (zero when it was not needed), or null while none was. */
    @Nullable Money decided(RefundId refundId, Currency currency) {
        Refund known = refunds.get(refundId);
        if (known != null) {
            return known.amount();
        }
        return notNeeded.contains(refundId) ? Money.zero(currency) : null;
    }

    Refund require(PaymentId paymentId, RefundId refundId) {
        Refund refund = refunds.get(refundId);
        if (refund == null) {
            // Refunds go to the provider only after they were recorded here: a report about another is not this payment's to settle.
            throw new IllegalStateException("Payment " + paymentId + " has no refund " + refundId);
        }
        return refund;
    }

    /** What may still be refunded of the capture: what no refund that has not failed holds. */
    Money refundable(Money captured) {
        return captured.minus(setAside);
    }

    /** The host's share a refund takes when it succeeds: what brings the share of all that succeeded to its rounded part. */
    Money shareOnSuccess(Refund refund, Money captured, Money hostNet) {
        return shareOf(refundedSucceeded.plus(refund.amount()), captured, hostNet).minus(hostShareTaken);
    }

    /** The host's share given back when a refund that succeeded fails after all: the rest keeps its rounded part. */
    Money shareOnReversal(Refund refund, Money captured, Money hostNet) {
        return hostShareTaken.minus(shareOf(refundedSucceeded.minus(refund.amount()), captured, hostNet));
    }

    /** {@code credit platform:stripe R}, {@code debit host:pending share}, {@code debit platform:fees R - share}. */
    static List<Posting> refundPostings(UserId hostId, Money amount, Money hostShare) {
        return Postings.requireBalanced(nonZero(List.of(
                Posting.credit(LedgerAccounts.PROVIDER_CASH, amount),
                Posting.debit(LedgerAccounts.hostPending(hostId), hostShare),
                Posting.debit(LedgerAccounts.PLATFORM_FEES, amount.minus(hostShare)))));
    }

    /** The opposite of {@link #refundPostings}: the money is at the provider again. */
    static List<Posting> reversalPostings(UserId hostId, Money amount, Money hostShare) {
        return Postings.requireBalanced(refundPostings(hostId, amount, hostShare).stream()
                .map(posting -> new Posting(posting.account(), posting.amount().negated())).toList());
    }

    private static Money shareOf(Money refunded, Money captured, Money hostNet) {
        BigDecimal share = BigDecimal.valueOf(refunded.amountMinor()).multiply(BigDecimal.valueOf(hostNet.amountMinor()))
                .divide(BigDecimal.valueOf(captured.amountMinor()), 0, RoundingMode.HALF_UP);
        return new Money(share.longValueExact(), refunded.currency());
    }

    /** A zero posting says nothing (a refund when the platform kept no fee); a refund's own cash posting is never zero. */
    private static List<Posting> nonZero(List<Posting> postings) {
        return postings.stream().filter(posting -> !posting.amount().isZero()).toList();
    }

    // ---- Decisions, applied as the payment's events -------------------------------------------------------------

    void request(RefundId refundId, Money refund, String reason, Payment.Terms payment, Instant now) {
        apply(new RefundRequested(payment.paymentId(), refundId, payment.bookingId(), payment.gatheringId(), payment.hostId(),
                payment.guestId(), refund, reason,
                Objects.requireNonNull(payment.providerReference(), "a captured payment has its provider reference"), now));
    }

    void markPending(RefundId refundId, String providerReference, PaymentId paymentId, Instant now) {
        RefundStatus state = require(paymentId, refundId).state();
        if (state == RefundStatus.REQUESTED || state == RefundStatus.OUTCOME_UNKNOWN) {
            apply(new RefundPending(paymentId, refundId, providerReference, now));
        }
    }

    void markOutcomeUnknown(RefundId refundId, String reason, PaymentId paymentId, Instant now) {
        RefundStatus state = require(paymentId, refundId).state();
        if (state == RefundStatus.REQUESTED || state == RefundStatus.PENDING) {
            apply(new RefundOutcomeUnknown(paymentId, refundId, reason, now));
        }
    }

    void confirm(RefundId refundId, String reference, String providerEventId, Payment.Terms payment, Instant now) {
        Refund refund = require(payment.paymentId(), refundId);
        if (refund.state() == RefundStatus.SUCCEEDED || refund.state() == RefundStatus.FAILED) {
            return; // told before; and a failed refund is final at the provider, so a success after it is a stale report
        }
        Money hostShare = shareOnSuccess(refund, payment.captured(), payment.hostNet());
        apply(new PaymentRefunded(payment.paymentId(), refundId, payment.bookingId(), payment.gatheringId(), payment.hostId(),
                payment.guestId(), refund.amount(), hostShare, refundPostings(payment.hostId(), refund.amount(), hostShare), reference,
                providerEventId, now));
    }

    void fail(RefundId refundId, String reason, String providerEventId, Payment.Terms payment, Instant now) {
        Refund refund = require(payment.paymentId(), refundId);
        switch (refund.state()) {
            case FAILED -> {
                // told before
            }
            case SUCCEEDED -> {
                // The money came back after the refund had gone out (a bank sent it back): undo it in the ledger.
                Money hostShare = shareOnReversal(refund, payment.captured(), payment.hostNet());
                apply(new RefundReversed(payment.paymentId(), refundId, payment.bookingId(), payment.gatheringId(), payment.hostId(),
                        payment.guestId(), refund.amount(), hostShare, reversalPostings(payment.hostId(), refund.amount(), hostShare),
                        reason, providerEventId, now));
            }
            default -> apply(new RefundFailed(payment.paymentId(), refundId, payment.bookingId(), payment.gatheringId(), refund.amount(),
                    reason, providerEventId, now));
        }
    }

    // ---- State, from the payment's events ----------------------------------------------------------------------

    @EventSourcingHandler
    void on(RefundRequested event) {
        refunds.put(event.refundId(), new Refund(event.amount(), RefundStatus.REQUESTED, null));
        setAside = setAside.plus(event.amount());
    }

    @EventSourcingHandler
    void on(RefundNotNeeded event) {
        notNeeded.add(event.refundId());
    }

    @EventSourcingHandler
    void on(RefundPending event) {
        refunds.computeIfPresent(event.refundId(), (id, refund) -> refund.moveTo(RefundStatus.PENDING, event.providerReference()));
    }

    @EventSourcingHandler
    void on(RefundOutcomeUnknown event) {
        refunds.computeIfPresent(event.refundId(), (id, refund) -> refund.moveTo(RefundStatus.OUTCOME_UNKNOWN, null));
    }

    @EventSourcingHandler
    void on(PaymentRefunded event) {
        refunds.computeIfPresent(event.refundId(), (id, refund) -> refund.moveTo(RefundStatus.SUCCEEDED, event.providerReference()));
        refundedSucceeded = refundedSucceeded.plus(event.amount());
        hostShareTaken = hostShareTaken.plus(event.hostShare());
    }

    @EventSourcingHandler
    void on(RefundFailed event) {
        refunds.computeIfPresent(event.refundId(), (id, refund) -> refund.moveTo(RefundStatus.FAILED, null));
        setAside = setAside.minus(event.amount());
    }

    @EventSourcingHandler
    void on(RefundReversed event) {
        refunds.computeIfPresent(event.refundId(), (id, refund) -> refund.moveTo(RefundStatus.FAILED, null));
        setAside = setAside.minus(event.amount());
        refundedSucceeded = refundedSucceeded.minus(event.amount());
        hostShareTaken = hostShareTaken.minus(event.hostShare());
    }
}
