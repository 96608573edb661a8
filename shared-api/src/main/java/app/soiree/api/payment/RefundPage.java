package app.soiree.api.payment;

import java.util.List;
import org.jspecify.annotations.Nullable;

public record RefundPage(List<RefundView> items, @Nullable String nextCursor) {
}
