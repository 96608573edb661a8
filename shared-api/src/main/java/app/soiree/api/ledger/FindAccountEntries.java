package app.soiree.api.ledger;

import java.time.Instant;
import org.jspecify.annotations.Nullable;

/** The postings of one account, oldest first, from {@code from} (inclusive) to {@code to} (exclusive). */
public record FindAccountEntries(String account, @Nullable Instant from, @Nullable Instant to, @Nullable String cursor, int limit) {
}
