package app.soiree.api.ledger;

import java.util.List;

public record LedgerReplayPage(List<LedgerReplayView> items) {
}
