package app.soiree.api.ledger;

import java.time.Instant;

/** Every account's debits, credits and balance over the postings made up to and including {@code asOf}. */
public record FindTrialBalance(Instant asOf) {
}
