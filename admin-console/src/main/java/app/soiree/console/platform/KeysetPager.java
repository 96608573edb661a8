package app.soiree.console.platform;

import com.vaadin.flow.data.provider.Query;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Stream;
import org.jspecify.annotations.Nullable;

/**
 * Feeds a lazy Vaadin grid from a query that pages by keyset cursor ({@code items, nextCursor}).
 * Grids ask by offset; cursors only go forward. So the pager remembers the cursor that starts each
 * page it has seen, walks forward from the last known one when the grid asks further ahead, and
 * keeps the last few pages so that scrolling back does not ask again. Memory stays bounded: a
 * handful of pages of items, and one short cursor string per page passed.
 */
public final class KeysetPager<T> {

    /** One page as the query side answers it. */
    public record Page<T>(List<T> items, @Nullable String nextCursor) {
    }

    static final int CACHED_PAGES = 8;

    private final int pageSize;
    private final Function<@Nullable String, Page<T>> fetchPage;
    /** {@code cursors.get(k)} starts page k; page 0 starts at null. */
    private final List<@Nullable String> cursors = new ArrayList<>();
    private final Map<Integer, List<T>> cached = new LinkedHashMap<>(16, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<Integer, List<T>> eldest) {
            return size() > CACHED_PAGES;
        }
    };
    /** Index of the last page, once a page without a next cursor was seen. */
    private int lastPage = Integer.MAX_VALUE;

    /** {@code fetchPage} is asked for {@code pageSize} items after the given cursor (null: from the start). */
    public KeysetPager(int pageSize, Function<@Nullable String, Page<T>> fetchPage) {
        if (pageSize < 1) {
            throw new IllegalArgumentException("pageSize must be positive");
        }
        this.pageSize = pageSize;
        this.fetchPage = fetchPage;
        reset();
    }

    public int pageSize() {
        return pageSize;
    }

    /** Forgets everything: the next fetch starts again from the first page (after a filter changed). */
    public void reset() {
        cursors.clear();
        cursors.add(null);
        cached.clear();
        lastPage = Integer.MAX_VALUE;
    }

    /** The grid's fetch callback. */
    public Stream<T> fetch(Query<T, ?> query) {
        return fetch(query.getOffset(), query.getLimit());
    }

    public Stream<T> fetch(int offset, int limit) {
        List<T> items = new ArrayList<>(limit);
        int page = offset / pageSize;
        int skip = offset % pageSize;
        while (items.size() < limit && page <= lastPage) {
            List<T> content = page(page);
            if (content == null) {
                break;
            }
            for (int i = skip; i < content.size() && items.size() < limit; i++) {
                items.add(content.get(i));
            }
            skip = 0;
            page++;
        }
        return items.stream();
    }

    private @Nullable List<T> page(int index) {
        List<T> known = cached.get(index);
        if (known != null) {
            return known;
        }
        // Walk forward from the furthest page whose start is known; only then is page `index` reachable.
        while (cursors.size() <= index) {
            int furthest = cursors.size() - 1;
            if (furthest >= lastPage || load(furthest) == null) {
                return null;
            }
        }
        return index > lastPage ? null : load(index);
    }

    private @Nullable List<T> load(int index) {
        Page<T> page = fetchPage.apply(cursors.get(index));
        if (page.items().size() > pageSize) {
            throw new IllegalStateException("A page of " + pageSize + " came back with " + page.items().size() + " items");
        }
        cached.put(index, page.items());
        if (page.nextCursor() == null || page.items().isEmpty()) {
            lastPage = index;
        } else if (cursors.size() == index + 1) {
            cursors.add(page.nextCursor());
        }
        return page.items();
    }
}
