package app.soiree.api.gathering;

import java.util.List;
import org.jspecify.annotations.Nullable;

public record GatheringPage(List<GatheringView> items, @Nullable String nextCursor) {
}
