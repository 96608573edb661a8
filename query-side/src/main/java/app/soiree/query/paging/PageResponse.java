package app.soiree.query.paging;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;
import org.jspecify.annotations.Nullable;

/** A list on the wire. {@code nextCursor} is written even when null, which tells clients they reached the end. */
public record PageResponse<T>(List<T> items, @JsonInclude(JsonInclude.Include.ALWAYS) @Nullable String nextCursor) {
}
