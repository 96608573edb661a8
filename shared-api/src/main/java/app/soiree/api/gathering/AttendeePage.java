package app.soiree.api.gathering;

import java.util.List;
import org.jspecify.annotations.Nullable;

public record AttendeePage(List<AttendeeView> items, @Nullable String nextCursor) {
}
