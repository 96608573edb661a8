package app.soiree.api.ledger;

import app.soiree.api.Money;
import java.time.Instant;

/** One posting of the journal with the event that made it. {@code amount}: debit positive, credit negative. */
public record LedgerEntryView(String entryId, Instant occurredAt, String account, Money amount, String eventId, String eventType,
                              String actor, String reference) {
}
