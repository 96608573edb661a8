package app.soiree.api.promotion;

import app.soiree.api.Money;
import java.time.Instant;
import org.jspecify.annotations.Nullable;

/** {@code refunded}: what came back after a cancellation, absent when nothing did. */
public record PromotionView(PromotionId promotionId, Money budget, Instant from, Instant until, PromotionStatus status,
                            @Nullable Money refunded) {
}
