package app.soiree.api.payout;

import java.util.List;
import org.jspecify.annotations.Nullable;

public record PayoutPage(List<PayoutView> items, @Nullable String nextCursor) {
}
