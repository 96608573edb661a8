package app.soiree.command.notification;

import app.soiree.api.notification.NotificationContent;

/** The text of an SMS or a free-form WhatsApp message: the title, the body and the link, nothing else. */
public final class ShortTexts {

    /** Longer texts are cut: an SMS of more than ten segments costs ten times as much and reads worse. */
    public static final int MAX_CHARS = 1_500;

    private ShortTexts() {
    }

    public static String of(NotificationContent content) {
        StringBuilder text = new StringBuilder(content.title());
        if (!content.body().isBlank()) {
            text.append('\n').append(content.body());
        }
        String link = content.link() == null ? "" : "\n" + content.link();
        int room = MAX_CHARS - link.length();
        String words = text.length() > room ? text.substring(0, Math.max(0, room - 1)) + "\u2026" : text.toString();
        return words + link;
    }
}
