package app.soiree.api.ledger;

import java.util.List;

/** Replays, newest first. */
public record LedgerReplayPage(List<LedgerReplayView> items) {
}
