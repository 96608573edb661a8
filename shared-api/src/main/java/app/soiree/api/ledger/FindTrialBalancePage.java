package app.soiree.api.ledger;

import java.time.Instant;
import org.jspecify.annotations.Nullable;

/**
 * The trial balance as of {@code asOf} one page at a time, by account and currency, for screens that must not hold
 * every host's accounts at once; answered with a {@link TrialBalancePage}. {@code accountContains}, when given,
 * keeps the accounts whose name contains it (in any case); the totals and the verdict always cover the whole ledger.
 */
public record FindTrialBalancePage(Instant asOf, @Nullable String accountContains, @Nullable String cursor, int limit) {
}
