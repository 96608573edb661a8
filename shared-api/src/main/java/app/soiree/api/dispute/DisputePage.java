package app.soiree.api.dispute;

import java.util.List;
import org.jspecify.annotations.Nullable;

/** One page of the queue; {@code overdueCount} counts every open dispute past its due date without submitted evidence. */
public record DisputePage(List<DisputeSummary> items, @Nullable String nextCursor, long overdueCount) {
}
