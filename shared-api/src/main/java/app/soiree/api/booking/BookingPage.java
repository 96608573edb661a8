package app.soiree.api.booking;

import java.util.List;
import org.jspecify.annotations.Nullable;

public record BookingPage(List<BookingView> items, @Nullable String nextCursor) {
}
