package app.soiree.api.ledger;

import app.soiree.api.Money;
import java.time.Instant;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * One page of account balances, with what the whole ledger says as of the same moment: debits and credits per
 * currency ({@code totals}) and whether they are equal in every currency ({@code balanced}). Page and totals are read
 * in one snapshot, so they never disagree.
 */
public record TrialBalancePage(Instant asOf, List<AccountBalanceView> items, @Nullable String nextCursor, List<CurrencyTotal> totals,
                               boolean balanced) {

    public TrialBalancePage {
        items = List.copyOf(items);
        totals = List.copyOf(totals);
    }

    /** All debits and all credits in one currency; equal when the ledger balances. */
    public record CurrencyTotal(String currency, Money debits, Money credits) {
    }
}
