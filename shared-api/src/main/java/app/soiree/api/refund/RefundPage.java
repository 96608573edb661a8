package app.soiree.api.refund;

import java.util.List;
import org.jspecify.annotations.Nullable;

public record RefundPage(List<RefundView> items, @Nullable String nextCursor) {
}
