package app.soiree.api.ledger;

import java.util.UUID;

/** Replays the event stream into a fresh ledger in the background and compares it with the live one. */
public record StartLedgerReplay(UUID replayId, String requestedBy) {
}
