package app.soiree.api.ledger;

/** The most recent replays, newest first; answered with a {@link LedgerReplayPage}. */
public record FindLedgerReplays(int limit) {
}
