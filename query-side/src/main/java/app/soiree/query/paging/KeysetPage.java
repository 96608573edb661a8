package app.soiree.query.paging;

import java.util.List;
import java.util.function.Function;
import org.jspecify.annotations.Nullable;

/** One page cut from rows that were fetched with {@code limit + 1}: the extra row only tells that another page follows. */
public record KeysetPage<T>(List<T> items, @Nullable String nextCursor) {

    public static <T> KeysetPage<T> of(List<T> rowsFetchedWithOneExtra, int limit, Function<T, Cursor> positionOf) {
        return cut(rowsFetchedWithOneExtra, limit, item -> positionOf.apply(item).encode());
    }

    /** For lists whose sort key is not a {@link Cursor}: {@code encodedPositionOf} gives the opaque cursor after an item. */
    public static <T> KeysetPage<T> cut(List<T> rowsFetchedWithOneExtra, int limit, Function<T, String> encodedPositionOf) {
        if (rowsFetchedWithOneExtra.size() <= limit) {
            return new KeysetPage<>(List.copyOf(rowsFetchedWithOneExtra), null);
        }
        List<T> items = List.copyOf(rowsFetchedWithOneExtra.subList(0, limit));
        return new KeysetPage<>(items, encodedPositionOf.apply(items.getLast()));
    }

    /** The number of rows to fetch for a page of {@code limit} items. */
    public static int rowsToFetch(int limit) {
        return limit + 1;
    }
}
