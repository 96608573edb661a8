package app.soiree.api.ledger;

import app.soiree.api.identity.UserId;
import org.jspecify.annotations.Nullable;

/** The postings to a host's accounts, newest first. */
public record FindWalletEntries(UserId hostId, @Nullable String cursor, int limit) {
}
