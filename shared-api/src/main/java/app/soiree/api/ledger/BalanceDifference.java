package app.soiree.api.ledger;

import app.soiree.api.Money;
import org.jspecify.annotations.Nullable;

/**
 * An account and currency whose debits or credits differ between the live ledger and a replay.
 * {@code live} and {@code replayed} are the balances (debits − credits); null where that side has
 * no posting to the account at all. Both balances can be equal when debits and credits differ by
 * the same amount.
 */
public record BalanceDifference(String account, String currency, @Nullable Money live, @Nullable Money replayed) {
}
