package app.soiree.api.ledger;

import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * A ledger replay and where it stands. {@code status}: RUNNING, COMPLETED or FAILED. Once completed,
 * {@code matches} says whether the replayed balances equal the live ones, {@code differences} lists
 * those that do not, and {@code digest} fingerprints the replayed balances.
 */
public record LedgerReplayView(UUID replayId, String status, Instant startedAt, @Nullable Instant finishedAt, String requestedBy,
                               long eventsProcessed, long eventsTotal, @Nullable Boolean matches, @Nullable String digest,
                               List<BalanceDifference> differences) {
}
