package app.soiree.api.dispute;

import java.time.Duration;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * Support's queue, soonest evidence due date first. Empty {@code statuses} means every status; amounts are minor
 * units of each dispute's own currency; {@code dueWithin} keeps disputes whose evidence is due before now plus that
 * (overdue ones included). As a subscription query, it is updated with a {@link DisputeSummary} whenever a dispute
 * opens or changes.
 */
public record FindDisputes(List<DisputeStatus> statuses, @Nullable Long minAmount, @Nullable Long maxAmount,
                           @Nullable Duration dueWithin, @Nullable String cursor, int limit) {

    public FindDisputes {
        statuses = List.copyOf(statuses);
    }
}
