package app.soiree.api.audit;

import java.time.Instant;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * A verification of the hash chain over the stored events.
 *
 * <ul>
 *   <li>{@code status}: {@link #RUNNING}, {@link #COMPLETED} or {@link #FAILED} (it could not finish:
 *       {@code failure} says why, and says nothing about the chain).</li>
 *   <li>{@code eventsTotal}: the stored events up to the stream's head when it started;
 *       {@code eventsChecked} grows towards it.</li>
 *   <li>{@code intact}: once completed, whether every event up to there is in the chain exactly as it is
 *       stored; null before. When false, {@code firstBrokenEventId} names the first event, in stream
 *       order, whose link does not hold, and {@code brokenLink} says how.</li>
 * </ul>
 */
public record ChainVerificationView(UUID verificationId, String status, Instant startedAt, @Nullable Instant finishedAt,
                                    String requestedBy, long eventsChecked, long eventsTotal, @Nullable Boolean intact,
                                    @Nullable String firstBrokenEventId, @Nullable String brokenLink, @Nullable String failure) {

    public static final String RUNNING = "RUNNING";
    public static final String COMPLETED = "COMPLETED";
    public static final String FAILED = "FAILED";
}
