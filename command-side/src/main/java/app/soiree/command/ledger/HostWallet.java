package app.soiree.command.ledger;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

import app.soiree.api.Money;
import app.soiree.api.error.ErrorCode;
import app.soiree.api.error.InvalidFieldsException;
import app.soiree.api.error.SoireeException;
import app.soiree.api.identity.UserId;
import app.soiree.api.ledger.LedgerAccounts;
import app.soiree.api.ledger.Posting;
import app.soiree.api.ledger.Postings;
import app.soiree.api.payout.AvailableFundsRecorded;
import app.soiree.api.payout.HostWalletId;
import app.soiree.api.payout.OpenPayoutAccount;
import app.soiree.api.payout.PayoutAccountOpened;
import app.soiree.api.payout.PayoutAccountStatusReported;
import app.soiree.api.payout.PayoutFundsReserved;
import app.soiree.api.payout.PayoutFundsReturned;
import app.soiree.api.payout.PayoutFundsSource;
import app.soiree.api.payout.RecordAvailableFunds;
import app.soiree.api.payout.ReportPayoutAccountStatus;
import app.soiree.api.payout.ReservePayoutFunds;
import app.soiree.api.payout.ReturnPayoutFunds;
import app.soiree.api.promotion.PayForPromotion;
import app.soiree.api.promotion.PromotionLimits;
import app.soiree.api.promotion.PromotionPaid;
import app.soiree.api.promotion.PromotionRefunded;
import app.soiree.api.promotion.RefundPromotion;
import com.fasterxml.jackson.annotation.JsonAutoDetect;
import com.fasterxml.jackson.annotation.JsonAutoDetect.Visibility;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Currency;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateCreationPolicy;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.modelling.command.CreationPolicy;
import org.axonframework.serialization.Revision;
import org.axonframework.spring.stereotype.Aggregate;
import org.jspecify.annotations.Nullable;

/**
 * The one place that decides whether a payout fits. It knows the host's available balance per currency:
 * what other events posted to {@code host:{id}:available} (forwarded in stream order by the
 * {@link AvailableFundsForwarder}, once per event), plus its own reservations and returns. Commands to one
 * wallet run one at a time, so concurrent payout requests can never reserve more than there is. A balance
 * it learns late only makes it more careful (earnings arrive late), except for a refund after a payout,
 * which the ledger then shows as what the host owes.
 *
 * <p>It also knows the host's connected account at the provider, and whether transfers to it are enabled.
 *
 * <p>Promotions are paid from the same available balance, so the wallet decides them too: it pays each once, and
 * refunds the unused share of one once when its gathering is cancelled ({@link PaidPromotion#unusedAt}).
 */
@Aggregate(snapshotTriggerDefinition = WalletConfiguration.WALLET_SNAPSHOT_TRIGGER)
@Revision(HostWallet.SNAPSHOT_REVISION)
@JsonAutoDetect(fieldVisibility = Visibility.ANY, getterVisibility = Visibility.NONE, isGetterVisibility = Visibility.NONE)
public class HostWallet {

    /** The shape of the fields below, as snapshots store them: a snapshot of another shape is skipped (the events are replayed). */
    static final String SNAPSHOT_REVISION = "3";

    // State fields are not final: snapshots restore them field by field.
    @AggregateIdentifier
    private HostWalletId walletId;
    private UserId hostId;
    /** The available balance per currency, signed: negative when the host owes (a refund after a payout). */
    private Map<Currency, Money> available = new HashMap<>();
    /** The sources of forwarded changes (an event's identifier and currency): each is counted once. */
    private Set<String> sources = new HashSet<>();
    /** The amount reserved for each payout, by payout id. */
    private Map<String, Money> reserved = new HashMap<>();
    /** What came back of each payout so far, by payout id: never more than was reserved. */
    private Map<String, Money> returned = new HashMap<>();
    /** Returns already made, as {@code payoutId:returnId}. */
    private Set<String> returns = new HashSet<>();
    /** The promotions paid, by promotion id. */
    private Map<String, PaidPromotion> promotions = new HashMap<>();
    /** The promotions whose unused share came back: each is refunded once. */
    private Set<String> refundedPromotions = new HashSet<>();
    private @Nullable String provider;
    private @Nullable String accountId;
    private boolean transfersEnabled;
    private @Nullable Instant statusObservedAt;

    protected HostWallet() {
        // for Axon's event sourcing, and for whichever command comes first
    }

    @CommandHandler
    @CreationPolicy(AggregateCreationPolicy.CREATE_IF_MISSING)
    void handle(RecordAvailableFunds command, Clock clock) {
        if (sources.contains(command.source())) {
            return;
        }
        apply(new AvailableFundsRecorded(command.walletId(), command.hostId(), command.source(), command.sourceType(), command.change(),
                clock.instant()));
    }

    @CommandHandler
    @CreationPolicy(AggregateCreationPolicy.CREATE_IF_MISSING)
    String handle(OpenPayoutAccount command, Clock clock) {
        if (accountId != null) {
            return accountId; // the first account recorded stays the host's; a racing onboarding uses it too
        }
        apply(new PayoutAccountOpened(command.walletId(), command.hostId(), command.provider(), command.accountId(),
                command.transfersEnabled(), clock.instant()));
        return command.accountId();
    }

    /** Reports may come before the account is recorded (the provider is quick), in any order, and about accounts that are not this host's. */
    @CommandHandler
    @CreationPolicy(AggregateCreationPolicy.CREATE_IF_MISSING)
    void handle(ReportPayoutAccountStatus command, Clock clock) {
        Instant now = clock.instant();
        if (accountId == null) {
            apply(new PayoutAccountOpened(command.walletId(), command.hostId(), command.provider(), command.accountId(),
                    command.transfersEnabled(), now));
        } else if (!accountId.equals(command.accountId())) {
            return; // an account this wallet does not pay to
        }
        if (statusObservedAt != null && !command.observedAt().isAfter(statusObservedAt)) {
            return; // older news than what is known, or the same news again
        }
        apply(new PayoutAccountStatusReported(command.walletId(), command.hostId(), command.accountId(), command.transfersEnabled(),
                command.observedAt(), command.sourceEventId(), now));
    }

    /** Answers with the connected account the payout goes to. */
    @CommandHandler
    @CreationPolicy(AggregateCreationPolicy.CREATE_IF_MISSING)
    String handle(ReservePayoutFunds command, Clock clock) {
        Money amount = command.amount();
        Money alreadyReserved = reserved.get(command.payoutId().toString());
        if (alreadyReserved != null) {
            if (alreadyReserved.equals(amount) && command.hostId().equals(hostId)) {
                return Objects.requireNonNull(accountId); // the same request again
            }
            throw SoireeException.conflict("Payout " + command.payoutId() + " was requested with another amount");
        }
        if (amount.isNegative() || amount.isZero()) {
            throw new SoireeException(ErrorCode.VALIDATION_FAILED, "A payout needs a positive amount");
        }
        if (accountId == null || !transfersEnabled) {
            throw new SoireeException(ErrorCode.PAYOUT_ACCOUNT_NOT_READY,
                    "Payouts need a payout account that the provider has enabled; see POST /api/me/payout-account");
        }
        Money availableNow = availableIn(amount);
        if (amount.isGreaterThan(availableNow)) {
            throw new SoireeException(ErrorCode.INSUFFICIENT_FUNDS,
                    "At most " + Math.max(0, availableNow.amountMinor()) + " minor units of " + amount.currency().getCurrencyCode()
                            + " are available for a payout");
        }
        apply(new PayoutFundsReserved(walletId(command), command.hostId(), command.payoutId(), amount, accountId,
                Postings.requireBalanced(List.of(
                        Posting.debit(LedgerAccounts.hostAvailable(command.hostId()), amount),
                        Posting.credit(LedgerAccounts.hostReserved(command.hostId()), amount))),
                clock.instant()));
        return accountId;
    }

    @CommandHandler
    void handle(ReturnPayoutFunds command, Clock clock) {
        if (returns.contains(returnKey(command))) {
            return;
        }
        Money reservedForPayout = reserved.get(command.payoutId().toString());
        if (reservedForPayout == null) {
            throw new IllegalStateException("Wallet " + walletId + " never reserved payout " + command.payoutId());
        }
        Money outstanding = reservedForPayout.minus(returned.getOrDefault(command.payoutId().toString(), Money.zero(reservedForPayout.currency())));
        Money amount = command.amount();
        if (amount.isNegative() || amount.isZero() || amount.isGreaterThan(outstanding)) {
            throw new IllegalStateException("Payout " + command.payoutId() + " cannot return " + amount + ": " + outstanding + " is left");
        }
        String from = switch (command.from()) {
            case RESERVED -> LedgerAccounts.hostReserved(hostId);
            case IN_TRANSIT -> LedgerAccounts.PAYOUTS_IN_TRANSIT;
            case PROVIDER -> LedgerAccounts.PROVIDER_CASH;
        };
        apply(new PayoutFundsReturned(walletId, hostId, command.payoutId(), command.returnId(), amount, command.from(), command.reason(),
                Postings.requireBalanced(List.of(Posting.debit(from, amount), Posting.credit(LedgerAccounts.hostAvailable(hostId), amount))),
                clock.instant()));
    }

    /** A promotion needs no payout account: it is paid within the platform, from available to the platform's revenue. */
    @CommandHandler
    @CreationPolicy(AggregateCreationPolicy.CREATE_IF_MISSING)
    void handle(PayForPromotion command, Clock clock) {
        PaidPromotion terms = new PaidPromotion(command.gatheringId(), command.budget(), command.from(), command.until());
        PaidPromotion paid = promotions.get(command.promotionId().toString());
        if (paid != null) {
            if (paid.equals(terms) && command.hostId().equals(hostId)) {
                return; // the same request again
            }
            throw SoireeException.conflict("Promotion " + command.promotionId() + " was paid with other terms");
        }
        requireSaneTerms(command);
        Money budget = command.budget();
        Money availableNow = availableIn(budget);
        if (budget.isGreaterThan(availableNow)) {
            throw new SoireeException(ErrorCode.INSUFFICIENT_FUNDS,
                    "At most " + Math.max(0, availableNow.amountMinor()) + " minor units of " + budget.currency().getCurrencyCode()
                            + " are available for a promotion");
        }
        apply(new PromotionPaid(walletId != null ? walletId : command.walletId(), command.hostId(), command.promotionId(),
                command.gatheringId(), budget, command.from(), command.until(),
                Postings.requireBalanced(List.of(
                        Posting.debit(LedgerAccounts.hostAvailable(command.hostId()), budget),
                        Posting.credit(LedgerAccounts.PROMOTIONS, budget))),
                clock.instant()));
    }

    /** Asked again (a redelivered cancellation, a rebuilt processor), it refunds nothing more. */
    @CommandHandler
    void handle(RefundPromotion command, Clock clock) {
        String promotionId = command.promotionId().toString();
        if (refundedPromotions.contains(promotionId)) {
            return;
        }
        PaidPromotion paid = promotions.get(promotionId);
        if (paid == null) {
            throw new IllegalStateException("Wallet " + walletId + " never paid for promotion " + promotionId);
        }
        Money unused = paid.unusedAt(command.cancelledAt());
        if (unused.isZero()) {
            return; // cancelled after the window closed: the promotion ran in full
        }
        apply(new PromotionRefunded(walletId, hostId, command.promotionId(), paid.gatheringId(), unused, command.cancelledAt(),
                Postings.requireBalanced(List.of(
                        Posting.debit(LedgerAccounts.PROMOTIONS, unused),
                        Posting.credit(LedgerAccounts.hostAvailable(hostId), unused))),
                clock.instant()));
    }

    /** Checked at the door too; checked here again because this is where the money moves. */
    private static void requireSaneTerms(PayForPromotion command) {
        long budgetMinor = command.budget().amountMinor();
        if (budgetMinor < PromotionLimits.MIN_BUDGET_MINOR || budgetMinor > PromotionLimits.MAX_BUDGET_MINOR) {
            throw InvalidFieldsException.of("budget.amount", "must be between " + PromotionLimits.MIN_BUDGET_MINOR + " and "
                    + PromotionLimits.MAX_BUDGET_MINOR + " minor units");
        }
        if (!command.until().isAfter(command.from())) {
            throw InvalidFieldsException.of("until", "must be after from");
        }
        if (Duration.between(command.from(), command.until()).compareTo(PromotionLimits.MAX_WINDOW) > 0) {
            throw InvalidFieldsException.of("until", "must be at most " + PromotionLimits.MAX_WINDOW.toDays() + " days after from");
        }
    }

    private Money availableIn(Money amount) {
        return available.getOrDefault(amount.currency(), Money.zero(amount.currency()));
    }

    private HostWalletId walletId(ReservePayoutFunds command) {
        return walletId != null ? walletId : command.walletId();
    }

    private static String returnKey(ReturnPayoutFunds command) {
        return command.payoutId() + ":" + command.returnId();
    }

    @EventSourcingHandler
    void on(AvailableFundsRecorded event) {
        identify(event.walletId(), event.hostId());
        sources.add(event.source());
        add(event.change());
    }

    @EventSourcingHandler
    void on(PayoutAccountOpened event) {
        identify(event.walletId(), event.hostId());
        provider = event.provider();
        accountId = event.accountId();
        transfersEnabled = event.transfersEnabled();
    }

    @EventSourcingHandler
    void on(PayoutAccountStatusReported event) {
        transfersEnabled = event.transfersEnabled();
        statusObservedAt = event.observedAt();
    }

    @EventSourcingHandler
    void on(PayoutFundsReserved event) {
        identify(event.walletId(), event.hostId());
        add(event.amount().negated());
        reserved.put(event.payoutId().toString(), event.amount());
    }

    @EventSourcingHandler
    void on(PayoutFundsReturned event) {
        add(event.amount());
        returns.add(event.payoutId() + ":" + event.returnId());
        returned.merge(event.payoutId().toString(), event.amount(), Money::plus);
    }

    @EventSourcingHandler
    void on(PromotionPaid event) {
        identify(event.walletId(), event.hostId());
        add(event.budget().negated());
        promotions.put(event.promotionId().toString(), new PaidPromotion(event.gatheringId(), event.budget(), event.from(), event.until()));
    }

    @EventSourcingHandler
    void on(PromotionRefunded event) {
        add(event.amount());
        refundedPromotions.add(event.promotionId().toString());
    }

    private void add(Money change) {
        available.merge(change.currency(), change, Money::plus);
    }

    private void identify(HostWalletId wallet, UserId host) {
        walletId = wallet;
        hostId = host;
    }
}
