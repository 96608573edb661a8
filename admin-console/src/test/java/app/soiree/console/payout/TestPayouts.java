package app.soiree.console.payout;

import app.soiree.api.Money;
import app.soiree.api.error.ErrorCode;
import app.soiree.api.identity.UserId;
import app.soiree.api.ledger.FindWallet;
import app.soiree.api.ledger.WalletBalanceView;
import app.soiree.api.ledger.WalletView;
import app.soiree.api.payout.ApprovePayout;
import app.soiree.api.payout.FindHostPayouts;
import app.soiree.api.payout.FindPayout;
import app.soiree.api.payout.FindPayoutRiskHints;
import app.soiree.api.payout.FindPayouts;
import app.soiree.api.payout.PayoutApprovalView;
import app.soiree.api.payout.PayoutId;
import app.soiree.api.payout.PayoutPage;
import app.soiree.api.payout.PayoutRiskHints;
import app.soiree.api.payout.PayoutStatus;
import app.soiree.api.payout.PayoutView;
import app.soiree.api.payout.RejectPayout;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import org.axonframework.commandhandling.CommandExecutionException;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.messaging.MetaData;
import org.axonframework.queryhandling.QueryHandler;
import org.axonframework.queryhandling.QueryUpdateEmitter;
import org.jspecify.annotations.Nullable;

/**
 * Payouts as the platform answers them on Axon's buses, with contents a test sets: the queue pages by
 * cursor and announces every change to subscribers as the payout projection does; decisions are
 * recorded with their metadata, follow the four-eyes rule as the {@code Payout} aggregate does, and
 * reach the read side at once.
 */
public class TestPayouts {

    public static final Instant T0 = Instant.parse("2026-11-20T09:00:00Z");
    public static final UserId HOST = UserId.of("5a1f0000-0000-4000-8000-0000000000a1");
    public static final UserId ADA = UserId.of("5a1f0000-0000-4000-8000-0000000000a2");

    private final QueryUpdateEmitter emitter;
    private final Map<PayoutId, PayoutView> payouts = new ConcurrentHashMap<>();
    public final List<Object> commands = new CopyOnWriteArrayList<>();
    public final List<MetaData> commandMetaData = new CopyOnWriteArrayList<>();
    private volatile boolean refuseApprovals;

    public TestPayouts(QueryUpdateEmitter emitter) {
        this.emitter = emitter;
    }

    public void reset() {
        payouts.clear();
        commands.clear();
        commandMetaData.clear();
        refuseApprovals = false;
    }

    /** The command side refuses every approval, as it does for a requester or a second approval by the same person. */
    public void refuseApprovals() {
        refuseApprovals = true;
    }

    /** A payout of {@code host} requested {@code minutesAfterT0} after {@link #T0}. */
    public static PayoutView payout(UserId host, long amountMinor, PayoutStatus status, long minutesAfterT0, int requiredApprovals,
                                    List<PayoutApprovalView> approvals) {
        Instant requestedAt = T0.plusSeconds(60 * minutesAfterT0);
        return new PayoutView(PayoutId.random(), host, Money.of(amountMinor, "EUR"), status, requestedAt, approvals, requiredApprovals,
                null, null, null, Money.of(0, "EUR"), false, requestedAt);
    }

    /** Puts a payout on the read side and tells subscribers, as the projection does. */
    public PayoutView put(PayoutView payout) {
        PayoutView before = payouts.put(payout.payoutId(), payout);
        PayoutStatus previous = before == null ? null : before.status();
        emitter.emit(FindPayouts.class, query -> query.concerns(previous, payout.status()), payout);
        return payout;
    }

    @QueryHandler
    PayoutPage handle(FindPayouts query) {
        List<PayoutView> matching = payouts.values().stream()
                .filter(payout -> query.status() == null || payout.status() == query.status())
                .sorted(Comparator.comparing(PayoutView::requestedAt)).toList();
        return page(matching, query.cursor(), query.limit());
    }

    @QueryHandler
    @Nullable PayoutView handle(FindPayout query) {
        return payouts.get(query.payoutId());
    }

    @QueryHandler
    PayoutPage handle(FindHostPayouts query) {
        List<PayoutView> newestFirst = payouts.values().stream().filter(payout -> payout.hostId().equals(query.hostId()))
                .sorted(Comparator.comparing(PayoutView::requestedAt).reversed()).toList();
        return page(newestFirst, query.cursor(), query.limit());
    }

    /** A host with a week-old account, one earlier rejection, an open dispute and a refund since their last payout. */
    @QueryHandler
    @Nullable PayoutRiskHints handle(FindPayoutRiskHints query) {
        PayoutView payout = payouts.get(query.payoutId());
        if (payout == null) {
            return null;
        }
        Instant weekOld = Instant.now().minusSeconds(7 * 86_400);
        return new PayoutRiskHints(payout.payoutId(), payout.hostId(), weekOld, weekOld, 2, Money.of(5000, "EUR"), 1, 1, 1);
    }

    @QueryHandler
    WalletView handle(FindWallet query) {
        return new WalletView(List.of(new WalletBalanceView("EUR", Money.of(1200, "EUR"), Money.of(300, "EUR"), Money.of(4000, "EUR"),
                Money.of(0, "EUR"))));
    }

    @CommandHandler
    PayoutStatus handle(ApprovePayout command, MetaData metaData) {
        commands.add(command);
        commandMetaData.add(metaData);
        PayoutView payout = payouts.get(command.payoutId());
        if (refuseApprovals || payout.hostId().equals(command.approvedBy())
                || payout.approvals().stream().anyMatch(approval -> approval.by().equals(command.approvedBy()))) {
            throw new CommandExecutionException("Not this approver", null, ErrorCode.APPROVAL_NOT_ALLOWED.name());
        }
        List<PayoutApprovalView> approvals = new ArrayList<>(payout.approvals());
        approvals.add(new PayoutApprovalView(command.approvedBy(), T0.plusSeconds(3600)));
        boolean last = approvals.size() >= payout.requiredApprovals();
        PayoutStatus status = last ? PayoutStatus.APPROVED : PayoutStatus.PENDING_APPROVAL;
        put(new PayoutView(payout.payoutId(), payout.hostId(), payout.amount(), status, payout.requestedAt(), approvals,
                payout.requiredApprovals(), last ? command.approvedBy() : null, null, null, payout.reversed(), false, T0.plusSeconds(3600)));
        return status;
    }

    @CommandHandler
    PayoutStatus handle(RejectPayout command, MetaData metaData) {
        commands.add(command);
        commandMetaData.add(metaData);
        PayoutView payout = payouts.get(command.payoutId());
        put(new PayoutView(payout.payoutId(), payout.hostId(), payout.amount(), PayoutStatus.REJECTED, payout.requestedAt(),
                payout.approvals(), payout.requiredApprovals(), command.rejectedBy(), command.reason(), null, payout.reversed(), false,
                T0.plusSeconds(3600)));
        return PayoutStatus.REJECTED;
    }

    /** Keyset paging stood in for by position: the cursor is the index after the last payout given. */
    private static PayoutPage page(List<PayoutView> all, @Nullable String cursor, int limit) {
        int start = cursor == null ? 0 : Integer.parseInt(cursor);
        int end = Math.min(all.size(), start + Math.clamp(limit, 1, 100));
        List<PayoutView> items = start >= end ? List.of() : all.subList(start, end);
        return new PayoutPage(items, end < all.size() ? Integer.toString(end) : null);
    }
}
