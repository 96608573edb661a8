package app.soiree.api.ledger;

import app.soiree.api.Money;

/** One account in one currency: debits and credits as positive sums, balance = debits − credits. */
public record AccountBalanceView(String account, String currency, Money debits, Money credits, Money balance) {
}
