package app.soiree.api.ledger;

import app.soiree.api.Money;
import java.time.Instant;

/** A posting to one of a host's accounts, as the host sees it: positive is owed to the host. */
public record WalletEntryView(String entryId, Instant occurredAt, String account, Money amount, String reason, String reference) {
}
