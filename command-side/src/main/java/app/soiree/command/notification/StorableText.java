package app.soiree.command.notification;

import org.jspecify.annotations.Nullable;

/**
 * Text from events as the planner's tables can hold it. PostgreSQL's text refuses a NUL character; the API refuses one
 * too, but an event written by a bug or an older client may carry it, and the planner stops on a failure (one
 * processor for every notification): one such event would silence every notification after it. The character means
 * nothing to a reader, so it is dropped as the text is stored.
 */
final class StorableText {

    private StorableText() {
    }

    static @Nullable String of(@Nullable String text) {
        return text == null || text.indexOf('\u0000') < 0 ? text : text.replace("\u0000", "");
    }
}
