package app.soiree.api.ledger;

import app.soiree.api.Money;

/** A host's accounts in one currency, as the host sees them: positive is owed to the host. */
public record WalletBalanceView(String currency, Money pending, Money available, Money reserved, Money disputeHold) {
}
