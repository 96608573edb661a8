package app.soiree.console.platform;

import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.notification.NotificationVariant;

/** Short messages at the top of the screen after an action: what happened, or why it did not. */
public final class Notices {

    /** Long enough to read two lines; they close by themselves so they never pile up over the work. */
    static final int DURATION_MILLIS = 7000;

    private Notices() {
    }

    public static void success(String text) {
        show(text, NotificationVariant.SUCCESS);
    }

    public static void error(String text) {
        show(text, NotificationVariant.ERROR);
    }

    private static void show(String text, NotificationVariant variant) {
        Notification.show(text, DURATION_MILLIS, Notification.Position.TOP_CENTER).addThemeVariants(variant);
    }
}
