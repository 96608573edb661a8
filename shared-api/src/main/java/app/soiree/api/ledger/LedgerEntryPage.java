package app.soiree.api.ledger;

import java.util.List;
import org.jspecify.annotations.Nullable;

public record LedgerEntryPage(List<LedgerEntryView> items, @Nullable String nextCursor) {
}
