package app.soiree.query.ledger;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Limits of a ledger replay ({@code soiree.ledger.replay.*}).
 *
 * @param batchSize  events applied between two writes of the replayed balances and the progress (default 500)
 * @param liveWait   at the end, how long to wait for the live ledger to reach the replay's position in the
 *                   stream before comparing anyway; what it has not journaled by then shows up as
 *                   differences (default one minute)
 * @param staleAfter a running replay whose heartbeat is older than this was abandoned by a process that
 *                   stopped, and is marked failed; the heartbeat beats three times as often (default 30 s)
 */
@ConfigurationProperties("soiree.ledger.replay")
record LedgerReplayProperties(Integer batchSize, Duration liveWait, Duration staleAfter) {

    LedgerReplayProperties {
        batchSize = batchSize == null ? 500 : batchSize;
        liveWait = liveWait == null ? Duration.ofMinutes(1) : liveWait;
        staleAfter = staleAfter == null ? Duration.ofSeconds(30) : staleAfter;
        if (batchSize < 1 || batchSize > 100_000) {
            throw new IllegalArgumentException("soiree.ledger.replay.batch-size must be between 1 and 100000");
        }
        if (staleAfter.compareTo(Duration.ofSeconds(3)) < 0) {
            throw new IllegalArgumentException("soiree.ledger.replay.stale-after must be at least PT3S");
        }
    }
}
