package app.soiree.api.payout;

import java.time.Instant;
import org.jspecify.annotations.Nullable;

public record PayoutAccountView(PayoutAccountStatus status, @Nullable String provider, @Nullable String accountId,
                                @Nullable Instant openedAt, @Nullable Instant updatedAt) {

    public static PayoutAccountView none() {
        return new PayoutAccountView(PayoutAccountStatus.NONE, null, null, null, null);
    }
}
