package app.soiree.api.ledger;

import java.util.UUID;

/** One replay's status, progress and outcome; answered with a {@link LedgerReplayView}, or null when there is no such replay. */
public record FindLedgerReplay(UUID replayId) {
}
