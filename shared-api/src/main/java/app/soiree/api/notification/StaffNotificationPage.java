package app.soiree.api.notification;

import java.util.List;
import org.jspecify.annotations.Nullable;

public record StaffNotificationPage(List<StaffNotificationView> items, @Nullable String nextCursor) {

    public StaffNotificationPage {
        items = List.copyOf(items);
    }
}
