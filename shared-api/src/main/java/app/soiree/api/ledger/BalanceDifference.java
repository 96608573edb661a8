package app.soiree.api.ledger;

import app.soiree.api.Money;
import org.jspecify.annotations.Nullable;

/** An account and currency whose live and replayed balances differ; null where one side has no balance. */
public record BalanceDifference(String account, String currency, @Nullable Money live, @Nullable Money replayed) {
}
