package app.soiree.api.ledger;

import java.util.List;

/**
 * What the platform owes a host, one entry per currency the host's accounts have seen. A host none of
 * whose accounts has seen a posting has an empty list, not a row of zeros.
 */
public record WalletView(List<WalletBalanceView> balances) {
}
