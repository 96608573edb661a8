package app.soiree.api.ledger;

import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * A replay of the ledger from the first event.
 *
 * <ul>
 *   <li>{@code status}: {@link #RUNNING}, {@link #COMPLETED} or {@link #FAILED}; {@code failure} says why it failed.</li>
 *   <li>{@code eventsTotal}: the events in the stream up to its head when the replay started (every event, not
 *       only the ones that move money); {@code eventsProcessed} grows to it.</li>
 *   <li>{@code matches}: once completed, whether every account's debits and credits equal the live ledger's
 *       as of the same point in the stream; {@code differences} lists those that do not (at most 1 000, by
 *       account and currency).</li>
 *   <li>{@code digest}: once completed, SHA-256 (hex) of the replayed balances, one line
 *       {@code account|currency|debits|credits} per account and currency in byte order; the same stream
 *       always gives the same digest.</li>
 * </ul>
 */
public record LedgerReplayView(UUID replayId, String status, Instant startedAt, @Nullable Instant finishedAt, String requestedBy,
                               long eventsProcessed, long eventsTotal, @Nullable Boolean matches, @Nullable String digest,
                               List<BalanceDifference> differences, @Nullable String failure) {

    public static final String RUNNING = "RUNNING";
    public static final String COMPLETED = "COMPLETED";
    public static final String FAILED = "FAILED";

    /** Without a failure reason, for a replay that is running or completed. */
    public LedgerReplayView(UUID replayId, String status, Instant startedAt, @Nullable Instant finishedAt, String requestedBy,
                            long eventsProcessed, long eventsTotal, @Nullable Boolean matches, @Nullable String digest,
                            List<BalanceDifference> differences) {
        this(replayId, status, startedAt, finishedAt, requestedBy, eventsProcessed, eventsTotal, matches, digest, differences, null);
    }
}
