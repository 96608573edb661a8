package app.soiree.api.notification;

import java.time.ZoneId;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * A recipient's choices: a switch per channel, a switch per category and channel, quiet hours in their time zone and
 * the language their notifications are written in. What is not mentioned keeps its default.
 */
public record NotificationPreferences(
        String timezone,
        @Nullable QuietHours quietHours,
        Map<NotificationChannel, Boolean> channels,
        Map<NotificationCategory, Map<NotificationChannel, Boolean>> categories,
        String language) {

    public static final String DEFAULT_TIMEZONE = "UTC";
    public static final String DEFAULT_LANGUAGE = "en";

    public NotificationPreferences {
        channels = complete(channels);
        Map<NotificationCategory, Map<NotificationChannel, Boolean>> filled = new EnumMap<>(NotificationCategory.class);
        for (NotificationCategory category : NotificationCategory.values()) {
            Map<NotificationChannel, Boolean> given = categories.get(category);
            Map<NotificationChannel, Boolean> row = new EnumMap<>(NotificationChannel.class);
            for (NotificationChannel channel : NotificationChannel.values()) {
                Boolean value = given != null ? given.get(channel) : null;
                row.put(channel, value != null ? value : defaultFor(category, channel));
            }
            filled.put(category, Map.copyOf(row));
        }
        categories = Map.copyOf(filled);
    }

    public static NotificationPreferences defaults() {
        return new NotificationPreferences(DEFAULT_TIMEZONE, null, Map.of(), Map.of(), DEFAULT_LANGUAGE);
    }

    /**
     * Out of the box: everything in-app; email for all but promotions; SMS and WhatsApp (once the number is verified and,
     * for WhatsApp, consent given) for what is time-critical: transactions, reminders and hosting.
     */
    public static boolean defaultFor(NotificationCategory category, NotificationChannel channel) {
        return switch (channel) {
            case IN_APP -> true;
            case EMAIL -> category != NotificationCategory.PROMOTIONAL;
            case SMS, WHATSAPP -> category == NotificationCategory.TRANSACTIONAL || category == NotificationCategory.REMINDERS
                    || category == NotificationCategory.HOSTING;
        };
    }

    public ZoneId zone() {
        return ZoneId.of(timezone);
    }

    public boolean channelOn(NotificationChannel channel) {
        return channel == NotificationChannel.IN_APP || Boolean.TRUE.equals(channels.get(channel));
    }

    public boolean categoryOn(NotificationCategory category, NotificationChannel channel) {
        return Boolean.TRUE.equals(categories.get(category).get(channel));
    }

    /** The category switches that would silence a critical kind on in-app or email, as {@code categories.X.Y} paths. */
    public List<String> criticalSwitchedOff() {
        List<String> refused = new ArrayList<>();
        for (NotificationCategory category : NotificationCategory.values()) {
            if (!NotificationKind.hasCriticalKind(category)) {
                continue;
            }
            for (NotificationChannel channel : List.of(NotificationChannel.IN_APP, NotificationChannel.EMAIL)) {
                if (!categoryOn(category, channel)) {
                    refused.add("categories." + category + "." + channel);
                }
            }
        }
        return refused;
    }

    private static Map<NotificationChannel, Boolean> complete(Map<NotificationChannel, Boolean> given) {
        Map<NotificationChannel, Boolean> all = new EnumMap<>(NotificationChannel.class);
        for (NotificationChannel channel : NotificationChannel.values()) {
            Boolean value = given.get(channel);
            all.put(channel, channel == NotificationChannel.IN_APP || value == null || value);
        }
        return Map.copyOf(all);
    }
}
