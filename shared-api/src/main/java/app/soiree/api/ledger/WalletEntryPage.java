package app.soiree.api.ledger;

import java.util.List;
import org.jspecify.annotations.Nullable;

public record WalletEntryPage(List<WalletEntryView> items, @Nullable String nextCursor) {
}
