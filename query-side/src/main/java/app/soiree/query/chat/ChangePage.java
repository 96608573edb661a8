package app.soiree.query.chat;

import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * {@code GET /api/conversations/{id}/changes}: the changes after a seq, gapless and each once.
 * {@code lastSeq} is the conversation's newest seq; {@code hasMore} says that a next page follows
 * (ask again after the last item's seq).
 */
record ChangePage(List<Change> items, long lastSeq, boolean hasMore) {

    /** {@code message} is the message the change was about, as it is now; absent for member and conversation changes. */
    record Change(long seq, String type, @Nullable MessageView message) {
    }
}
