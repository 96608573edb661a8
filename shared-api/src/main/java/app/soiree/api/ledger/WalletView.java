package app.soiree.api.ledger;

import java.util.List;

/** What the platform owes a host, one entry per currency the host's accounts have seen. */
public record WalletView(List<WalletBalanceView> balances) {
}
