package app.soiree.query.paging;

import java.util.List;
import java.util.function.Function;
import org.jspecify.annotations.Nullable;

/** One page cut from rows that were fetched with {@code limit + 1}: the extra row only tells that another page follows. */
public record KeysetPage<T>(List<T> items, @Nullable String nextCursor) {

    public static <T> KeysetPage<T> of(List<T> rowsFetchedWithOneExtra, int limit, Function<T, Cursor> positionOf) {
        if (rowsFetchedWithOneExtra.size() <= limit) {
            return new KeysetPage<>(List.copyOf(rowsFetchedWithOneExtra), null);
        }
        List<T> items = List.copyOf(rowsFetchedWithOneExtra.subList(0, limit));
        return new KeysetPage<>(items, positionOf.apply(items.getLast()).encode());
    }

    /** The number of rows to fetch for a page of {@code limit} items. */
    public static int rowsToFetch(int limit) {
        return limit + 1;
    }
}
