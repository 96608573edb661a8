package app.soiree.api.gathering;

import java.util.List;
import org.jspecify.annotations.Nullable;

public record ReviewPage(List<ReviewView> items, @Nullable String nextCursor) {
}
