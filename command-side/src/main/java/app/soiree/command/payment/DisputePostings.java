package app.soiree.command.payment;

import app.soiree.api.Money;
import app.soiree.api.identity.UserId;
import app.soiree.api.ledger.LedgerAccounts;
import app.soiree.api.ledger.Posting;
import app.soiree.api.ledger.Postings;
import java.util.ArrayList;
import java.util.List;

/**
 * The postings of a dispute's three moments (docs/money-lifecycle.md, "Disputes"), with {@code A} the disputed
 * amount, {@code D} the provider's dispute fee and {@code H} the host's share ({@code A}, or {@code A+D} when the
 * host bears the fee). Opening and winning mirror each other exactly, so a won dispute leaves no trace on any
 * balance; losing empties the hold and books what the host does not bear as the platform's loss.
 */
final class DisputePostings {

    private DisputePostings() {
    }

    /** The provider withdrew {@code A+D}; the host's share waits in the dispute hold. */
    static List<Posting> opened(UserId hostId, Money amount, Money fee, Money hostShare) {
        Money withdrawn = amount.plus(fee);
        return Postings.requireBalanced(List.of(
                Posting.credit(LedgerAccounts.PROVIDER_CASH, withdrawn),
                Posting.debit(LedgerAccounts.DISPUTES, withdrawn),
                Posting.debit(LedgerAccounts.hostPending(hostId), hostShare),
                Posting.credit(LedgerAccounts.hostDisputeHold(hostId), hostShare)));
    }

    /** The provider reinstated {@code A+D}; the host's share returns to pending. */
    static List<Posting> won(UserId hostId, Money amount, Money fee, Money hostShare) {
        Money reinstated = amount.plus(fee);
        return Postings.requireBalanced(List.of(
                Posting.debit(LedgerAccounts.PROVIDER_CASH, reinstated),
                Posting.credit(LedgerAccounts.DISPUTES, reinstated),
                Posting.debit(LedgerAccounts.hostDisputeHold(hostId), hostShare),
                Posting.credit(LedgerAccounts.hostPending(hostId), hostShare)));
    }

    /** The withdrawn {@code A+D} is gone: the host loses the hold, the platform the rest. */
    static List<Posting> lost(UserId hostId, Money amount, Money fee, Money hostShare) {
        Money withdrawn = amount.plus(fee);
        List<Posting> postings = new ArrayList<>(List.of(
                Posting.credit(LedgerAccounts.DISPUTES, withdrawn),
                Posting.debit(LedgerAccounts.hostDisputeHold(hostId), hostShare)));
        Money platformLoss = withdrawn.minus(hostShare);
        if (!platformLoss.isZero()) {
            postings.add(Posting.debit(LedgerAccounts.LOSSES, platformLoss));
        }
        return Postings.requireBalanced(postings);
    }
}
