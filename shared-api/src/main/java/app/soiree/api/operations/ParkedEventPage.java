package app.soiree.api.operations;

import java.util.List;
import org.jspecify.annotations.Nullable;

/** One page of parked events, oldest first; {@code nextCursor} is absent on the last page. */
public record ParkedEventPage(List<ParkedEventView> items, @Nullable String nextCursor) {

    public ParkedEventPage {
        items = List.copyOf(items);
    }
}
