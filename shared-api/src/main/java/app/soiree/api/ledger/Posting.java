package app.soiree.api.ledger;

import app.soiree.api.Money;
import java.util.Objects;

/**
 * One side of a transfer: an amount booked to an account. Debits are positive, credits negative, so
 * the postings of one event always sum to zero per currency ({@link Postings#requireBalanced}).
 * Asset accounts ({@code platform:stripe}) grow with debits; what the platform owes a host
 * ({@code host:{id}:pending}) grows with credits.
 */
public record Posting(String account, Money amount) {

    public Posting {
        Objects.requireNonNull(account, "account");
        Objects.requireNonNull(amount, "amount");
        if (LedgerAccount.parse(account).isEmpty()) {
            throw new IllegalArgumentException("A posting needs an account of the chart, not '" + account + "'");
        }
    }

    /** The account this posting books to. */
    public LedgerAccount ledgerAccount() {
        return LedgerAccount.parse(account).orElseThrow();
    }

    public static Posting debit(String account, Money amount) {
        return new Posting(account, amount);
    }

    public static Posting credit(String account, Money amount) {
        return new Posting(account, amount.negated());
    }
}
