package app.soiree.api.payout;

import app.soiree.api.identity.UserId;
import org.jspecify.annotations.Nullable;

/** One host's payouts, newest first; answered with a {@link PayoutPage}. */
public record FindHostPayouts(UserId hostId, @Nullable String cursor, int limit) {
}
