package app.soiree.api.ledger;

/** The latest replays, newest first; {@code limit} is brought into 1..100. Answered with a {@link LedgerReplayPage}. */
public record FindLedgerReplays(int limit) {
}
