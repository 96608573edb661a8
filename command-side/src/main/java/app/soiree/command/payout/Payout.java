package app.soiree.command.payout;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

import app.soiree.api.Money;
import app.soiree.api.error.ErrorCode;
import app.soiree.api.error.SoireeException;
import app.soiree.api.identity.UserId;
import app.soiree.api.ledger.LedgerAccounts;
import app.soiree.api.ledger.Posting;
import app.soiree.api.ledger.Postings;
import app.soiree.api.payout.AbandonPayout;
import app.soiree.api.payout.ApprovePayout;
import app.soiree.api.payout.FailPayout;
import app.soiree.api.payout.MarkPayoutPaid;
import app.soiree.api.payout.MarkPayoutTransferUnanswered;
import app.soiree.api.payout.OpenPayout;
import app.soiree.api.payout.PayoutAbandoned;
import app.soiree.api.payout.PayoutApprovalGiven;
import app.soiree.api.payout.PayoutApproved;
import app.soiree.api.payout.PayoutFailed;
import app.soiree.api.payout.PayoutId;
import app.soiree.api.payout.PayoutPaid;
import app.soiree.api.payout.PayoutRejected;
import app.soiree.api.payout.PayoutRequested;
import app.soiree.api.payout.PayoutReversed;
import app.soiree.api.payout.PayoutSent;
import app.soiree.api.payout.PayoutStatus;
import app.soiree.api.payout.PayoutTransferRetried;
import app.soiree.api.payout.PayoutTransferUnanswered;
import app.soiree.api.payout.RejectPayout;
import app.soiree.api.payout.RetryPayoutTransfer;
import app.soiree.api.payout.ReversePayout;
import app.soiree.api.payout.SendPayout;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateCreationPolicy;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.modelling.command.CreationPolicy;
import org.axonframework.spring.stereotype.Aggregate;

/**
 * One payout of reserved funds, from approval to the provider's answer. The approval rule is fixed when
 * it is opened (0, 1 or 2 different FINANCE approvers, by its amount); the requesting host never
 * approves. Once approved its money goes in transit and the transfer is asked of the provider; the
 * provider's answers arrive from the saga and from webhooks, in any order and any number of times.
 * Returning funds to the host is the wallet's business: the saga asks it when this payout is rejected,
 * fails, is reversed, or is abandoned (its funds were reserved, but the request never opened it).
 */
@Aggregate
public class Payout {

    /**
     * Finer than {@link PayoutStatus}: SENDING (in transit, the provider's answer awaited) is shown as APPROVED.
     * The moves between stages are named in {@link PayoutTransitions}.
     */
    enum Stage { PENDING_APPROVAL, APPROVED, SENDING, PAID, FAILED, REJECTED, ABANDONED }

    @AggregateIdentifier
    private PayoutId payoutId;
    private UserId hostId;
    private Money amount;
    private String destinationAccount;
    private int requiredApprovals;
    private List<UserId> approvers = new ArrayList<>();
    private Stage stage;
    private boolean retriesExhausted;
    private Money reversed;

    protected Payout() {
        // for Axon's event sourcing, and for the first OpenPayout
    }

    @CommandHandler
    @CreationPolicy(AggregateCreationPolicy.CREATE_IF_MISSING)
    PayoutStatus handle(OpenPayout command, PayoutProperties policy, Clock clock) {
        if (payoutId != null) {
            if (stage == Stage.ABANDONED) {
                throw SoireeException.conflict("This payout request stopped before the payout was opened, and its funds went back; "
                        + "request it again with a new Idempotency-Key");
            }
            if (!hostId.equals(command.hostId()) || !amount.equals(command.amount())) {
                throw SoireeException.conflict("Payout " + command.payoutId() + " was opened for another host or amount");
            }
            return status();
        }
        if (command.amount().isNegative() || command.amount().isZero()) {
            throw new SoireeException(ErrorCode.VALIDATION_FAILED, "A payout needs a positive amount");
        }
        Instant now = clock.instant();
        int required = policy.approvalsRequiredFor(command.amount());
        apply(new PayoutRequested(command.payoutId(), command.hostId(), command.amount(), command.destinationAccount(), required, now));
        if (required == 0) {
            apply(new PayoutApproved(command.payoutId(), command.hostId(), command.amount(), null, now));
        }
        return status();
    }

    @CommandHandler
    @CreationPolicy(AggregateCreationPolicy.CREATE_IF_MISSING)
    void handle(AbandonPayout command, Clock clock) {
        if (payoutId == null) { // commands to one payout run one at a time: it is opened or abandoned, never both
            apply(new PayoutAbandoned(command.payoutId(), command.hostId(), command.amount(), clock.instant()));
        }
    }

    @CommandHandler
    PayoutStatus handle(ApprovePayout command, Clock clock) {
        requireDecisionTo(Stage.APPROVED);
        if (command.approvedBy().equals(hostId)) {
            throw new SoireeException(ErrorCode.APPROVAL_NOT_ALLOWED, "Nobody approves their own payout");
        }
        if (approvers.contains(command.approvedBy())) {
            throw new SoireeException(ErrorCode.APPROVAL_NOT_ALLOWED,
                    "This payout needs " + requiredApprovals + " different approvers; you approved it already");
        }
        Instant now = clock.instant();
        int given = approvers.size() + 1;
        apply(new PayoutApprovalGiven(payoutId, hostId, command.approvedBy(), given, requiredApprovals, now));
        if (given >= requiredApprovals) {
            apply(new PayoutApproved(payoutId, hostId, amount, command.approvedBy(), now));
        }
        return status();
    }

    @CommandHandler
    PayoutStatus handle(RejectPayout command, Clock clock) {
        if (command.reason() == null || command.reason().isBlank()) {
            throw new SoireeException(ErrorCode.VALIDATION_FAILED, "A rejection needs a reason");
        }
        requireDecisionTo(Stage.REJECTED);
        if (command.rejectedBy().equals(hostId)) {
            throw new SoireeException(ErrorCode.APPROVAL_NOT_ALLOWED, "Nobody decides on their own payout");
        }
        apply(new PayoutRejected(payoutId, hostId, amount, command.rejectedBy(), command.reason().strip(), clock.instant()));
        return status();
    }

    @CommandHandler
    void handle(SendPayout command, Clock clock) {
        if (!PayoutTransitions.allows(stage, Stage.SENDING)) {
            return; // sent already (a saga step retried), or never to be sent
        }
        apply(new PayoutSent(payoutId, hostId, amount, destinationAccount, Postings.requireBalanced(List.of(
                Posting.debit(LedgerAccounts.hostReserved(hostId), amount),
                Posting.credit(LedgerAccounts.PAYOUTS_IN_TRANSIT, amount))), clock.instant()));
    }

    @CommandHandler
    void handle(MarkPayoutPaid command, Clock clock) {
        switch (stage) {
            case SENDING -> paid(command.transferReference(), clock.instant());
            case PAID -> { } // told again: by the transfer's answer and by its webhook, or by copies
            case FAILED -> {
                if (reversed.isZero()) {
                    // The provider refused this transfer, and the funds went back to the host: a transfer now would pay twice.
                    throw new IllegalStateException("Payout " + payoutId + " failed, yet the provider reports its transfer "
                            + command.transferReference() + " (" + command.sourceEventId() + "); someone must look at it");
                }
            }
            default -> throw new IllegalStateException("Payout " + payoutId + " in stage " + stage + " was never sent, yet the provider"
                    + " reports its transfer " + command.transferReference() + " (" + command.sourceEventId() + ")");
        }
    }

    @CommandHandler
    void handle(FailPayout command, Clock clock) {
        if (stage == Stage.SENDING) {
            apply(new PayoutFailed(payoutId, hostId, amount, command.reason(), clock.instant()));
        } else if (stage == Stage.PAID) {
            throw new IllegalStateException("Payout " + payoutId + " was paid, yet reported refused (" + command.sourceEventId() + ")");
        }
    }

    @CommandHandler
    void handle(MarkPayoutTransferUnanswered command, Clock clock) {
        if (stage == Stage.SENDING) {
            apply(new PayoutTransferUnanswered(payoutId, hostId, command.attempt(), command.reason(), command.gaveUp(), clock.instant()));
        }
    }

    @CommandHandler
    void handle(RetryPayoutTransfer command, Clock clock) {
        if (stage != Stage.SENDING || !retriesExhausted) {
            throw new SoireeException(ErrorCode.STATE_CONFLICT, "Only a payout whose transfer stayed unanswered can be retried");
        }
        apply(new PayoutTransferRetried(payoutId, hostId, amount, destinationAccount, command.requestedBy(), clock.instant()));
    }

    /** Reversals are reported as a running total, so copies and reports out of order return each part once. */
    @CommandHandler
    void handle(ReversePayout command, Clock clock) {
        Money total = command.totalReversed();
        if (!total.currency().equals(amount.currency()) || total.isNegative() || total.isGreaterThan(amount)) {
            throw new IllegalStateException("Payout " + payoutId + " of " + amount + " reported reversed by " + total);
        }
        Instant now = clock.instant();
        if (stage == Stage.SENDING) {
            paid(command.transferReference(), now); // the reversal is the first word of a transfer that was made
        }
        if (stage != Stage.PAID && !(stage == Stage.FAILED && !reversed.isZero())) {
            throw new IllegalStateException("Payout " + payoutId + " in stage " + stage + " reported reversed (" + command.sourceEventId() + ")");
        }
        if (total.isGreaterThan(reversed)) {
            apply(new PayoutReversed(payoutId, hostId, total.minus(reversed), total, command.transferReference(), now));
        }
    }

    private void paid(String transferReference, Instant now) {
        apply(new PayoutPaid(payoutId, hostId, amount, transferReference, Postings.requireBalanced(List.of(
                Posting.debit(LedgerAccounts.PAYOUTS_IN_TRANSIT, amount),
                Posting.credit(LedgerAccounts.PROVIDER_CASH, amount))), now));
    }

    /** Approving and rejecting are moves only a payout waiting for approval can make. */
    private void requireDecisionTo(Stage decided) {
        if (!PayoutTransitions.allows(stage, decided)) {
            throw new SoireeException(ErrorCode.PAYOUT_NOT_PENDING, "This payout is " + status() + ", not waiting for approval");
        }
    }

    private PayoutStatus status() {
        return switch (stage) {
            case PENDING_APPROVAL -> PayoutStatus.PENDING_APPROVAL;
            case APPROVED, SENDING -> PayoutStatus.APPROVED;
            case PAID -> PayoutStatus.PAID;
            case FAILED, ABANDONED -> PayoutStatus.FAILED; // either way, the funds went back to the host
            case REJECTED -> PayoutStatus.REJECTED;
        };
    }

    @EventSourcingHandler
    void on(PayoutRequested event) {
        payoutId = event.payoutId();
        hostId = event.hostId();
        amount = event.amount();
        destinationAccount = event.destinationAccount();
        requiredApprovals = event.requiredApprovals();
        stage = Stage.PENDING_APPROVAL;
        reversed = Money.zero(amount.currency());
    }

    @EventSourcingHandler
    void on(PayoutAbandoned event) {
        payoutId = event.payoutId();
        stage = Stage.ABANDONED;
    }

    @EventSourcingHandler
    void on(PayoutApprovalGiven event) {
        approvers.add(event.approvedBy());
    }

    @EventSourcingHandler
    void on(PayoutApproved event) {
        stage = Stage.APPROVED;
    }

    @EventSourcingHandler
    void on(PayoutRejected event) {
        stage = Stage.REJECTED;
    }

    @EventSourcingHandler
    void on(PayoutSent event) {
        stage = Stage.SENDING;
    }

    @EventSourcingHandler
    void on(PayoutTransferUnanswered event) {
        retriesExhausted = event.gaveUp();
    }

    @EventSourcingHandler
    void on(PayoutTransferRetried event) {
        retriesExhausted = false;
    }

    @EventSourcingHandler
    void on(PayoutPaid event) {
        stage = Stage.PAID;
    }

    @EventSourcingHandler
    void on(PayoutFailed event) {
        stage = Stage.FAILED;
    }

    @EventSourcingHandler
    void on(PayoutReversed event) {
        reversed = event.totalReversed();
        if (reversed.equals(amount)) {
            stage = Stage.FAILED; // the host got nothing in the end
        }
    }
}
