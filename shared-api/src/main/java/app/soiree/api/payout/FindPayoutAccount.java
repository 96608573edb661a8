package app.soiree.api.payout;

import app.soiree.api.identity.UserId;

/** The host's connected account at the provider; answered with a {@link PayoutAccountView}, {@code NONE} when there is none. */
public record FindPayoutAccount(UserId hostId) {
}
