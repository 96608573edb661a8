package app.soiree.api.ledger;

import java.time.Instant;
import java.util.List;

/** {@code balanced} is true when the balances of every currency sum to zero, as double entry requires. */
public record TrialBalanceView(Instant asOf, List<AccountBalanceView> accounts, boolean balanced) {
}
